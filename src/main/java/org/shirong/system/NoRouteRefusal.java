package org.shirong.system;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A completion that failed because no outgoing flow of an exclusive gateway after the task matched the choice its form
 * sent (the engine's ENGINE-02004: a form's option value and the diagram's conditions disagree, which
 * {@link ChoiceGatewayCheck} catches at start-up where the conditions are simple), told to the one who chose in Chinese,
 * naming the choice, instead of the engine's English 500; logged as a warning for the process owner.
 */
final class NoRouteRefusal {

    /** The engine's message when no outgoing sequence flow of a gateway could be selected. */
    static final String NO_ROUTE = "ENGINE-02004 ";
    private static final Pattern ELEMENT = Pattern.compile("element with id '([^']+)'");
    private static final Logger LOG = LoggerFactory.getLogger(NoRouteRefusal.class);

    private NoRouteRefusal() {
    }

    /**
     * The refusal for {@code failure} when it is a gateway after {@code task} that none of its conditions let pass with
     * the value chosen in one of the form's choices ({@code values}: what was sent, else what the task had); else empty.
     */
    static Optional<FormFieldValidationException> of(RuntimeException failure, TaskEntity task, TaskFormFields.Form form,
            Function<String, Object> values, CommandContext commandContext) {
        String gatewayId = gatewayId(failure);
        if (gatewayId == null || task.getProcessDefinitionId() == null) {
            return Optional.empty();
        }
        ProcessDefinitionEntity definition = commandContext.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
        ActivityImpl gateway = definition == null ? null : definition.findActivity(gatewayId);
        if (gateway == null) {
            return Optional.empty();
        }
        StringBuilder conditions = new StringBuilder();
        for (PvmTransition flow : gateway.getOutgoingTransitions()) {
            conditions.append(' ').append(flow.getProperty(BpmnParse.PROPERTYNAME_CONDITION_TEXT));
        }
        Optional<FormField> choice = form.editable().values().stream()
                .filter(field -> field.kind() == FormField.Kind.CHOICE)
                .filter(field -> Pattern.compile("\\b" + Pattern.quote(field.key()) + "\\b").matcher(conditions).find())
                .findFirst();
        if (choice.isEmpty()) {
            return Optional.empty();
        }
        FormField field = choice.get();
        Object value = values.apply(field.key());
        String option = value == null ? "（未选择）" : field.options().getOrDefault(String.valueOf(value), String.valueOf(value));
        String name = gateway.getProperty("name") instanceof String n && !n.isBlank() ? n : gatewayId;
        LOG.warn("任务 {}（{}）的“{}”选了 {}，流程 {} 的网关“{}”（{}）没有一条出路的条件成立：表单的选项与流程图的条件不一致，请流程管理员修正",
                task.getId(), task.getName(), field.label(), value, definition.getKey(), name, gatewayId);
        return Optional.of(new FormFieldValidationException(field.key(), "所选的“%s”（%s）无法让流程继续，请联系流程管理员："
                .formatted(option, field.label()) + "流程中的“%s”没有与之对应的出路（表单的选项与流程图的条件不一致）".formatted(name)));
    }

    /** The gateway the engine could not leave, when that is what {@code failure} (or one of its causes) says; else null. */
    static String gatewayId(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof ProcessEngineException && e.getMessage() != null && e.getMessage().startsWith(NO_ROUTE)) {
                Matcher id = ELEMENT.matcher(e.getMessage());
                return id.find() ? id.group(1) : "";
            }
        }
        return null;
    }
}
