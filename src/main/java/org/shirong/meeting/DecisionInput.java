package org.shirong.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the record form's 决定事项 list ({@code decisions}: content, kind, unit, due, category,
 * address), numbered from 1. The list arrives from Tasklist as a Json variable, from Java as a list of
 * maps; both are read here.
 */
record DecisionInput(int no, String content, String kind, String unit, String due, String category, String address) {

    private static final ObjectMapper JSON = new ObjectMapper();

    boolean isCase() {
        return JointMeetingProcess.KIND_CASE.equals(kind);
    }

    String kindLabel() {
        return isCase() ? "整改案件" : JointMeetingProcess.KIND_ASSIGNMENT.equals(kind) ? "交办任务" : kind;
    }

    static List<DecisionInput> all(Object value) {
        JsonNode rows = tree(value);
        List<DecisionInput> decisions = new ArrayList<>();
        if (rows == null || !rows.isArray()) {
            return decisions;
        }
        for (JsonNode row : rows) {
            decisions.add(new DecisionInput(decisions.size() + 1, text(row, "content"), text(row, "kind"), text(row, "unit"),
                    text(row, "due"), text(row, "category"), text(row, "address")));
        }
        return decisions;
    }

    /** Option values ({@code [{label, value}]}) of a Json variable, e.g. the units the form offers. */
    static List<String> optionValues(Object value) {
        JsonNode rows = tree(value);
        List<String> values = new ArrayList<>();
        if (rows != null) {
            rows.forEach(r -> values.add(text(r, "value")));
        }
        return values;
    }

    /** JSON text of a value, e.g. form options for a Json variable. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A Json variable (Spin node or JSON text) or a Java list as a Jackson tree; null when there is none. */
    static JsonNode tree(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> || value instanceof java.util.Map<?, ?>) {
            return JSON.valueToTree(value);
        }
        try {
            return JSON.readTree(value.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("无法读取 JSON 变量：" + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() ? "" : v.asText().strip();
    }
}
