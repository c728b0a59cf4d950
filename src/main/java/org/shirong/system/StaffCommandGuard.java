package org.shirong.system;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetExternalTaskRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.ExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.GetUniqueTaskWorkerCountCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;

/**
 * Keeps what decides a process (lead unit, deadlines, case number, routing) out of staff's hands:
 * a staff call may not edit or delete a task, change its candidate groups or set process variables directly, may
 * start a process only at its start event (not before or after one of its steps, which would skip the start's
 * checks, or act on another organisation's records by business key), nor restart an ended one, may
 * hand a task only to a colleague in a group the task is given to, may work on a task and read its data only while it is
 * theirs (its assignee, or in a group it is given to: {@link TaskWorkerGuard}, inside the command), may not end a task by throwing a BPMN error or escalation from it
 * (the rectification's escalations lead to 回退, 延期 and 挂账: thrown from the task they skipped its form and set any
 * variable, the lead unit and due date included), may not attach files to tasks or processes through the engine (the
 * engine lets anyone who can read a task attach to it or delete its attachments, a district's office a town's; Shirong
 * keeps photos and attachments in its own records, through the forms), may not change their own name or e-mail nor
 * delete their own account (the organisation's file holds them; a new password is theirs to set), may not read the
 * engine's metrics (every organisation's work counted together), nor fetch or handle external tasks (Shirong has none)
 * or send the engine a message or signal (Shirong's API sends those for 督办, 重新打开 and 合并), and completing a task may set only the fields
 * its form lets the assignee fill in; the form's read-only fields may be sent back, but only unchanged, and nothing else
 * (checked by {@link SubmittedFieldsGuard} inside the completion's own command, which reads the task and
 * its variables once for both), and what a start sends for its start form's fields is checked as a task form's.
 * The processes themselves, the job executor and administrators are not affected (see {@link EngineCaller}).
 */
class StaffCommandGuard extends CommandInterceptor {

    private static final Field ASSIGNEE = CommandFields.of(AbstractAddIdentityLinkCmd.class, "userId");
    private static final Field ASSIGNED_TASK = CommandFields.of(AbstractSetTaskPropertyCmd.class, "taskId");
    private static final Field DELEGATE = CommandFields.of(DelegateTaskCmd.class, "userId");
    private static final Field DELEGATED_TASK = CommandFields.of(DelegateTaskCmd.class, "taskId");
    private static final Field CLAIMANT = CommandFields.of(ClaimTaskCmd.class, "userId");
    private static final Field CLAIMED_TASK = CommandFields.of(ClaimTaskCmd.class, "taskId");
    private static final Field SAVED_USER = CommandFields.of(SaveUserCmd.class, "user");

    private final ProcessEngineConfigurationImpl configuration;

    StaffCommandGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Optional<Authentication> caller = EngineCaller.staffCall(configuration);
        if (caller.isEmpty()) {
            return next.execute(command);
        }
        check(command, caller.get());
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
                || command instanceof StartProcessInstanceCmd || command instanceof SubmitStartFormCmd) {
            return TaskWorkerGuard.checking(command, () -> SubmittedFieldsGuard.checking(command, () -> next.execute(command)));
        }
        return TaskWorkerGuard.checking(command, () -> next.execute(command));
    }

    private void check(Command<?> command, Authentication caller) {
        if (command instanceof AssignTaskCmd || command instanceof DelegateTaskCmd || command instanceof ClaimTaskCmd) {
            // A claim names its claimant: the engine checks only that the caller may work on the task, so a claim "for"
            // someone else is a hand-over and follows its rule.
            Field target = command instanceof AssignTaskCmd ? ASSIGNEE : command instanceof DelegateTaskCmd ? DELEGATE : CLAIMANT;
            Field task = command instanceof AssignTaskCmd ? ASSIGNED_TASK : command instanceof DelegateTaskCmd ? DELEGATED_TASK : CLAIMED_TASK;
            String user = (String) CommandFields.read(target, command);
            // the rule reads groups, tenants and the task's diagram on Shirong's behalf: a clerk may not list tenants
            if (user != null && !user.equals(caller.getUserId())
                    && !new SystemAccess(configuration.getIdentityService()).run(() -> new TaskColleagues(configuration.getTaskService(),
                            configuration.getIdentityService(), configuration.getRepositoryService())
                            .colleague(caller, user, (String) CommandFields.read(task, command)))) {
                throw new AuthorizationException("任务只能交给办理该任务的单位中的同事。");
            }
            return;
        }
        if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd) {
            throw new AuthorizationException("任务由哪个单位办理由流程确定，办理人员不能更改。");
        }
        if (command instanceof DeleteTaskCmd) {
            // The engine refuses a process's task only after its own checks, as a 500 with an ERROR and its stack.
            throw new AuthorizationException("任务由流程产生，办完由流程结束，不能删除。");
        }
        if (command instanceof SaveTaskCmd) {
            throw new AuthorizationException("任务的名称、期限和优先级由流程确定，办理人员不能修改。");
        }
        if (command instanceof StartProcessInstanceAtActivitiesCmd || command instanceof AbstractRestartProcessInstanceCmd) {
            throw new AuthorizationException("流程只能从开始处发起，办理人员不能从流程中的某一步开始或跳过发起时的检查。");
        }
        if (command instanceof HandleTaskEscalationCmd || command instanceof HandleTaskBpmnErrorCmd) {
            throw new AuthorizationException("任务的办理结果（包括回退、申请延期、申请挂账）只能通过任务表单提交。");
        }
        if (command instanceof CreateAttachmentCmd || command instanceof SaveAttachmentCmd || command instanceof DeleteAttachmentCmd) {
            throw new AuthorizationException("照片和附件请在任务表单中上传，不能另外给任务或流程添加、修改或删除附件。");
        }
        if (command instanceof SaveUserCmd && renamed((User) CommandFields.read(SAVED_USER, command))) {
            // Tasklist shows these names to colleagues and mail goes to this address: a clerk could appear as 王镇长.
            throw new AuthorizationException("姓名和电子邮箱以本组织的组织机构文件（organization.yaml）为准，请联系管理员修改。");
        }
        if (command instanceof DeleteUserCmd) {
            // Camunda grants every user ALL on their own account: a clerk could delete it, leaving the tasks assigned to
            // them to no one who can see them, until the next start recreates it.
            throw new AuthorizationException("账号以本组织的组织机构文件（organization.yaml）为准，请联系管理员删除。");
        }
        if (command instanceof MetricsQueryImpl || command instanceof GetUniqueTaskWorkerCountCmd) {
            // The engine counts every organisation's work together, and leaves the metrics readable by anyone.
            throw new AuthorizationException("引擎的运行统计（流程实例数、办理人数等）包含所有组织，只供系统管理员查看。");
        }
        if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
            throw new AuthorizationException("流程数据由流程确定，只能在办理任务时通过任务表单填写。");
        }
        if (command instanceof FetchExternalTasksCmd || command instanceof ExternalTaskCmd
                || command instanceof AbstractSetExternalTaskRetriesCmd) {
            // Shirong has no external tasks; the engine runs a fetch's statement before it filters by permission (one
            // clerk's 100,000 topics: 500 and a hundred megabytes of log)
            throw new AuthorizationException("Shirong 没有外部任务，办理人员不能领取或处理外部任务。");
        }
        if (command instanceof AbstractCorrelateMessageCmd || command instanceof MessageEventReceivedCmd
                || command instanceof SignalEventReceivedCmd || command instanceof SignalCmd) {
            // 督办、重新打开、合并 reach a case through Shirong's own API, which checks who may; the engine looks for
            // the receivers (30,000 keys: a stack overflow) before it asks whether the caller may wake them
            throw new AuthorizationException("流程消息和信号由 Shirong 根据业务操作发送（如督办、重新打开、合并），办理人员不能直接发送。");
        }
    }

    /** Whether a user already saved would have another name or e-mail (a new password alone keeps them). */
    private boolean renamed(User user) {
        User stored = user == null ? null : configuration.getIdentityService().createUserQuery().userId(user.getId()).singleResult();
        return stored != null && !(Objects.equals(stored.getFirstName(), user.getFirstName())
                && Objects.equals(stored.getLastName(), user.getLastName()) && Objects.equals(stored.getEmail(), user.getEmail()));
    }
}
