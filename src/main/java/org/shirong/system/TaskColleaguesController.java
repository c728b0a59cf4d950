package org.shirong.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tasks/{taskId}/colleagues}: the colleagues Tasklist's 转交 offers by name (staff know names, not login ids),
 * by the rule the hand-over itself is checked with. Only for a task the caller can see.
 */
@RestController
class TaskColleaguesController {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final SystemAccess systemAccess;
    private final org.camunda.bpm.engine.RepositoryService repositoryService;

    TaskColleaguesController(TaskService taskService, IdentityService identityService, SystemAccess systemAccess,
            org.camunda.bpm.engine.RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.systemAccess = systemAccess;
    }

    @GetMapping("/api/tasks/{taskId}/colleagues")
    List<TaskColleagues.Colleague> colleagues(@PathVariable String taskId) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null || taskService.createTaskQuery().taskId(taskId).count() == 0) {
            throw new NotFoundException("TASK_NOT_FOUND", "没有这个任务，或任务不由您办理：" + TextInput.shortened(taskId, 40));
        }
        return systemAccess.run(() -> new TaskColleagues(taskService, identityService, repositoryService).of(caller, taskId));
    }
}
