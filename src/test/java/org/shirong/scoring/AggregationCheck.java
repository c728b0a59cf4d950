package org.shirong.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CaseParties;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.RectificationCases;
import org.shirong.system.DateWindow;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scores counted in the database ({@code GET /api/scores}, the real entry point) against the reference that reads
 * every case and counts it in Java ({@link PerCaseScoringFacts}, behind the same controller), on a varied set of 九亭镇
 * cases: every ranked unit and an office, a unit the organisation no longer knows, every source, urgent ones, on time,
 * late, open, suspended, returned and reworked, due and closed on both sides of the edges of March 2025, some found by a
 * campaign. Written for H2 and PostgreSQL alike.
 */
final class AggregationCheck {

    static final String CAMPAIGN = "AGG2025";
    /** 1 March 2025 and 1 April 2025, 0:00 in Shanghai. */
    static final Instant MARCH = Instant.parse("2025-02-28T16:00:00Z");
    static final Instant APRIL = Instant.parse("2025-03-31T16:00:00Z");

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final CaseRows rows;
    private final ObjectMapper json;

    AggregationCheck(ApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.rows = new CaseRows(jdbc, "SCAGG");
        this.json = context.getBean(ObjectMapper.class);
    }

    /** About 300 cases drawn with a fixed seed, so every run checks the same ones. */
    void writeCases() {
        clear();
        // the other classes' cases overdue and open since before March (超期未结) are not this check's: they count in its months
        rows.setAsideOverdueBefore(MARCH);
        jdbc.update("insert into campaign (code, name, template_id, template_name, status, current_phase, started_at, tenant_id)"
                + " values (?, '汇总核对活动', 'none', '无', 'RUNNING', 0, ?, 'jiuting')", CAMPAIGN, Timestamp.from(MARCH));
        List<String> units = List.of("huanwei", "chengguan", "nongfu", "lvrong", "chuangban", "gone");
        List<String> statuses = List.of("CLOSED", "CLOSED", "CLOSED", "IN_RECTIFICATION", "AWAITING_VERIFICATION", "SUSPENDED",
                "DISPATCHED");
        List<Instant> dues = List.of(MARCH.minus(Duration.ofMinutes(1)), MARCH, MARCH.plus(Duration.ofDays(10)),
                MARCH.plus(Duration.ofDays(19).plusHours(3)), APRIL.minus(Duration.ofMinutes(30)), APRIL,
                APRIL.plus(Duration.ofDays(9)), MARCH.minus(Duration.ofDays(20)));
        List<String> handedIn = java.util.Arrays.asList("on time", "late", null);
        Random draw = new Random(13);
        for (int i = 0; i < 300; i++) {
            String status = statuses.get(draw.nextInt(statuses.size()));
            String handed = handedIn.get(draw.nextInt(status.equals("CLOSED") ? 2 : 3));
            Instant due = dues.get(draw.nextInt(dues.size()));
            String caseNo = rows.add(units.get(draw.nextInt(units.size())), status, due, handed,
                    CaseSource.values()[draw.nextInt(CaseSource.values().length)].name(), draw.nextInt(4) == 0 ? "URGENT" : "NORMAL",
                    List.of(0, 0, 1, 2, 3).get(draw.nextInt(5)));
            if (status.equals("CLOSED") && draw.nextInt(5) == 0) {
                // closed well before it was due: counts for the period it was closed in
                jdbc.update("update rect_case set submitted_at = ?, closed_at = ?, closed_on_time = true where case_no = ?",
                        Timestamp.from(due.minus(Duration.ofDays(12))), Timestamp.from(due.minus(Duration.ofDays(12))), caseNo);
            }
            if (draw.nextInt(6) == 0) {
                rows.returnedAndRedispatched(caseNo, MARCH.plus(Duration.ofDays(draw.nextInt(40) - 5)),
                        units.get(draw.nextInt(units.size())));
            }
            if (draw.nextInt(3) == 0) {
                jdbc.update("update rect_case set campaign_code = ? where case_no = ?", CAMPAIGN, caseNo);
            }
        }
    }

    void clear() {
        rows.clear();
        rows.restoreSetAside();
        jdbc.update("delete from campaign where code = ?", CAMPAIGN);
    }

    /**
     * At each engine time, for each period (running or past) and with and without the campaign, {@code user}'s
     * {@code GET /api/scores} equals the per-case reference.
     */
    void sameAsPerCase(TestRestTemplate asUser, String user, String organization) throws Exception {
        try {
            for (Instant now : List.of(Instant.parse("2025-04-05T02:00:00Z"), Instant.parse("2025-03-20T03:00:00Z"), APRIL)) {
                ClockUtil.setCurrentTime(Date.from(now));
                for (String period : List.of("2025-03", "2025-Q1", "2025-04", "2025")) {
                    for (String campaign : java.util.Arrays.asList(null, CAMPAIGN)) {
                        String query = "/api/scores?period=" + period + (campaign == null ? "" : "&campaign=" + campaign)
                                + (organization == null ? "" : "&organization=" + organization);
                        ResponseEntity<String> response = asUser.getForEntity(query, String.class);
                        if (campaign != null && period.equals("2025-04") && now.isBefore(APRIL)) {
                            // a campaign's month that has not begun is refused, not ranked empty
                            assertThat(response.getStatusCode()).as(query + " at " + now).isEqualTo(HttpStatus.BAD_REQUEST);
                            assertThat(response.getBody()).contains("PERIOD_NOT_BEGUN");
                            continue;
                        }
                        assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
                        Map<?, ?> counted = json.readValue(response.getBody(), Map.class);
                        Map<?, ?> reference = json.readValue(json.writeValueAsString(reference(user, period, campaign, organization)),
                                Map.class);
                        assertThat(counted).as(query + " at " + now).isEqualTo(reference);
                        if (period.equals("2025-03") && now.isAfter(APRIL)) {
                            assertThat((List<?>) counted.get("ranking")).as("ranked units in March").hasSizeGreaterThan(3);
                        }
                    }
                }
            }
        } finally {
            ClockUtil.reset();
        }
    }

    private Object reference(String user, String period, String campaign, String organization) {
        ScoreService perCase = new ScoreService(new PerCaseScoringFacts(jdbc, context.getBean(RectificationCases.class),
                context.getBean(org.shirong.rectification.CaseHolders.class)),
                context.getBean(ScoreRecords.class), context.getBean(InspectionRecords.class), context.getBean(RubricLoader.class),
                context.getBean(OrganizationRecords.class), context.getBean(Organizations.class), context.getBean(WorkingCalendar.class),
                context.getBean(CaseParties.class), context.getBeanProvider(ZoneFacts.class),
                context.getBeanProvider(TaskFacts.class), context.getBean(CampaignOrganizations.class));
        IdentityService identity = context.getBean(IdentityService.class);
        ScoreController controller = new ScoreController(perCase, identity, new ScoreQuery(perCase,
                context.getBean(CallerOrganization.class), context.getBean(CampaignOrganizations.class),
                context.getBean(DateWindow.class), context.getBean(Organizations.class), context.getBean(CampaignPeriods.class),
                context.getBeanProvider(NoticeOthers.class)));
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList(),
                identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList());
        try {
            return controller.scores(period, campaign, organization);
        } finally {
            identity.clearAuthentication();
        }
    }
}
