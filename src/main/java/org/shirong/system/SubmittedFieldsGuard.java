package org.shirong.system;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.shirong.calendar.WorkingCalendars;
import org.springframework.context.ApplicationContext;

/**
 * The form half of {@link StaffCommandGuard}: a staff member completing a task (REST complete, form submission) may set
 * only the fields its form lets the assignee fill in, and send back only unchanged what else the form shows or reads
 * (its read-only fields, what its script fetches), as Tasklist does; any other variable is refused, even an empty one
 * (each would be a new variable of the case, read by every later step), and so is a submission of more variables than
 * any form has ({@link #MAX_VARIABLES}), before any is set. Runs
 * inside the completion's own command context (after the engine's command context interceptor), so the task and its
 * variables it reads are the ones the completion then works with, read once; each field the form lets the assignee fill in
 * is checked against the form ({@link FormField}: length, characters, options, no object value for a text), once the
 * engine's check that the caller may work on the task has passed, and each field it requires (choice, text, number, day)
 * is filled in unless the form hides it ({@link FormField#missingIn}); a completion whose choice no flow out of the gateway
 * after the task takes is refused in Chinese naming the choice ({@link NoRouteRefusal}). Starting a process (REST start, start
 * form) is checked the same way against its start form: each of the form's fields that is sent, and the form's required
 * fields (the unit a 工作交办 goes to, its 事项名称); besides them a start may carry only what its start event names in its
 * {@value TaskFormFields#START_VARIABLES} extension property (the campaign's {@code dates}), which its start listener
 * checks, so that no start presets what a later step decides (a review's result). It checks only the command that
 * {@link StaffCommandGuard}, which sees who calls before any context is opened, marked as a staff call.
 */
class SubmittedFieldsGuard extends CommandInterceptor {

    private static final Field COMPLETE_VARIABLES = CommandFields.of(CompleteTaskCmd.class, "variables");
    private static final Field COMPLETE_TASK = CommandFields.of(CompleteTaskCmd.class, "taskId");
    private static final Field SUBMIT_VARIABLES = CommandFields.of(SubmitTaskFormCmd.class, "properties");
    private static final Field SUBMIT_TASK = CommandFields.of(SubmitTaskFormCmd.class, "taskId");
    private static final Field START_FORM_VARIABLES = CommandFields.of(SubmitStartFormCmd.class, "variables");
    /** More variables than any form has (the largest, 整改问题, has 16), in one completion or start. */
    static final int MAX_VARIABLES = 100;
    /** The staff completion being run on this thread, as {@link StaffCommandGuard} marked it. */
    private static final ThreadMark<Command<?>> STAFF_COMPLETION = new ThreadMark<>();

    private final TaskFormFields formFields;

    /** {@code applicationContext}: where the organisations' working calendars (their time zones) are found once running. */
    SubmittedFieldsGuard(DateWindow days, ApplicationContext applicationContext) {
        this.formFields = new TaskFormFields(days, tenant -> applicationContext.getBean(WorkingCalendars.class).of(tenant));
    }

    /** Runs {@code completion} (through {@code run}) with its submitted fields checked inside its command. */
    static <T> T checking(Command<T> completion, Supplier<T> run) {
        return STAFF_COMPLETION.around(completion, run);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
        if (STAFF_COMPLETION.is(command)) {
            Checked checked = null;
            if (command instanceof CompleteTaskCmd) {
                checked = check((String) CommandFields.read(COMPLETE_TASK, command),
                        (Map<String, Object>) CommandFields.read(COMPLETE_VARIABLES, command));
            } else if (command instanceof SubmitTaskFormCmd) {
                checked = check((String) CommandFields.read(SUBMIT_TASK, command),
                        (Map<String, Object>) CommandFields.read(SUBMIT_VARIABLES, command));
            } else if (command instanceof SubmitStartFormCmd) {
                checkStart(command, (Map<String, Object>) CommandFields.read(START_FORM_VARIABLES, command));
            } else if (command instanceof StartProcessInstanceCmd) {
                checkStart(command, TenantWorkGuard.builder(command).getVariables());
            }
            if (checked != null) {
                try {
                    return next.execute(command);
                } catch (ProcessEngineException failure) {
                    throw noRoute(failure, checked);
                }
            }
        }
        return next.execute(command);
    }

    /** A completion checked against its task's form: what a failure of the completion is told in its terms. */
    private record Checked(TaskEntity task, TaskFormFields.Form form, Map<String, Object> sent) {

        /** What the completion leaves the task with: the value sent, else the task's variable. */
        Object value(String name) {
            return sent.containsKey(name) ? plain(typed(sent, name)) : task.getVariable(name);
        }
    }

    /** The failure, or in its place the Chinese refusal naming the choice when no flow out of a gateway took it. */
    private static RuntimeException noRoute(ProcessEngineException failure, Checked checked) {
        if (NoRouteRefusal.gatewayId(failure) == null) {
            return failure;
        }
        try {
            return NoRouteRefusal.of(failure, checked.task(), checked.form(), checked::value, Context.getCommandContext())
                    .<RuntimeException>map(refusal -> refusal).orElse(failure);
        } catch (RuntimeException unexplained) {
            failure.addSuppressed(unexplained);
            return failure;
        }
    }

    private Checked check(String taskId, Map<String, Object> submitted) {
        if (taskId == null) {
            return null;
        }
        Map<String, Object> sent = submitted == null ? Map.of() : submitted;
        notTooMany(sent);
        CommandContext commandContext = Context.getCommandContext();
        TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return null; // the completion itself answers that the task does not exist
        }
        // The completion's own check, before the form's: whoever may not work on the task (another unit, the district)
        // learns nothing of its form, nor, comparing the values sent, of the task's variables.
        EngineChecks.each(commandContext, checker -> checker.checkTaskWork(task));
        if (task.getProcessInstanceId() == null && task.getCaseInstanceId() == null) {
            // a task of no process (核实属地) is completed by Shirong once its work is done where it says
            throw new FormFieldValidationException(StandaloneTasks.VAR_HOW_SETTLED,
                    task.getVariableLocal(StandaloneTasks.VAR_HOW_SETTLED) instanceof String how && !how.isBlank() ? how
                            : StandaloneTasks.SETTLED_ELSEWHERE);
        }
        TaskFormFields.Form form = formFields.editable(task, commandContext);
        Map<String, FormField> editable = form.editable();
        for (String name : sent.keySet()) {
            Object value = typed(sent, name);
            FormField field = editable.get(name);
            if (field == null) {
                if (!form.shows(name)) {
                    // not even sent back unchanged: an empty value the process never had created a variable (any number)
                    throw new FormFieldValidationException(name, "“" + TextInput.shortened(name, 40) + "”不是本任务表单中的内容，不能在办理时提交。");
                }
                if (!unchanged(task.getVariableTyped(name, false), value)) {
                    throw new FormFieldValidationException(name, "“" + form.label(name) + "”不是本任务表单中可填写的内容，不能在办理时修改。");
                }
                continue;
            }
            field.problem(value).ifPresent(problem -> {
                throw new FormFieldValidationException(name, problem);
            });
        }
        Checked checked = new Checked(task, form, sent);
        // after what is sent, so that a variable the form does not have is named as such first
        refuseMissing(form, checked::value);
        return checked;
    }

    private void checkStart(Command<?> start, Map<String, Object> submitted) {
        Map<String, Object> sent = submitted == null ? Map.of() : submitted;
        notTooMany(sent);
        CommandContext commandContext = Context.getCommandContext();
        ProcessDefinitionEntity definition = TenantWorkGuard.started(start, commandContext);
        if (definition == null) {
            return; // the start itself answers that there is no such process
        }
        TaskFormFields.Form form = formFields.editableAtStart(definition, commandContext);
        Map<String, FormField> fields = form.editable();
        for (String name : sent.keySet()) {
            Object value = typed(sent, name);
            FormField field = fields.get(name);
            if (field == null) {
                // what a later step decides (a review's result, the unit a meeting is recorded by) is not the starter's
                if (!form.shows(name) || !unchanged(null, value)) {
                    throw new FormFieldValidationException(name, "“" + TextInput.shortened(form.label(name), 40) + "”不是发起表单中的内容，不能在发起时提交。");
                }
                continue;
            }
            field.problem(value).ifPresent(problem -> {
                throw new FormFieldValidationException(name, problem);
            });
        }
        refuseMissing(form, name -> sent.containsKey(name) ? plain(typed(sent, name)) : null);
    }

    /**
     * Refuses a completion or start that leaves a field the form requires empty, the first in the form's order, as
     * Tasklist's form would: a choice, text, number or day the form shows for {@code values} (what is sent, else what the
     * task has; a required text the process owner added to a form is required of a REST client too).
     */
    private static void refuseMissing(TaskFormFields.Form form, Function<String, Object> values) {
        form.required().stream().filter(field -> field.missingIn(values)).findFirst().ifPresent(field -> {
            throw new FormFieldValidationException(field.key(), field.missing());
        });
    }

    /**
     * Refuses more variables than any form has, before any is read or set: the engine orders the inserts of one flush in
     * time that grows with the square of their number (150,000 took one core for many minutes).
     */
    private static void notTooMany(Map<String, Object> sent) {
        if (sent.size() > MAX_VARIABLES) {
            throw new FormFieldValidationException(null, "一次提交的内容不能超过 %d 项（收到 %d 项）".formatted(MAX_VARIABLES, sent.size()));
        }
    }

    /** The value as sent, typed where it is: an object value is not deserialized here (it may not be, and Map.get would try). */
    private static Object typed(Map<String, Object> sent, String name) {
        return sent instanceof VariableMap variables ? variables.getValueTyped(name) : sent.get(name);
    }

    /**
     * A read-only field sent back as it was; one the process never set comes back empty from the form. An object value
     * (JSON, XML, Java) is the same only as an object value of the same text: sent for a text it would replace the text
     * with an object that may not even be read back.
     */
    private static boolean unchanged(TypedValue current, Object submitted) {
        if (current instanceof SerializableValue != submitted instanceof SerializableValue) {
            return false;
        }
        Object was = plain(current);
        Object now = plain(submitted);
        return Objects.equals(was, now) || was == null && "".equals(now);
    }

    /** The value as sent; an object value the engine has not deserialized (and must not, for this check) as its text. */
    private static Object plain(Object value) {
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return serializable.getValueSerialized();
        }
        return value instanceof TypedValue typed ? typed.getValue() : value;
    }
}
