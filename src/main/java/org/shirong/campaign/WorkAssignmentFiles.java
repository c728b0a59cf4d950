package org.shirong.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The files a unit hands in with 办理交办事项 ({@code photo1}, {@code attachment1}, {@code attachment2} File variables of
 * {@code forms/WorkAssignmentHandle.html}), kept in {@code work_assignment_attachment} (V67) under the 工作交办 the office
 * issued: checked as a campaign task's files are ({@link CampaignAttachments#check}: kind by content, size, a photo's
 * pixels), written in the completion's transaction, and removed from the process, so that no copy stays in the engine.
 */
@Repository
class WorkAssignmentFiles {

    private static final Pattern VARIABLE = Pattern.compile("(photo|attachment)\\d");

    /**
     * A kept file, without its content: {@code tenantId} the organisation that handled the work, in its process
     * {@code processInstanceId} (the 工作交办 itself, or a town's for the district's).
     */
    record File(long id, String assignmentId, String assignmentTenant, String processInstanceId, String tenantId, String fileName,
            String mimeType, int sizeBytes) {
    }

    private final JdbcTemplate jdbc;
    private final CampaignAttachments attachments;

    WorkAssignmentFiles(JdbcTemplate jdbc, CampaignAttachments attachments) {
        this.jdbc = jdbc;
        this.attachments = attachments;
    }

    /** Keeps the task's files. A refusal names the field, and nothing is kept. */
    void take(DelegateTask task) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        ExecutionEntity top = execution.getProcessInstance();
        while (top.getSuperExecution() != null) { // work a district handed to a town: kept under the district's 工作交办
            top = top.getSuperExecution().getProcessInstance();
        }
        List<String> names = task.getVariableNames().stream().filter(n -> VARIABLE.matcher(n).matches()).sorted().toList();
        List<CampaignAttachments.Checked> files = new ArrayList<>();
        for (String name : names) {
            attachments.check(name, task.getVariableTyped(name), List.of(AttachmentKind.values())).ifPresent(files::add);
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        for (CampaignAttachments.Checked f : files) {
            jdbc.update("insert into work_assignment_attachment (assignment_id, assignment_tenant, process_instance_id, tenant_id,"
                    + " kind, file_name, mime_type, size_bytes, content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    top.getId(), top.getTenantId(), execution.getProcessInstanceId(), execution.getTenantId(), f.kind().id(),
                    f.fileName(), f.mimeType(), f.content().length, f.content(), uploader(task), Timestamp.from(now));
        }
        names.forEach(task::removeVariable);
    }

    /** Who handed the files in: the user completing the task (through REST or Tasklist), else its assignee. */
    private static String uploader(DelegateTask task) {
        var command = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
        String user = command == null ? null : command.getAuthenticatedUserId();
        return user != null ? user : task.getAssignee();
    }

    /** The files handed in by this handling process (each time it was done, returns included), oldest first. */
    List<File> handedInBy(String processInstanceId) {
        return jdbc.query("select id, assignment_id, assignment_tenant, process_instance_id, tenant_id, file_name, mime_type, size_bytes"
                + " from work_assignment_attachment where process_instance_id = ? order by id", (rs, n) -> file(rs), processInstanceId);
    }

    /**
     * The files of these 工作交办 (their top process instances) or of these handling processes (a town's part of the district's
     * work, szreview-s60 S1), each's in the order they were handed in, under the id asked for.
     */
    Map<String, List<File>> of(Collection<String> assignmentIds) {
        Map<String, List<File>> files = new HashMap<>();
        if (assignmentIds.isEmpty()) {
            return files;
        }
        String marks = String.join(",", assignmentIds.stream().map(i -> "?").toList());
        Object[] ids = java.util.stream.Stream.concat(assignmentIds.stream(), assignmentIds.stream()).toArray();
        jdbc.query("select id, assignment_id, assignment_tenant, process_instance_id, tenant_id, file_name, mime_type, size_bytes"
                + " from work_assignment_attachment where assignment_id in (" + marks + ") or process_instance_id in (" + marks
                + ") order by id", rs -> {
                    File f = file(rs);
                    String under = assignmentIds.contains(f.assignmentId()) ? f.assignmentId() : f.processInstanceId();
                    files.computeIfAbsent(under, k -> new ArrayList<>()).add(f);
                }, ids);
        return files;
    }

    Optional<File> find(long id) {
        return jdbc.query("select id, assignment_id, assignment_tenant, process_instance_id, tenant_id, file_name, mime_type, size_bytes"
                + " from work_assignment_attachment where id = ?", (rs, n) -> file(rs), id).stream().findFirst();
    }

    byte[] content(long id) {
        return jdbc.queryForObject("select content from work_assignment_attachment where id = ?", byte[].class, id);
    }

    private static File file(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new File(rs.getLong("id"), rs.getString("assignment_id"), rs.getString("assignment_tenant"),
                rs.getString("process_instance_id"), rs.getString("tenant_id"), rs.getString("file_name"), rs.getString("mime_type"),
                rs.getInt("size_bytes"));
    }
}
