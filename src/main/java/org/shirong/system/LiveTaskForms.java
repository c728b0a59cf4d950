package org.shirong.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.ApplicationContext;

/**
 * Leaves each {@link LiveTaskFormOptions}' excluded options out of a task's deployed form as it is read, and marks its
 * marked ones ({@link GetDeployedTaskFormCmd}, Tasklist opening the task), inside the command and after its
 * authorisation check. The form as deployed is not changed.
 */
class LiveTaskForms extends CommandInterceptor {

    private static final Field TASK = CommandFields.of(GetDeployedTaskFormCmd.class, "taskId");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContext applicationContext;
    private volatile List<LiveTaskFormOptions> liveOptions;

    LiveTaskForms(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (!(command instanceof GetDeployedTaskFormCmd) || !(result instanceof InputStream form)) {
            return result;
        }
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById((String) CommandFields.read(TASK, command));
        List<LiveTaskFormOptions> live = task == null ? List.of() : liveOptions().stream()
                .filter(e -> e.taskDefinitionKey().equals(task.getTaskDefinitionKey())).toList();
        if (live.isEmpty()) {
            return result;
        }
        try (form) {
            JsonNode root = JSON.readTree(form);
            for (LiveTaskFormOptions e : live) {
                Set<String> excluded = e.excluded(task);
                Map<String, String> marked = e.marked(task);
                for (JsonNode field : root.findParents("key")) {
                    if (field instanceof ObjectNode object && e.field().equals(object.path("key").asText(null))
                            && object.get("values") instanceof ArrayNode values) {
                        for (int i = values.size() - 1; i >= 0; i--) {
                            String value = values.get(i).path("value").asText();
                            if (excluded.contains(value)) {
                                values.remove(i);
                            } else if (marked.containsKey(value) && values.get(i) instanceof ObjectNode option) {
                                option.put("label", option.path("label").asText(value) + marked.get(value));
                            }
                        }
                    }
                }
            }
            @SuppressWarnings("unchecked")
            T filtered = (T) new ByteArrayInputStream(JSON.writeValueAsBytes(root));
            return filtered;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private List<LiveTaskFormOptions> liveOptions() {
        if (liveOptions == null) {
            liveOptions = List.copyOf(applicationContext.getBeansOfType(LiveTaskFormOptions.class).values());
        }
        return liveOptions;
    }
}
