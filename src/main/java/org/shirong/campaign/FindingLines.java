package org.shirong.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.shirong.system.LineColumns;

/**
 * Reads the findings typed (or pasted from a spreadsheet) on a campaign task's form: one problem per
 * line, columns separated as {@link LineColumns} says (tab, ｜ or |; semicolons are text) — 问题描述, 地点,
 * 问题类别 (name or code, may be left out), 补充说明 (may be left out), 属地 (the town or street, may be left
 * out), 社区 (社区、村 or 网格, may be left out), 小项 (the survey category's sub-item, may be left out: sjreview-s57 D17,
 * the survey names its points by 小项). Blank lines are skipped; a line of more than seven columns
 * refuses the field naming the line, so nothing typed is dropped.
 */
final class FindingLines {

    static final String FORMAT = "问题描述｜地点｜问题类别｜补充说明｜属地｜社区｜小项";
    static final String EXAMPLE = "九亭大街 18 号垃圾桶满溢｜九亭大街 18 号｜暴露垃圾｜沿街商铺门前";
    private static final int MAX_COLUMNS = 7;

    private FindingLines() {
    }

    /** Each non-blank line as {title, address, category, description, territory, community, subItem, line}. */
    static List<Map<String, Object>> parse(String text) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (LineColumns.Line line : LineColumns.lines(text)) {
            LineColumns.tooMany(line, MAX_COLUMNS, FORMAT).ifPresent(problems::add);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", line.column(0));
            row.put("address", line.column(1));
            row.put("category", line.column(2));
            row.put("description", line.column(3));
            row.put("territory", line.column(4));
            row.put("community", line.column(5));
            row.put("subItem", line.column(6));
            row.put("line", line.number());
            rows.add(row);
        }
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_FINDINGS, String.join("；", problems));
        }
        return rows;
    }
}
