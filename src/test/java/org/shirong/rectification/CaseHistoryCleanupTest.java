package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesSpringContext;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History cleanup in Shirong's configuration ({@code historyRemovalTimeStrategy: none}, {@code historyCleanupStrategy:
 * endTimeBased}): no history row of a case carries a removal time, and a cleanup an administrator starts through
 * {@code /engine-rest} removes the engine history of a case closed more than 整改案件's history time to live (1095 days)
 * ago (instance, activities, tasks, job logs, its 派遣案件 decision), while a case closed within it keeps its history.
 * The cases run and the cleanup runs with the engine clock in 2015–2018, years no other test uses, so that the cleanup
 * removes nothing another test made.
 */
@ShirongWebTest
@SharesSpringContext
class CaseHistoryCleanupTest {

    /** A Monday, 09:30 in 九亭. */
    private static final Instant LONG_AGO = Instant.parse("2015-03-02T01:30:00Z");
    private static final Duration TIME_TO_LIVE = Duration.ofDays(1095);
    private static final Instant WITHIN = LONG_AGO.plus(Duration.ofDays(1001));
    private static final Instant CLEANUP = LONG_AGO.plus(TIME_TO_LIVE).plus(Duration.ofDays(5));

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClockAndCleanupJob() {
        ClockUtil.reset();
        historyService.findHistoryCleanupJobs().forEach(job -> managementService.deleteJob(job.getId()));
    }

    @Test
    void aCaseClosedLongerThanItsTimeToLiveAgoLosesItsHistoryAndACaseWithinItKeepsIt() {
        String expired = closedAt(LONG_AGO, "CLEANUP-EXPIRED");
        String kept = closedAt(WITHIN, "CLEANUP-KEPT");
        assertThat(rowsOf(expired)).containsKeys("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_DECINST",
                "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG");
        assertThat(rowsWithARemovalTime(expired) + rowsWithARemovalTime(kept)).as("history rows with a removal time").isZero();

        ClockUtil.setCurrentTime(Date.from(CLEANUP));
        ResponseEntity<String> started = rest.withBasicAuth("admin", "admin")
                .postForEntity("/engine-rest/history/cleanup?immediatelyDue=true", null, String.class);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        List<Job> cleanup = historyService.findHistoryCleanupJobs();
        assertThat(cleanup).isNotEmpty();
        cleanup.forEach(job -> managementService.executeJob(job.getId()));
        ClockUtil.reset();

        // endTimeBased removes a process instance with everything the engine deletes with it, and decisions by their own
        // time to live (CaseDispatch: 1095 days from the evaluation); Camunda never removes operation log entries that way
        assertThat(rowsOf(expired)).as("history rows left of the expired case").containsOnlyKeys("ACT_HI_OP_LOG");
        assertThat(rowsOf(kept)).containsKeys("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_DECINST",
                "ACT_HI_JOB_LOG");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(kept).singleResult().getEndTime())
                .isEqualTo(Date.from(WITHIN));
    }

    /** Rows of every engine history table (and history byte arrays) that belong to the case's instance, by table. */
    private Map<String, Integer> rowsOf(String instance) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : historyTablesWith("ROOT_PROC_INST_ID_")) {
            int count = jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?", Integer.class, instance);
            if (count > 0) {
                rows.put(table, count);
            }
        }
        return rows;
    }

    private int rowsWithARemovalTime(String instance) {
        int rows = 0;
        for (String table : historyTablesWith("ROOT_PROC_INST_ID_")) {
            if (historyTablesWith("REMOVAL_TIME_").contains(table)) {
                rows += jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ? and REMOVAL_TIME_ is not null",
                        Integer.class, instance);
            }
        }
        return rows;
    }

    private List<String> historyTablesWith(String column) {
        return jdbc.queryForList("select TABLE_NAME from INFORMATION_SCHEMA.COLUMNS where COLUMN_NAME = ? and "
                + "(TABLE_NAME like 'ACT_HI_%' or TABLE_NAME = 'ACT_GE_BYTEARRAY') order by TABLE_NAME", String.class, column);
    }

    /** Reports a case and takes it to its closure through the API with the engine clock at {@code at}; its instance. */
    private String closedAt(Instant at, String externalRef) {
        ClockUtil.setCurrentTime(Date.from(at));
        try {
            CaseDriver cases = new CaseDriver(rest, jdbc, managementService);
            return cases.instanceOf(cases.driveToClosure(externalRef));
        } finally {
            ClockUtil.reset();
        }
    }
}
