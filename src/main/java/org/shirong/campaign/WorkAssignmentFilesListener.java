package org.shirong.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Complete listener of 办理交办事项 ({@code Task_HandleAssignment}): keeps the photos and files handed in
 * ({@link WorkAssignmentFiles}) and tells the reviewer what came with the result ({@code attachmentNames}, shown on 审阅办理结果),
 * and the unit, should the work come back for 重办, which files it handed in, to download again ({@code handedInFiles}).
 */
@Component
class WorkAssignmentFilesListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkAssignmentFiles files;

    WorkAssignmentFilesListener(WorkAssignmentFiles files) {
        this.files = files;
    }

    @Override
    public void notify(DelegateTask task) {
        files.take(task);
        List<WorkAssignmentFiles.File> all = files.handedInBy(task.getProcessInstanceId());
        String text = all.isEmpty() ? "无" : String.join("、", all.stream().map(WorkAssignmentFiles.File::fileName).toList())
                + "（交办的办公室可在“工作交办”一览中下载）";
        task.setVariable(WorkAssignmentProcess.VAR_ATTACHMENT_NAMES, text.length() > 3900 ? text.substring(0, 3900) + "……" : text);
        task.setVariable(WorkAssignmentProcess.VAR_HANDED_IN_FILES, SpinValues.jsonValue(json(all.stream()
                .map(f -> Map.of("id", f.id(), "name", f.fileName())).toList())).create());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
