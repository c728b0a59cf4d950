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
import java.util.Optional;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.context.ApplicationContext;

/**
 * Writes the {@link LiveFormOptions} into a start form as it is read ({@link GetDeployedStartFormCmd}, Tasklist's
 * 发起流程 and {@code GET /engine-rest/process-definition/…/deployed-start-form}), inside the command that read it and after
 * its authorisation check: the options and the preselected one of the definition's organisation at that moment. The
 * form as deployed (read by the form checks directly, not through this interceptor) is not changed.
 */
class LiveStartFormOptions extends CommandInterceptor {

    private static final Field DEFINITION = CommandFields.of(GetDeployedStartFormCmd.class, "processDefinitionId");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContext applicationContext;
    private volatile List<LiveFormOptions> options;

    LiveStartFormOptions(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (!(command instanceof GetDeployedStartFormCmd) || !(result instanceof InputStream form)) {
            return result;
        }
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById((String) CommandFields.read(DEFINITION, command));
        List<LiveFormOptions> live = options().stream().filter(o -> o.processKey().equals(definition.getKey())).toList();
        if (live.isEmpty()) {
            return result;
        }
        try (form) {
            JsonNode root = JSON.readTree(form);
            for (LiveFormOptions o : live) {
                find(root, o.field()).ifPresent(field -> {
                    ArrayNode values = field.putArray("values");
                    o.options(definition.getTenantId()).forEach(v -> values.addObject().put("label", v.label()).put("value", v.value()));
                    o.preselected(definition.getTenantId()).ifPresentOrElse(v -> field.put("defaultValue", v),
                            () -> field.remove("defaultValue"));
                });
            }
            @SuppressWarnings("unchecked")
            T filled = (T) new ByteArrayInputStream(JSON.writeValueAsBytes(root));
            return filled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<LiveFormOptions> options() {
        if (options == null) {
            options = List.copyOf(applicationContext.getBeansOfType(LiveFormOptions.class).values());
        }
        return options;
    }

    private static Optional<ObjectNode> find(JsonNode node, String key) {
        if (node instanceof ObjectNode object && key.equals(object.path("key").asText(null))) {
            return Optional.of(object);
        }
        for (JsonNode child : node.path("components")) {
            Optional<ObjectNode> found = find(child, key);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
