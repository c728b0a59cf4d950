package org.shirong.meeting;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.shirong.report.CampaignFixture;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A campaign's meetings in Spring tests: runs a meeting's jobs as the (switched off) job executor
 * would, and removes every meeting, the cases and assignments its decisions made, and the campaign rows.
 */
final class MeetingFixture {

    private final String campaign;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final JdbcTemplate jdbc;
    private final CampaignFixture campaignFixture;

    MeetingFixture(String campaign, RuntimeService runtimeService, ManagementService managementService, JdbcTemplate jdbc) {
        this.campaign = campaign;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.jdbc = jdbc;
        this.campaignFixture = new CampaignFixture(jdbc, campaign);
    }

    CampaignFixture campaign() {
        return campaignFixture;
    }

    /** Runs the meeting's jobs (not those of the cases and assignments it starts) until it waits for people or ends. */
    void runJobs(String processInstanceId) {
        for (List<Job> jobs = jobs(processInstanceId); !jobs.isEmpty(); jobs = jobs(processInstanceId)) {
            managementService.executeJob(jobs.get(0).getId());
        }
    }

    private List<Job> jobs(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
    }

    void clear() {
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaign).list()
                .forEach(pi -> runtimeService.deleteProcessInstanceIfExists(pi.getId(), "test", true, true, true, false));
        String meetingCases = "meeting-" + campaign + "-%";
        jdbc.queryForList("select process_instance_id from rect_case where external_ref like ?", String.class, meetingCases)
                .forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test", true, true, true, false));
        jdbc.update("delete from rect_case_event where case_no in (select case_no from rect_case where external_ref like ?)", meetingCases);
        jdbc.update("delete from rect_case where external_ref like ?", meetingCases);
        jdbc.update("delete from meeting_decision where meeting_key like ?", campaign + "/%");
        jdbc.update("delete from meeting where campaign_code = ?", campaign);
        campaignFixture.clear();
    }
}
