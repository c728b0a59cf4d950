package org.shirong.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The fields a task's deployed form lets its assignee fill in: Camunda Forms components with a key
 * that are neither read-only nor disabled, and embedded HTML inputs with {@code cam-variable-name}
 * that are not read-only. Read once per process definition and task, since a deployed form never changes.
 */
class TaskFormFields {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HTML_FIELD = Pattern.compile(
            "<(?:input|textarea|select)\\b[^>]*\\bcam-variable-name\\s*=\\s*\"([^\"]+)\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern READONLY = Pattern.compile("\\s(?:readonly|disabled)(?:\\s|=|/?>)", Pattern.CASE_INSENSITIVE);

    private final Map<String, Set<String>> editableByTaskDefinition = new ConcurrentHashMap<>();

    Set<String> editable(TaskEntity task, CommandContext commandContext) {
        String key = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
        if (task.getProcessDefinitionId() == null) {
            return read(task, commandContext);
        }
        return editableByTaskDefinition.computeIfAbsent(key, k -> read(task, commandContext));
    }

    private static Set<String> read(TaskEntity task, CommandContext commandContext) {
        byte[] form;
        try {
            form = commandContext.runWithoutAuthorization(() -> {
                try (InputStream in = new GetDeployedTaskFormCmd(task.getId()).execute(commandContext)) {
                    return in.readAllBytes();
                }
            });
        } catch (ProcessEngineException noDeployedForm) {
            return Set.of();
        }
        String text = new String(form, StandardCharsets.UTF_8).strip();
        return text.startsWith("{") ? camundaFormFields(text) : htmlFormFields(text);
    }

    static Set<String> camundaFormFields(String json) {
        Set<String> fields = new HashSet<>();
        try {
            collect(JSON.readTree(json), fields);
        } catch (IOException unreadable) {
            return Set.of();
        }
        return Set.copyOf(fields);
    }

    private static void collect(JsonNode node, Set<String> fields) {
        for (JsonNode component : node.path("components")) {
            if (component.path("key").isTextual() && !component.path("readonly").asBoolean(false)
                    && !component.path("disabled").asBoolean(false)) {
                fields.add(component.get("key").asText());
            }
            collect(component, fields);
        }
    }

    static Set<String> htmlFormFields(String html) {
        Set<String> fields = new HashSet<>();
        Matcher field = HTML_FIELD.matcher(html);
        while (field.find()) {
            if (!READONLY.matcher(field.group()).find()) {
                fields.add(field.group(1));
            }
        }
        return Set.copyOf(fields);
    }
}
