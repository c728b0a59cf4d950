package org.shirong.system;

import java.lang.reflect.Field;
import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AbstractGetFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationContext;

/**
 * Writes each {@link LiveTaskFormValue} into a task's form variables as they are read ({@link GetTaskFormVariablesCmd},
 * Tasklist opening the form), inside the command that read them and after its authorisation check. Nothing is stored:
 * the task's variable keeps what its listener last wrote (jxreview-s58 J7: the 督办 box was a month old until reload).
 */
class LiveTaskFormValues extends CommandInterceptor {

    private static final Field TASK = CommandFields.of(AbstractGetFormVariablesCmd.class, "resourceId");

    private final ApplicationContext applicationContext;
    private volatile List<LiveTaskFormValue> values;

    LiveTaskFormValues(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (!(command instanceof GetTaskFormVariablesCmd) || !(result instanceof VariableMap variables)) {
            return result;
        }
        TaskEntity task = null;
        for (LiveTaskFormValue value : values()) {
            if (!variables.containsKey(value.variable())) {
                continue;
            }
            if (task == null) {
                task = Context.getCommandContext().getTaskManager().findTaskById((String) CommandFields.read(TASK, command));
            }
            if (task != null && value.taskDefinitionKey().equals(task.getTaskDefinitionKey())) {
                String current = value.current(task);
                if (current != null) {
                    variables.putValueTyped(value.variable(), Variables.stringValue(current));
                }
            }
        }
        return result;
    }

    private List<LiveTaskFormValue> values() {
        if (values == null) {
            values = List.copyOf(applicationContext.getBeansOfType(LiveTaskFormValue.class).values());
        }
        return values;
    }
}
