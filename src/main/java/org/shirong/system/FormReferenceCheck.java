package org.shirong.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Start-up check that every form a process names, by {@code camunda:formRef} (a Camunda Form's {@code "id"}) or by
 * {@code camunda:formKey="embedded:deployment:forms/…"} (a file), is among the files deployed with it (poreview-s50 F14).
 * A form saved under a new id in Modeler used to deploy without a word, and the task, weeks later, had no form (404 in
 * English in Tasklist). Expressions ({@code ${…}}) and forms outside the deployment ({@code embedded:app:}) are not checked.
 */
final class FormReferenceCheck {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);
    private static final List<String> DEPLOYMENT_KEYS = List.of("embedded:deployment:", "camunda-forms:deployment:");
    private static final Set<String> WITH_FORMS = Set.of("userTask", "startEvent");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormReferenceCheck() {
    }

    /**
     * Problems (file: task: what is missing), one line each, for the files one organisation deploys together;
     * {@code formIds} holds each form file's id by content, read once for all organisations.
     */
    static List<String> check(List<ProcessResource> resources, Map<ByteBuffer, String> formIds) {
        Map<String, String> idToOrigin = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (ProcessResource resource : resources) {
            names.put(resource.name(), resource.origin());
            if (resource.hasExtension("form")) {
                String id = formIds.computeIfAbsent(ByteBuffer.wrap(resource.content()), key -> idOf(resource.content()));
                if (!id.isEmpty()) {
                    idToOrigin.putIfAbsent(id, resource.origin());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (ProcessResource resource : resources) {
            if (resource.hasExtension("bpmn")) {
                BpmnReads.root(resource.content()).ifPresent(root -> check(resource.origin(), root, idToOrigin, names, problems));
            }
        }
        return problems;
    }

    private static void check(String origin, Element element, Map<String, String> idToOrigin, Map<String, String> names,
            List<String> problems) {
        if (BpmnParser.BPMN20_NS.equals(element.getUri()) && WITH_FORMS.contains(element.getTagName())) {
            String formRef = element.attributeNS(CAMUNDA, "formRef");
            String formKey = element.attributeNS(CAMUNDA, "formKey");
            if (formRef != null && !expression(formRef) && !idToOrigin.containsKey(formRef.strip())) {
                problems.add("%s: 第 %d 行 %s: 引用的表单 id \"%s\"（camunda:formRef）在 forms/ 的表单中找不到，任务将没有表单%s。"
                        .formatted(origin, element.getLine(), what(element), formRef.strip(), similar(formRef.strip(), idToOrigin))
                        + "请把表单文件中的 \"id\" 改回该 id，或在 Modeler 中把该环节的 Form reference 改为现有表单的 id");
            } else if (formRef == null && formKey != null && !expression(formKey)) {
                for (String prefix : DEPLOYMENT_KEYS) {
                    String file = formKey.startsWith(prefix) ? formKey.substring(prefix.length()).strip() : null;
                    if (file != null && !names.containsKey(file)) {
                        problems.add("%s: 第 %d 行 %s: 表单 %s（camunda:formKey=\"%s\"）找不到，任务将没有表单。请把表单文件放到 %s，"
                                .formatted(origin, element.getLine(), what(element), file, formKey, file)
                                + "或在 Modeler 中改正该环节的 Form key（文件名区分大小写）");
                    }
                }
            }
        }
        element.elements().forEach(child -> check(origin, child, idToOrigin, names, problems));
    }

    /** "任务 Task_X（名称）" or "开始事件 StartEvent_X（名称）". */
    private static String what(Element element) {
        String name = element.attribute("name");
        return ("userTask".equals(element.getTagName()) ? "任务 " : "开始事件 ") + element.attribute("id")
                + (name == null || name.isBlank() ? "" : "（" + name.strip() + "）");
    }

    /** "（现有相近的表单：forms/X.form 的 id "XNew"）" for ids that contain or are contained in the missing one, else "". */
    private static String similar(String missing, Map<String, String> idToOrigin) {
        Map<String, String> near = new LinkedHashMap<>();
        String lower = missing.toLowerCase(java.util.Locale.ROOT);
        idToOrigin.forEach((id, origin) -> {
            String other = id.toLowerCase(java.util.Locale.ROOT);
            if (other.contains(lower) || lower.contains(other)) {
                near.put(id, origin);
            }
        });
        if (near.isEmpty() || near.size() > 3) {
            return "";
        }
        List<String> named = new ArrayList<>();
        near.forEach((id, origin) -> named.add(origin + " 的 id \"" + id + "\""));
        return "（现有相近的表单：" + String.join("、", named) + "）";
    }

    private static boolean expression(String value) {
        return value.contains("${") || value.contains("#{");
    }

    /** The form file's {@code "id"}, or "" when it has none or is not JSON (the form checks name that). */
    private static String idOf(byte[] content) {
        try {
            return JSON.readTree(content).path("id").asText("").strip();
        } catch (IOException unreadable) {
            return "";
        }
    }
}
