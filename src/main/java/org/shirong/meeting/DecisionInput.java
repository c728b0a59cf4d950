package org.shirong.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.shirong.meeting.MeetingPapers.Option;

/**
 * One decision of a meeting (content, kind, unit group id, due day yyyy-MM-dd, category code, address),
 * numbered from 1. The record form's textarea is read by {@link DecisionLines}; what it accepted is
 * kept, resolved, in the Json variable {@code recordedDecisions}, which 生成会议纪要 and 落实会议决定
 * read ({@link #recorded}). A structured list ({@code [{content, kind, unit, due, category, address}]})
 * arrives as a Json variable or a Java list of maps; both are read here.
 */
record DecisionInput(int no, String content, String kind, String unit, String due, String category, String address) {

    private static final ObjectMapper JSON = new ObjectMapper();

    boolean isCase() {
        return JointMeetingProcess.KIND_CASE.equals(kind);
    }

    /** A decision to 通报 the unit (通报｜单位｜原因): the content is the reason, there is no 期限. */
    boolean isNotice() {
        return JointMeetingProcess.KIND_NOTICE.equals(kind);
    }

    String kindLabel() {
        return isCase() ? "整改案件" : JointMeetingProcess.KIND_ASSIGNMENT.equals(kind) ? "交办任务" : isNotice() ? "通报" : kind;
    }

    /** The row as the structured list has it. */
    Map<String, String> row() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("content", content);
        row.put("kind", kind);
        row.put("unit", unit);
        row.put("due", due);
        row.put("category", category);
        row.put("address", address);
        return row;
    }

    /** Whether a {@code decisions} value is a structured list rather than the form's text: a Java list, a Json array, or text of one. */
    static boolean isList(Object value) {
        if (value instanceof List<?>) {
            return true;
        }
        if (value instanceof SpinJsonNode node) {
            return node.isArray();
        }
        if (value instanceof String text && text.strip().startsWith("[")) {
            try {
                return JSON.readTree(text).isArray();
            } catch (JsonProcessingException notJson) {
                return false;
            }
        }
        return false;
    }

    /** The decisions the record accepted ({@code recordedDecisions}); for a meeting recorded before it was kept, the structured {@code decisions}. */
    static List<DecisionInput> recorded(VariableScope variables) {
        Object recorded = variables.getVariable(JointMeetingProcess.VAR_RECORDED_DECISIONS);
        return all(recorded != null ? recorded : variables.getVariable(JointMeetingProcess.VAR_DECISIONS));
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

    /** Options ({@code [{label, value}]}) of a Json variable, e.g. the units the form offers. */
    static List<Option> options(Object value) {
        JsonNode rows = tree(value);
        List<Option> options = new ArrayList<>();
        if (rows != null) {
            rows.forEach(r -> options.add(new Option(text(r, "label"), text(r, "value"))));
        }
        return options;
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
