package org.shirong.scoring;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.shirong.scoring.UnitScores.CooperationScores;
import org.shirong.system.XlsxSheet;
import org.shirong.system.XlsxSheet.Column;

/**
 * The 考核得分 Excel's sheets beside the ranking for what the campaign's 通报 names too (jtreview-s59 T15): 协办, each
 * unit's 协办 of the period as the 通报's 属地街镇和协办部门配合情况 counts it, and 逾期任务, the tasks the 通报 names its
 * units for.
 */
final class NoticeSheets {

    static final String COOPERATION = "协办";
    static final String LATE_TASKS = "逾期任务";

    private NoticeSheets() {
    }

    /** 通报 once the campaign's 通报 of the period is issued, else 列入通报范围 (not 通报'd yet): the sheets' column. */
    static String namedHeader(boolean issued) {
        return issued ? "通报" : "列入通报范围";
    }

    /** {@code issued}: the period's 通报 is issued: its column is headed 通报, else 列入通报范围, as the ranking sheet's. */
    static void cooperation(Workbook workbook, String title, String subtitle, CooperationScores cooperation, boolean issued,
            ZoneId zone) {
        boolean scored = cooperation.units().stream().anyMatch(u -> u.points() != null);
        List<Column> columns = new ArrayList<>(List.of(new Column("排名", 6), new Column("单位", 16), new Column("协办数", 8),
                new Column("按时完成", 8), new Column("逾期完成", 8), new Column("未完成", 8), new Column("协办按时率", 10)));
        if (scored) {
            columns.add(new Column("得分", 8));
        }
        columns.add(new Column(namedHeader(issued), 8));
        XlsxSheet sheet = XlsxSheet.start(workbook, COOPERATION, title, subtitle, columns, zone);
        int row = sheet.firstDataRow();
        for (CooperationScores.CooperationLine u : cooperation.units()) {
            int col = 0;
            sheet.number(row, col++, u.rank());
            sheet.label(row, col++, u.unitName());
            sheet.number(row, col++, u.count());
            sheet.number(row, col++, u.doneOnTime());
            sheet.number(row, col++, u.doneLate());
            sheet.number(row, col++, u.notDone());
            sheet.label(row, col++, u.onTimeRate());
            if (scored) {
                sheet.decimal(row, col++, u.points());
            }
            sheet.label(row, col, cooperation.named().contains(u) ? "是" : "否");
            row++;
        }
        // the 通报's own sentence, 予以通报 only once it is issued (diffreview-s60 R11, R12)
        String named = cooperation.namedSentence(issued);
        sheet.note(row + 1, columns.size(), cooperation.units().isEmpty() ? "本期没有到期的协办。"
                : cooperation.provisional() ? "本期尚未结束，协办情况为暂定，不据此通报。"
                : named.isEmpty() ? "本期没有未完成协办的单位。" : named + "。");
    }

    /**
     * {@code provisional}: the period still runs, and its 通报 names no late task yet; {@code issued}: the period's 通报 is
     * issued (before, its late tasks are 列入通报范围 only, diffreview-s60 R12).
     */
    static void lateTasks(Workbook workbook, String title, String subtitle, List<NoticeOthers.LateTask> tasks, boolean provisional,
            boolean issued, ZoneId zone) {
        List<Column> columns = List.of(new Column("单位", 16), new Column("任务", 30), new Column("到期日", 14), new Column("完成情况", 30));
        XlsxSheet sheet = XlsxSheet.start(workbook, LATE_TASKS, title, subtitle, columns, zone);
        int row = sheet.firstDataRow();
        for (NoticeOthers.LateTask t : tasks) {
            sheet.label(row, 0, t.unitName());
            sheet.text(row, 1, t.task());
            sheet.label(row, 2, t.due());
            sheet.text(row, 3, t.state());
            row++;
        }
        sheet.note(row + 1, columns.size(), provisional ? "本期尚未结束，期末后按考核细则确定逾期任务，不据此通报。"
                : tasks.isEmpty() ? "本期没有逾期未完成的工作任务。"
                : "以上单位未在期限内完成本期到期的工作任务，或以前到期的工作任务仍未完成，"
                        + (issued ? "予以通报。" : "列入通报范围（本期通报尚未印发）。"));
    }
}
