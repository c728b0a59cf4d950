package org.shirong.system;

import java.lang.reflect.Field;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Who may write and read a task's notes (备注, Tasklist's "添加备注" and its 历史 tab), checked inside the engine's
 * command, where the engine itself checks nothing for them: a note on an open task needs the right to work on it
 * ({@code TASK_WORK}, as claiming and completing it), reading its notes the right to read it; a caller who may read the
 * process's history ({@code READ_HISTORY}, the office, approvers and administrators) may do both, also on a finished
 * task. Another organisation's task is refused as the engine refuses it (answered as unknown by
 * {@link EngineErrorAnswers}); a note given a process instance other than its task's own, or on no task at all without
 * the right to change that process instance, is refused. The note itself is checked as a form text field ({@link FormField}): not blank,
 * no control characters but line breaks and tabs, at most {@value #MAX_LENGTH} characters (a 400 naming 备注).
 * Runs in the command's own context, so that the engine's checks see the caller the command runs for; commands of
 * processes and the job executor (no one logged in, or delegate code) pass, as every engine check lets them.
 */
class TaskCommentGuard extends CommandInterceptor {

    static final int MAX_LENGTH = 2000;
    private static final String LABEL = "备注";
    /** Checked as a form's text field is: no control characters but line breaks and tabs, within its length. */
    private static final FormField NOTE = FormField.text("message", LABEL, MAX_LENGTH);

    private static final Field ADD_TASK = CommandFields.of(AddCommentCmd.class, "taskId");
    private static final Field ADD_INSTANCE = CommandFields.of(AddCommentCmd.class, "processInstanceId");
    private static final Field ADD_MESSAGE = CommandFields.of(AddCommentCmd.class, "message");
    private static final Field UPDATE_MESSAGE = CommandFields.of(UpdateCommentCmd.class, "message");
    private static final Field READ_ALL_TASK = CommandFields.of(GetTaskCommentsCmd.class, "taskId");
    private static final Field READ_ONE_TASK = CommandFields.of(GetTaskCommentCmd.class, "taskId");

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof AddCommentCmd) {
            checkNewNote((String) CommandFields.read(ADD_TASK, command), (String) CommandFields.read(ADD_INSTANCE, command),
                    (String) CommandFields.read(ADD_MESSAGE, command));
        } else if (command instanceof UpdateCommentCmd) {
            checkText((String) CommandFields.read(UPDATE_MESSAGE, command));
        } else if (command instanceof GetTaskCommentsCmd || command instanceof GetTaskCommentCmd) {
            String taskId = (String) CommandFields.read(command instanceof GetTaskCommentsCmd ? READ_ALL_TASK : READ_ONE_TASK, command);
            if (taskId != null) {
                checkTask(Context.getCommandContext(), taskId, false);
            }
        }
        return next.execute(command);
    }

    private static void checkNewNote(String taskId, String processInstanceId, String message) {
        CommandContext context = Context.getCommandContext();
        if (taskId != null) {
            String ownInstance = checkTask(context, taskId, true);
            if (processInstanceId != null && !processInstanceId.equals(ownInstance)) {
                throw new BadUserRequestException(LABEL + "只能记在任务所属的流程上：processInstanceId 与任务的流程实例不符。");
            }
        } else if (processInstanceId != null) {
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkUpdateProcessInstanceById(processInstanceId);
            }
        }
        checkText(message);
    }

    /**
     * Whether the caller may write ({@code work}) or read the notes of the task: the engine's checks for working on or
     * reading an open task, else READ_HISTORY on its process; the task's process instance id.
     */
    private static String checkTask(CommandContext context, String taskId, boolean work) {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task != null) {
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                try {
                    if (work) {
                        checker.checkTaskWork(task);
                    } else {
                        checker.checkReadTask(task);
                    }
                } catch (AuthorizationException refused) {
                    readHistoryOr(context, checker, task.getProcessDefinitionId(), refused);
                }
            }
            return task.getProcessInstanceId();
        }
        HistoricTaskInstanceEntity finished = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
        if (finished == null || !context.getTenantManager().isAuthenticatedTenant(finished.getTenantId())) {
            throw new NotFoundException("No task found for task id " + taskId);
        }
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            readHistoryOr(context, checker, finished.getProcessDefinitionId(), null);
        }
        return finished.getProcessInstanceId();
    }

    /** Passes when the caller may read the history of the process; else throws {@code refused} (the engine's own when null). */
    private static void readHistoryOr(CommandContext context, CommandChecker checker, String processDefinitionId,
            AuthorizationException refused) {
        try {
            if (processDefinitionId == null) { // a task of no process: READ_HISTORY on every process
                checker.checkReadHistoryAnyProcessDefinition();
            } else {
                checker.checkReadHistoryProcessDefinition(context.getProcessEngineConfiguration().getDeploymentCache()
                        .findDeployedProcessDefinitionById(processDefinitionId).getKey());
            }
        } catch (AuthorizationException noHistory) {
            throw Objects.requireNonNullElse(refused, noHistory);
        }
    }

    private static void checkText(String message) {
        if (TextInput.isBlank(message)) {
            throw new BadUserRequestException(LABEL + "不能为空。");
        }
        NOTE.problem(message).ifPresent(problem -> {
            throw new BadUserRequestException(problem);
        });
    }
}
