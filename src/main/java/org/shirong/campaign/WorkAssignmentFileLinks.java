package org.shirong.campaign;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of 审阅办理结果 ({@code Task_ReviewResult}): the photos and files the unit handed in with its result
 * ({@link WorkAssignmentFiles}), each a link to its download ({@code /shirong/work-assignments/files/{id}}), as Markdown for the
 * form's text ({@code attachmentLinks}, task-local) — the reviewer judges the evidence in the form (szreview-s60 S1), and
 * may open it, being among {@link WorkAssignmentReaders}. Also the one place a file becomes a link for a Camunda Form.
 */
@Component
class WorkAssignmentFileLinks implements TaskListener {

    static final String VAR_ATTACHMENT_LINKS = "attachmentLinks";
    static final String DOWNLOAD = "/shirong/work-assignments/files/";

    private final WorkAssignmentFiles files;

    WorkAssignmentFileLinks(WorkAssignmentFiles files) {
        this.files = files;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(VAR_ATTACHMENT_LINKS, markdown(files.handedInBy(task.getProcessInstanceId())));
    }

    /** “照片、材料：” and the files as links (点文件名下载, and who may), or 无. */
    static String markdown(List<WorkAssignmentFiles.File> handedIn) {
        if (handedIn.isEmpty()) {
            return "照片、材料：无";
        }
        return "照片、材料：" + handedIn.stream().map(f -> "[" + escaped(f.fileName()) + "](" + DOWNLOAD + f.id() + ")")
                .collect(Collectors.joining("、"))
                + "\n\n点文件名下载（承办单位，交办和办理的组织的办公室、组长和副组长可以下载）。";
    }

    /**
     * A file name as Markdown text, every ASCII punctuation character escaped (CommonMark reads each literally): no link,
     * autolink (https://, www., an address), tag or emphasis of the uploader's making, only the download's link.
     */
    static String escaped(String name) {
        return name.replaceAll("(\\p{Punct})", "\\\\$1");
    }
}
