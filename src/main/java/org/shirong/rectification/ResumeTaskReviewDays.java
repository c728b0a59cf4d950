package org.shirong.rectification;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.shirong.system.StartupFingerprints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 恢复整改 of a case under 挂账 has no due date (its clock stands still, s53 T7); versions of {@code RectificationProcess}
 * before gave it the 复核日期 as due date, so that a case suspended then counted in its unit's 已超期 once the day had
 * passed, while the cockpit showed it as stopped. On a start that synchronises the deployments (after an upgrade), each such
 * open task is given the review day as follow-up date instead, as the current version does; a start with nothing changed
 * skips it.
 */
@Component
class ResumeTaskReviewDays {

    private static final Logger LOG = LoggerFactory.getLogger(ResumeTaskReviewDays.class);
    private static final int AT_ONCE = 1_000;

    private final TaskService taskService;
    private final StartupFingerprints fingerprints;

    ResumeTaskReviewDays(TaskService taskService, StartupFingerprints fingerprints) {
        this.taskService = taskService;
        this.fingerprints = fingerprints;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (!fingerprints.unchanged()) {
            int moved = moveReviewDays();
            if (moved > 0) {
                LOG.info("挂账案件的“恢复整改”任务 {} 件：复核日期由到期日期改为跟进日期（挂账期间停止计时，不计入已超期）", moved);
            }
        }
    }

    /** Moves the due date of every open 恢复整改 that has one to its follow-up date; returns how many were moved. */
    int moveReviewDays() {
        int moved = 0;
        int before;
        List<Task> tasks;
        do {
            before = moved;
            tasks = taskService.createTaskQuery().taskDefinitionKey(RectificationProcess.TASK_RESUME).dueAfter(new Date(0))
                    .listPage(0, AT_ONCE);
            for (Task task : tasks) {
                task.setFollowUpDate(task.getDueDate());
                task.setDueDate(null);
                try {
                    taskService.saveTask(task);
                    moved++;
                } catch (OptimisticLockingException concurrent) {
                    // another node did it, or the unit resumed the case meanwhile
                    LOG.debug("任务 {} 已由其他节点改过", task.getId());
                }
            }
        } while (tasks.size() == AT_ONCE && moved > before);
        return moved;
    }
}
