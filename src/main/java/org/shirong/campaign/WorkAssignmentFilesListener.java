package org.shirong.campaign;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of 办理交办事项 ({@code Task_HandleAssignment}): keeps the photos and files handed in
 * ({@link WorkAssignmentFiles}) and tells the reviewer what came with the result ({@code attachmentNames}, shown on 审阅办理结果).
 */
@Component
class WorkAssignmentFilesListener implements TaskListener {

    private final WorkAssignmentFiles files;

    WorkAssignmentFilesListener(WorkAssignmentFiles files) {
        this.files = files;
    }

    @Override
    public void notify(DelegateTask task) {
        files.take(task);
        List<String> all = files.namesOf(task.getProcessInstanceId());
        String text = all.isEmpty() ? "无" : String.join("、", all) + "（交办的办公室可在“工作交办”一览中下载）";
        task.setVariable(WorkAssignmentProcess.VAR_ATTACHMENT_NAMES, text.length() > 3900 ? text.substring(0, 3900) + "……" : text);
    }
}
