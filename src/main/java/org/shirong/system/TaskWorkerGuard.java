package org.shirong.system;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.AbstractGetFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetRenderedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A staff member works on an open task (completes it, submits its form, claims, hands over or delegates it) and reads its
 * data by its id (variables, form variables, notes, attachments) only while the task is theirs as Tasklist lists it: its
 * assignee or owner, a candidate user, or a member of one of its candidate groups. The engine decides by its grants on
 * the task, and the grant it gives an assignee outlived the assignment: a clerk who had handed the task on, or had
 * since moved to another unit, still read its variables and completed it (s48 N8). Reading stays open to whoever
 * reads every task (the office, the approvers, the district). Someone the engine itself refuses is refused by the
 * engine's own check first, as before. Runs inside the command's own context, so that the task and its candidates it
 * reads are the ones the command then works with: the assignee's own completion reads nothing more, a claim its
 * candidates once. Checks only the command that {@link StaffCommandGuard}, which sees who calls before any context is
 * opened, marked as a staff call.
 */
class TaskWorkerGuard extends CommandInterceptor {

    static final String NO_LONGER_YOURS = "您已不是该任务的办理人，也不在办理该任务的单位（候选组）中，不能再查看或办理该任务。";

    /** The commands checked, by the field holding their task id, and whether each works on the task (else reads it). */
    private record Checked(Field taskId, boolean work) {
    }

    private static final Map<Class<?>, Checked> CHECKED = Map.ofEntries(
            work(CompleteTaskCmd.class), work(SubmitTaskFormCmd.class), work(ClaimTaskCmd.class),
            Map.entry(AssignTaskCmd.class, new Checked(CommandFields.of(AbstractSetTaskPropertyCmd.class, "taskId"), true)),
            work(DelegateTaskCmd.class),
            read(GetTaskVariableCmd.class), read(GetTaskVariableCmdTyped.class), read(GetTaskVariablesCmd.class),
            Map.entry(GetTaskFormVariablesCmd.class, new Checked(CommandFields.of(AbstractGetFormVariablesCmd.class, "resourceId"), false)),
            read(GetRenderedTaskFormCmd.class),
            // notes: the office writes them on any task (TaskCommentGuard), as it reads any
            read(GetTaskCommentsCmd.class), read(GetTaskCommentCmd.class), read(AddCommentCmd.class), read(UpdateCommentCmd.class),
            read(DeleteTaskCommentCmd.class),
            read(GetTaskAttachmentsCmd.class), read(GetTaskAttachmentCmd.class), read(GetTaskAttachmentContentCmd.class));

    /** The staff call being run on this thread, as {@link StaffCommandGuard} marked it. */
    private static final ThreadMark<Command<?>> STAFF_CALL = new ThreadMark<>();

    private final EveryTaskReaders everyTaskReaders;

    TaskWorkerGuard(EveryTaskReaders everyTaskReaders) {
        this.everyTaskReaders = everyTaskReaders;
    }

    private static Map.Entry<Class<?>, Checked> work(Class<?> command) {
        return Map.entry(command, new Checked(CommandFields.of(command, "taskId"), true));
    }

    private static Map.Entry<Class<?>, Checked> read(Class<?> command) {
        return Map.entry(command, new Checked(CommandFields.of(command, "taskId"), false));
    }

    /** Runs {@code call} (through {@code run}) with the caller's part in its task checked inside its command. */
    static <T> T checking(Command<T> call, Supplier<T> run) {
        if (checked(call) == null) {
            return run.get();
        }
        return STAFF_CALL.around(call, run);
    }

    private static Checked checked(Command<?> command) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            Checked checked = CHECKED.get(type);
            if (checked != null) {
                return checked;
            }
        }
        return null;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (STAFF_CALL.is(command)) {
            Checked checked = checked(command);
            String taskId = (String) CommandFields.read(checked.taskId(), command);
            if (taskId != null) {
                check(taskId, checked.work());
            }
        }
        return next.execute(command);
    }

    private void check(String taskId, boolean work) {
        CommandContext context = Context.getCommandContext();
        Authentication caller = context.getAuthentication();
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null || caller == null || worksOn(task, caller)) {
            return; // a task that is gone (or never was) is the command's own to answer
        }
        List<String> groups = context.getAuthorizationManager().filterAuthenticatedGroupIds(caller.getGroupIds());
        if (!work && readsEveryTask(context, caller.getUserId(), groups)) {
            return;
        }
        EngineChecks.each(context, checker -> {
            if (work) {
                checker.checkTaskWork(task);
            } else {
                checker.checkReadTask(task);
            }
        });
        throw new AuthorizationException(NO_LONGER_YOURS);
    }

    /** Assignee or owner (no read), else a candidate user or a member of a candidate group (its candidates, read once). */
    private static boolean worksOn(TaskEntity task, Authentication caller) {
        String user = caller.getUserId();
        if (user.equals(task.getAssignee()) || user.equals(task.getOwner())) {
            return true;
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        return task.getIdentityLinks().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> user.equals(link.getUserId()) || link.getGroupId() != null && groups.contains(link.getGroupId()));
    }

    private boolean readsEveryTask(CommandContext context, String userId, List<String> groups) {
        return everyTaskReaders.readsEveryTask(userId, groups, () -> context.getAuthorizationManager().isAuthorized(userId, groups,
                new PermissionCheckBuilder().disjunctive()
                        .atomicCheckForResourceId(TASK, ANY, READ)
                        .atomicCheckForResourceId(PROCESS_DEFINITION, ANY, READ_TASK)
                        .build()));
    }
}
