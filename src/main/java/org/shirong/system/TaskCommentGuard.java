package org.shirong.system;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Comment;

/**
 * Who may write and read a task's notes (备注, Tasklist's "添加备注" and its 历史 tab), checked inside the engine's
 * command, where the engine itself checks nothing for them: a note on an open task needs the right to work on it
 * ({@code TASK_WORK}, as claiming and completing it), reading its notes the right to read it; a caller who may read the
 * process's history ({@code READ_HISTORY}, the office, approvers and administrators) may do both, also on a finished
 * task. Another organisation's task is refused as the engine refuses it (answered as unknown by
 * {@link EngineErrorAnswers}); a note given a process instance other than its task's own, or on no task at all without
 * the right to change that process instance, is refused. A note is changed or deleted only by whoever wrote it (or an
 * administrator): after the engine's own checks for the task or process instance (so that another unit or organisation
 * learns nothing of its notes), someone else's note is refused naming its writer (403). The note itself is checked as a form text field ({@link FormField}): not blank,
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
    private static final Field UPDATE_TASK = CommandFields.of(UpdateCommentCmd.class, "taskId");
    private static final Field UPDATE_INSTANCE = CommandFields.of(UpdateCommentCmd.class, "processInstanceId");
    private static final Field UPDATE_NOTE = CommandFields.of(UpdateCommentCmd.class, "commentId");
    private static final Field DELETE_TASK = CommandFields.of(DeleteTaskCommentCmd.class, "taskId");
    private static final Field DELETE_TASK_NOTE = CommandFields.of(DeleteTaskCommentCmd.class, "commentId");
    private static final Field DELETE_INSTANCE = CommandFields.of(DeleteProcessInstanceCommentCmd.class, "processInstanceId");
    private static final Field DELETE_INSTANCE_NOTE = CommandFields.of(DeleteProcessInstanceCommentCmd.class, "commentId");
    private static final Field READ_ALL_TASK = CommandFields.of(GetTaskCommentsCmd.class, "taskId");
    private static final Field READ_ONE_TASK = CommandFields.of(GetTaskCommentCmd.class, "taskId");

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof AddCommentCmd) {
            checkNewNote((String) CommandFields.read(ADD_TASK, command), (String) CommandFields.read(ADD_INSTANCE, command),
                    (String) CommandFields.read(ADD_MESSAGE, command));
        } else if (command instanceof UpdateCommentCmd) {
            checkText((String) CommandFields.read(UPDATE_MESSAGE, command));
            checkWriter((String) CommandFields.read(UPDATE_TASK, command), (String) CommandFields.read(UPDATE_INSTANCE, command),
                    (String) CommandFields.read(UPDATE_NOTE, command));
        } else if (command instanceof DeleteTaskCommentCmd) {
            checkWriter((String) CommandFields.read(DELETE_TASK, command), null, (String) CommandFields.read(DELETE_TASK_NOTE, command));
        } else if (command instanceof DeleteProcessInstanceCommentCmd) {
            checkWriter(null, (String) CommandFields.read(DELETE_INSTANCE, command),
                    (String) CommandFields.read(DELETE_INSTANCE_NOTE, command));
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
            EngineChecks.each(context, checker -> checker.checkUpdateProcessInstanceById(processInstanceId));
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
            EngineChecks.each(context, checker -> {
                try {
                    if (work) {
                        checker.checkTaskWork(task);
                    } else {
                        checker.checkReadTask(task);
                    }
                } catch (AuthorizationException refused) {
                    readHistoryOr(context, checker, task.getProcessDefinitionId(), refused);
                }
            });
            return task.getProcessInstanceId();
        }
        HistoricTaskInstanceEntity finished = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
        if (finished == null || !context.getTenantManager().isAuthenticatedTenant(finished.getTenantId())) {
            throw new NotFoundException("No task found for task id " + taskId);
        }
        EngineChecks.each(context, checker -> readHistoryOr(context, checker, finished.getProcessDefinitionId(), null));
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

    /**
     * Whether the logged-in caller may change or delete the note ({@code noteId}; every note of the task or process
     * instance when null): the engine's checks for working on the task or changing the process instance first, then
     * that each note is the caller's own. What the engine would refuse as unknown (no such task, another
     * organisation's) is left to the command itself.
     */
    private static void checkWriter(String taskId, String processInstanceId, String noteId) {
        CommandContext context = Context.getCommandContext();
        Authentication caller = context.getAuthentication();
        if (caller == null || caller.getUserId() == null || EngineCaller.administrator(caller)) {
            return;
        }
        List<Comment> notes;
        if (taskId != null) {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return;
            }
            EngineChecks.each(context, checker -> checker.checkTaskWork(task));
            notes = noteId == null ? context.getCommentManager().findCommentsByTaskId(taskId)
                    : listOf(context.getCommentManager().findCommentByTaskIdAndCommentId(taskId, noteId));
        } else if (processInstanceId != null) {
            ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
            if (instance == null) {
                return;
            }
            EngineChecks.each(context, checker -> checker.checkUpdateProcessInstance(instance));
            notes = noteId == null ? context.getCommentManager().findCommentsByProcessInstanceId(processInstanceId)
                    : listOf(context.getCommentManager().findCommentByProcessInstanceIdAndCommentId(processInstanceId, noteId));
        } else {
            return;
        }
        notes.stream().filter(note -> !caller.getUserId().equals(note.getUserId())).findFirst().ifPresent(other -> {
            throw new AuthorizationException("这条" + LABEL + "由" + writer(context, other.getUserId())
                    + "记录，只有记录人可以修改或删除自己的" + LABEL + "。");
        });
    }

    private static List<Comment> listOf(Comment note) {
        return note == null ? List.of() : List.of(note);
    }

    /** The writer by name as the organisation's file gives it (the id when it gives none); the process for none. */
    private static String writer(CommandContext context, String userId) {
        if (userId == null) {
            return "流程自动";
        }
        User user = context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().findUserById(userId));
        String name = user == null ? "" : (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
        return name.isEmpty() ? userId : name + "（" + userId + "）";
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
