package org.shirong.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.shirong.system.TextInput;

/**
 * The reasons a checkpoint gives for cases still open when it confirms "全部整改到位": one line per case,
 * 案件编号｜理由, split like the other line-per-row fields (main's {@code system.LineColumns}, which this branch
 * predates): ｜ or |, or the tabs of a row pasted from a spreadsheet; semicolons are text. Blank lines are skipped;
 * a line without a reason, with more than two columns, or naming a case that is not open in the campaign is refused
 * with its line number.
 */
final class OpenCaseReasons {

    private static final Pattern BARS = Pattern.compile("[｜|]");

    private OpenCaseReasons() {
    }

    /** Case number → reason, in the order given. */
    static Map<String, String> parse(String text, Collection<String> openCases) {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (TextInput.isBlank(text)) {
            return reasons;
        }
        TextInput.problem("未结案件的理由", text, true).ifPresent(message -> {
            throw refused(message);
        });
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> columns = new ArrayList<>(Arrays.stream(lines[i].indexOf('\t') >= 0 ? lines[i].split("\t", -1)
                    : BARS.split(lines[i], -1)).map(String::strip).toList());
            while (columns.size() > 1 && columns.get(columns.size() - 1).isEmpty()) {
                columns.remove(columns.size() - 1);
            }
            if (columns.size() > 2) {
                throw refused("第 %d 行：有 %d 栏，最多 2 栏：案件编号｜理由。整行未收，请检查理由里是否写了竖线 ｜ 或 |（分栏符；分号不分栏，可以写在文字里）"
                        .formatted(i + 1, columns.size()));
            }
            String caseNo = columns.get(0);
            String reason = columns.size() < 2 ? "" : columns.get(1);
            if (reason.isEmpty()) {
                throw refused("第 %d 行：请按“案件编号｜理由”写明 %s 未结案的理由".formatted(i + 1, caseNo));
            }
            if (!openCases.contains(caseNo)) {
                throw refused("第 %d 行：%s 不是本活动未结案的案件".formatted(i + 1, caseNo));
            }
            if (reasons.putIfAbsent(caseNo, reason) != null) {
                throw refused("第 %d 行：案件 %s 已在前面写过理由".formatted(i + 1, caseNo));
            }
        }
        return reasons;
    }

    private static FormFieldValidationException refused(String message) {
        return new FormFieldValidationException(CampaignTaskProcess.VAR_OPEN_CASE_REASONS, message);
    }
}
