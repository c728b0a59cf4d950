package org.shirong.campaign;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs one campaign as the job executor would, with the engine clock moved from one due job to the
 * next: every job of the processes under the campaign's business key (the campaign, its tasks and its
 * meetings) runs at its due time, in order. Staff work is done through {@link TaskService}.
 */
final class CampaignDriver {

    private final String code;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;

    CampaignDriver(String code, ManagementService managementService, RuntimeService runtimeService, TaskService taskService,
            JdbcTemplate jdbc) {
        this.code = code;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.jdbc = jdbc;
    }

    static void clockAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Runs every job due until {@code until}, moving the clock to each timer's due time; leaves the clock at {@code until}. */
    void runUntil(Instant until) {
        for (int guard = 0; guard < 20_000; guard++) {
            Optional<Job> next = nextJob(until);
            if (next.isEmpty()) {
                clockAt(until);
                return;
            }
            Date due = next.get().getDuedate();
            if (due != null && due.after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(due);
            }
            managementService.executeJob(next.get().getId());
        }
        throw new AssertionError("jobs keep coming for " + code);
    }

    /**
     * The campaign's next job: the earliest due (an asynchronous step first, as the engine dates it "now", which may be just
     * after until) of its processes' jobs that may run. Asked of the job table for this campaign's instances alone: the
     * shared context keeps every other test's open tasks' deadline timers, and listing all jobs at each step cost seconds.
     */
    private Optional<Job> nextJob(Instant until) {
        List<String> ids = jdbc.queryForList("select j.ID_ from ACT_RU_JOB j join ACT_RU_EXECUTION p on p.ID_ = j.PROCESS_INSTANCE_ID_"
                + " where p.BUSINESS_KEY_ = ? and j.RETRIES_ > 0 and j.SUSPENSION_STATE_ = 1"
                + " and (j.TYPE_ = 'message' or j.DUEDATE_ is null or j.DUEDATE_ <= ?)"
                + " order by case when j.DUEDATE_ is null then 0 else 1 end, j.DUEDATE_, j.ID_", String.class, code,
                java.sql.Timestamp.from(until));
        return ids.stream().findFirst().map(id -> managementService.createJobQuery().jobId(id).singleResult());
    }

    /** The Tasklist task of a campaign task, by its key (e.g. signResponsibilityLetter/chengguan). */
    Task task(String taskKey) {
        String instanceId = jdbc.queryForObject("select process_instance_id from campaign_task where campaign_code = ? and task_key = ?",
                String.class, code, taskKey);
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    }

    void complete(String taskKey, Map<String, Object> variables) {
        taskService.complete(task(taskKey).getId(), variables);
    }

    /**
     * Completes a campaign task with its 办理情况, and a PDF where the task requires an attachment (九亭镇's 目标责任书 and
     * 台账整理归档, jtreview-s56 T14), as a unit hands it in.
     */
    void handIn(String taskKey, String result) {
        complete(taskKey, Boolean.TRUE.equals(taskService.getVariable(task(taskKey).getId(), CampaignTaskProcess.VAR_ATTACHMENTS_REQUIRED))
                ? Map.of(CampaignTaskProcess.VAR_RESULT, result, CampaignTaskProcess.VAR_ATTACHMENT_PREFIX + "1",
                        org.camunda.bpm.engine.variable.Variables.fileValue("附件.pdf").file(PDF).mimeType("application/pdf").create())
                : Map.of(CampaignTaskProcess.VAR_RESULT, result));
    }

    /** A small PDF, as a unit would hand in its 台帐. */
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Completes every open task of the phase the way its kind asks (no findings; all rectified unless cases are open, then 督办; a 台帐 where one is required). */
    void completePhase(int phaseNo) {
        for (String key : openTaskKeys(phaseNo)) {
            String kind = jdbc.queryForObject("select kind from campaign_task where campaign_code = ? and task_key = ?",
                    String.class, code, key);
            complete(key, switch (CampaignTaskProcess.Kind.valueOf(kind)) {
                case TASK -> Boolean.TRUE.equals(taskService.getVariable(task(key).getId(), CampaignTaskProcess.VAR_ATTACHMENTS_REQUIRED))
                        ? Map.of(CampaignTaskProcess.VAR_RESULT, "已按要求完成，台帐见附件", CampaignTaskProcess.VAR_ATTACHMENT_PREFIX + "1",
                                org.camunda.bpm.engine.variable.Variables.fileValue("台帐.pdf").file(PDF).mimeType("application/pdf").create())
                        : Map.of(CampaignTaskProcess.VAR_RESULT, "已按要求完成");
                case FINDINGS -> Map.of(CampaignTaskProcess.VAR_RESULT, "已检查，未发现问题");
                case NOTICE_REPLY -> Map.of(CampaignTaskProcess.VAR_RESULT, "已逐项整改");
                case CHECKPOINT -> jdbc.queryForObject("select count(*) from rect_case c"
                        + " where c.campaign_code = ? and c.status <> 'CLOSED'", Integer.class, code) == 0
                        ? Map.of(CampaignTaskProcess.VAR_ALL_RECTIFIED, "yes")
                        : Map.of(CampaignTaskProcess.VAR_ALL_RECTIFIED, "no", CampaignTaskProcess.VAR_RESULT, "尚有问题未整改，已逐件督办");
            });
        }
    }

    List<String> openTaskKeys(int phaseNo) {
        return jdbc.queryForList("select task_key from campaign_task where campaign_code = ? and phase_no = ? and status = 'OPEN'"
                + " order by id", String.class, code, phaseNo);
    }

    long instances(String processKey) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).processDefinitionKey(processKey).count();
    }

    /** Meetings held so far (running or finished), from history. */
    long meetingsConvened(org.camunda.bpm.engine.HistoryService history) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey("JointMeetingProcess").count();
    }

    String phaseStatus(int phaseNo) {
        return jdbc.queryForObject("select case when ended_at is not null then 'ENDED' when started_at is not null then 'RUNNING'"
                + " else 'WAITING' end from campaign_phase where campaign_code = ? and phase_no = ?", String.class, code, phaseNo);
    }

    List<String> inboxBodies(String user, String template) {
        return jdbc.queryForList("select body from notification_inbox where recipient_id = ? and template_id = ? and business_key = ?"
                + " order by id", String.class, user, template, code);
    }
}
