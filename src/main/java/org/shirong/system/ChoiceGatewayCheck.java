package org.shirong.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Start-up check that every option of a choice (radio, select) a task's form offers can leave the exclusive gateways
 * after the task that decide on it: an option value changed in Modeler (CaseClaim's {@code claim} → {@code accept})
 * otherwise deploys and every completion then fails (ENGINE-02004). A gateway is judged when each of its conditions is
 * a simple comparison of that one choice with text ({@code ${claimDecision == 'claim'}}, {@code eq}, {@code !=},
 * {@code ne}, joined by {@code &&}/{@code ||}: {@link SimpleCondition}); one with a default flow, a flow without
 * condition, or any other condition is left to the engine (and to {@link NoRouteRefusal} at run time). "After the task"
 * is reached from the task's outgoing flows without passing another user task.
 */
class ChoiceGatewayCheck {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);
    private static final List<String> FORM_KEY_PREFIXES = List.of("embedded:deployment:", "camunda-forms:deployment:");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A form file's choices, by its origin (what a message names). */
    private record Choices(String origin, List<FormField> fields) {
    }

    /** Problems (file: what is wrong, in Chinese), one line each; empty when every option can go on. */
    List<String> check(List<ProcessResource> resources) {
        Map<String, Choices> byFormId = new HashMap<>();
        Map<String, Choices> byResourceName = new HashMap<>();
        for (ProcessResource resource : resources) {
            String text = new String(resource.content(), StandardCharsets.UTF_8);
            if (resource.hasExtension("form")) {
                try {
                    String id = JSON.readTree(text).path("id").asText("");
                    Choices choices = new Choices(resource.origin(), choices(TaskFormFields.camundaFormFields(text, null, null)));
                    byFormId.putIfAbsent(id, choices);
                    byResourceName.put(resource.name(), choices);
                } catch (IOException unreadable) {
                    // ProcessResourceValidator names the line
                }
            } else if (resource.hasExtension("html")) {
                byResourceName.put(resource.name(), new Choices(resource.origin(), choices(TaskFormFields.htmlFormFields(text))));
            }
        }
        List<String> problems = new ArrayList<>();
        for (ProcessResource resource : resources) {
            if (resource.hasExtension("bpmn")) {
                BpmnReads.root(resource.content()).ifPresent(root -> root.elements().stream()
                        .filter(e -> "process".equals(e.getTagName()))
                        .forEach(process -> checkProcess(resource.origin(), process, byFormId, byResourceName, problems)));
            }
        }
        return problems;
    }

    private static List<FormField> choices(TaskFormFields.Form form) {
        return form.editable().values().stream().filter(f -> f.kind() == FormField.Kind.CHOICE)
                .sorted(Comparator.comparing(FormField::key)).toList();
    }

    private static void checkProcess(String origin, Element process, Map<String, Choices> byFormId,
            Map<String, Choices> byResourceName, List<String> problems) {
        Map<String, Element> nodes = new LinkedHashMap<>();
        Map<String, List<Element>> outgoing = new HashMap<>();
        collect(process, nodes, outgoing);
        for (Element task : nodes.values()) {
            if (!"userTask".equals(task.getTagName())) {
                continue;
            }
            Choices form = formOf(task, byFormId, byResourceName);
            if (form == null || form.fields().isEmpty()) {
                continue;
            }
            for (Element gateway : gatewaysAfter(task, nodes, outgoing)) {
                for (FormField choice : form.fields()) {
                    uncovered(choice, gateway, outgoing.getOrDefault(gateway.attribute("id"), List.of())).ifPresent(problem ->
                            problems.add("%s: 任务“%s”（%s）的“%s”%s%s".formatted(form.origin(), name(task), task.attribute("id"),
                                    choice.label(), problem, "：流程 %s（%s）的网关“%s”（%s）没有与之对应的出路，也没有默认流向。".formatted(
                                            process.attribute("id"), origin, name(gateway), gateway.attribute("id"))
                                            + "请让表单的选项值与网关的条件一致（在 Modeler 中改选项的 Label 而不是 Value），或修改网关的条件")));
                }
            }
        }
    }

    private static String name(Element element) {
        String name = element.attribute("name");
        return name == null || name.isBlank() ? element.attribute("id") : name.strip();
    }

    private static void collect(Element parent, Map<String, Element> nodes, Map<String, List<Element>> outgoing) {
        for (Element child : parent.elements()) {
            if ("sequenceFlow".equals(child.getTagName())) {
                outgoing.computeIfAbsent(child.attribute("sourceRef"), k -> new ArrayList<>()).add(child);
            } else if (child.attribute("id") != null) {
                nodes.put(child.attribute("id"), child);
            }
            collect(child, nodes, outgoing);
        }
    }

    private static Choices formOf(Element task, Map<String, Choices> byFormId, Map<String, Choices> byResourceName) {
        String formRef = task.attributeNS(CAMUNDA, "formRef");
        if (formRef != null) {
            return byFormId.get(formRef.strip());
        }
        String formKey = task.attributeNS(CAMUNDA, "formKey");
        for (String prefix : FORM_KEY_PREFIXES) {
            if (formKey != null && formKey.startsWith(prefix)) {
                return byResourceName.get(formKey.substring(prefix.length()).strip());
            }
        }
        return null;
    }

    /** The exclusive gateways reached from the task's outgoing flows without passing another user task. */
    private static Set<Element> gatewaysAfter(Element task, Map<String, Element> nodes, Map<String, List<Element>> outgoing) {
        Set<Element> gateways = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(task.attribute("id")));
        while (!next.isEmpty()) {
            for (Element flow : outgoing.getOrDefault(next.poll(), List.of())) {
                String target = flow.attribute("targetRef");
                Element node = nodes.get(target);
                if (node == null || !seen.add(target) || "userTask".equals(node.getTagName())) {
                    continue;
                }
                if ("exclusiveGateway".equals(node.getTagName())) {
                    gateways.add(node);
                }
                next.add(target);
            }
        }
        return gateways;
    }

    /**
     * What is wrong when the gateway's conditions all compare {@code choice} with text, it has no default flow and one of
     * the choice's options meets none of them ("的选项值 "accept"（认领…）不在条件 claim、return 之中"); empty when the
     * gateway does not decide on the choice alone in a way read here, or every option goes on.
     */
    private static Optional<String> uncovered(FormField choice, Element gateway, List<Element> flows) {
        String defaultFlow = gateway.attribute("default");
        List<SimpleCondition> conditions = new ArrayList<>();
        for (Element flow : flows) {
            if (flow.attribute("id") != null && flow.attribute("id").equals(defaultFlow)) {
                return Optional.empty();
            }
            Element expression = flow.elements().stream().filter(e -> "conditionExpression".equals(e.getTagName()))
                    .findFirst().orElse(null);
            if (expression == null || expression.getText() == null || expression.getText().isBlank()) {
                return Optional.empty(); // a flow without condition is always taken
            }
            Optional<SimpleCondition> condition = expression.attribute("language") == null
                    ? SimpleCondition.juel(expression.getText()) : Optional.empty();
            if (condition.isEmpty() || !condition.get().variables().equals(Set.of(choice.key()))) {
                return Optional.empty();
            }
            conditions.add(condition.get());
        }
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        Set<String> accepted = new LinkedHashSet<>();
        conditions.forEach(c -> accepted.addAll(c.texts()));
        List<String> lost = new ArrayList<>();
        choice.options().forEach((value, label) -> {
            if (!value.isEmpty() && conditions.stream()
                    .noneMatch(c -> Boolean.TRUE.equals(c.evaluate(name -> name.equals(choice.key()) ? value : null)))) {
                lost.add("\"%s\"（%s）".formatted(value, label));
            }
        });
        return lost.isEmpty() ? Optional.empty() : Optional.of("的选项值 %s 不在网关条件所列的值（%s）之中".formatted(
                String.join("、", lost), String.join("、", accepted)));
    }
}
