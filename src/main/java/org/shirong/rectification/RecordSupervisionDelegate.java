package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 记录督办意见 (Task_RecordSupervision): puts a 督办 received by message on the case's timeline. When the office's
 * 督办超期案件 of the case is still waiting, the case has now been 督办'd: it names that task's execution
 * ({@link RectificationProcess#VAR_SUPERVISED_ABOVE_EXECUTION}), whose BoundaryEvent_SupervisedAbove ends it.
 */
@Component
class RecordSupervisionDelegate implements JavaDelegate {

    private final CaseSteps steps;

    RecordSupervisionDelegate(CaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.supervisedFromAbove(execution);
        Task waiting = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(RectificationProcess.TASK_SUPERVISE)
                .singleResult();
        if (waiting != null) {
            execution.getProcessInstance().setVariable(RectificationProcess.VAR_SUPERVISED_ABOVE_EXECUTION, waiting.getExecutionId());
        }
    }
}
