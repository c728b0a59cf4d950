package org.shirong.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.xml.sax.SAXParseException;

/**
 * Checks the files a process owner edits before (DMN, forms) and while (BPMN) they are deployed,
 * and words every problem as "file: element or line: what is wrong".
 */
class ProcessResourceValidator {

    private final ObjectMapper json = new ObjectMapper();
    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** The engine refuses a decision without {@code historyTimeToLive} (it enforces one and has no default): so do we, first. */
    private final boolean historyTimeToLiveRequired;

    ProcessResourceValidator(boolean historyTimeToLiveRequired) {
        this.historyTimeToLiveRequired = historyTimeToLiveRequired;
    }

    /**
     * Problems found in DMN and form files, one line each; empty when all is well. {@code decisionsChecked} holds the
     * decision files already parsed in this deployment pass (content → problem, empty when none): the organisations
     * share most of their tables.
     */
    List<String> check(List<ProcessResource> resources, Map<ByteBuffer, String> decisionsChecked) {
        List<String> problems = new ArrayList<>();
        Map<String, String> formIds = new HashMap<>();
        for (ProcessResource resource : resources) {
            if (resource.hasExtension("dmn")) {
                String problem = decisionsChecked.computeIfAbsent(ByteBuffer.wrap(resource.content()), key -> checkDecision(resource));
                if (!problem.isEmpty()) {
                    problems.add(resource.origin() + ": " + problem);
                }
            } else if (resource.hasExtension("form")) {
                checkForm(resource, problems, formIds);
            }
        }
        return problems;
    }

    /**
     * Read with the schemas compiled once ({@link ModelFiles}); a file that does not read so is parsed again as the
     * engine would, for the engine's own wording of what is wrong.
     */
    private String checkDecision(ProcessResource resource) {
        try {
            DmnModelInstance model = ModelFiles.readDmn(resource.content());
            dmnEngine.parseDecisions(model);
            return historyTimeToLiveRequired ? withoutHistoryTimeToLive(model) : "";
        } catch (RuntimeException unreadable) {
            try {
                dmnEngine.parseDecisions(new ByteArrayInputStream(resource.content()));
                return "";
            } catch (RuntimeException e) {
                return xmlProblem(e);
            }
        }
    }

    private static final java.util.regex.Pattern ENGINE_LINE = java.util.regex.Pattern.compile(
            "(?s).*?Line=(\\d+):\\s*(.+?)\\)?\\s*$");

    /**
     * The DMN reader's refusal as BPMN files' are given (poreview-s56 P10): "第 n 行[第 m 列]: …" in Chinese when the XML
     * parser said where, else the engine's words.
     */
    static String xmlProblem(RuntimeException e) {
        SAXParseException sax = BpmnFileCheck.saxCause(e);
        if (sax != null && sax.getLineNumber() > 0) {
            return "第 %d 行%s: %s".formatted(sax.getLineNumber(), sax.getColumnNumber() > 0 ? "第 " + sax.getColumnNumber() + " 列" : "",
                    BpmnFileCheck.chinese(sax.getMessage()));
        }
        String message = rootMessage(e);
        java.util.regex.Matcher line = ENGINE_LINE.matcher(message);
        return line.matches() ? "第 %s 行: %s".formatted(line.group(1), BpmnFileCheck.chinese(line.group(2))) : message;
    }

    /** "决策 X 缺少 …" for each decision the engine would refuse for want of a history time to live; empty when none. */
    private static String withoutHistoryTimeToLive(DmnModelInstance model) {
        List<String> missing = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            String ttl = decision.getCamundaHistoryTimeToLiveString();
            if (ttl == null || ttl.isBlank()) {
                missing.add("决策 %s（%s）".formatted(decision.getId(), decision.getName()));
            }
        }
        return missing.isEmpty() ? "" : String.join("、", missing) + ": " + MISSING_TTL;
    }

    static final String MISSING_TTL = "缺少历史保留时间 camunda:historyTimeToLive（天数，例如 1095；Camunda Modeler 新建的决策表"
            + "或流程默认没有，请在属性面板“History cleanup / Time to live”中填写）";

    private void checkForm(ProcessResource resource, List<String> problems, Map<String, String> formIds) {
        JsonNode form;
        try {
            form = json.readTree(resource.content());
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            problems.add("%s: 第 %d 行第 %d 列: 不是有效的 JSON (%s)".formatted(resource.origin(),
                    location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr(),
                    e.getOriginalMessage()));
            return;
        } catch (java.io.IOException e) {
            problems.add(resource.origin() + ": 无法读取: " + e.getMessage());
            return;
        }
        String id = form.path("id").asText("");
        if (id.isBlank()) {
            problems.add(resource.origin() + ": 表单缺少 \"id\"（流程通过 camunda:formRef 引用该 id）");
        } else if (formIds.putIfAbsent(id, resource.origin()) != null) {
            problems.add("%s: 表单 id \"%s\" 与 %s 重复".formatted(resource.origin(), id, formIds.get(id)));
        }
        if (!form.path("components").isArray()) {
            problems.add(resource.origin() + ": 表单缺少 \"components\" 数组");
        }
    }

    /** The problems of a BPMN parse failure, naming file, element and line. */
    static List<String> describe(ParseException e, Map<String, String> originByName) {
        List<String> problems = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            String file = originByName.getOrDefault(report.getResourceName(), report.getResourceName());
            for (Problem problem : report.getErrors()) {
                String element = problem.getMainElementId() == null ? "" : " 元素 " + problem.getMainElementId();
                String message = String.valueOf(problem.getMessage());
                problems.add("%s: 第 %d 行%s: %s".formatted(file, problem.getLine(), element,
                        message.contains("ENGINE-12018") ? MISSING_TTL : message));
            }
        }
        if (problems.isEmpty()) {
            problems.add(rootMessage(e));
        }
        return problems;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(e.getMessage());
        return root == e || message.contains(String.valueOf(root.getMessage())) ? message : message + " (" + root.getMessage() + ")";
    }
}
