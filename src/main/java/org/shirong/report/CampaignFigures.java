package org.shirong.report;

import static org.shirong.system.ChineseDates.DAY;
import static org.shirong.system.ChineseDates.MINUTE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CampaignCaseCounts;
import org.shirong.rectification.CaseHolders;
import org.shirong.rectification.CaseRecord;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.RectificationCases;
import org.shirong.rectification.TrafficLight;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads what documents report: the campaign and its phases with task progress ({@code campaign},
 * {@code campaign_phase}, {@code campaign_task}) and the campaign's cases per lead unit in a period
 * (counted by {@link CampaignCaseCounts#perLeadUnit} under the unit {@link CaseHolders} says), named by the organisation; and its work left overdue.
 */
@Repository
class CampaignFigures {

    /** Days as the documents write them elsewhere (报告日期：2026年11月25日), not as 2026-11-25. */
    /** A case's deadline, to the minute as the 驾驶舱 gives it. */

    private final JdbcTemplate jdbc;
    private final PlanItemProgress planItems;
    private final OrganizationRecords organization;
    private final CampaignCaseCounts caseCounts;
    private final Organizations organizations;
    private final TaskService taskService;
    private final WorkingCalendars calendars;
    private final RectificationCases rectificationCases;
    private final CaseHolders holders;
    private final OverdueWorkAssignments workAssignments;

    CampaignFigures(JdbcTemplate jdbc, OrganizationRecords organization, CampaignCaseCounts caseCounts, Organizations organizations,
            TaskService taskService, WorkingCalendars calendars, PlanItemProgress planItems, RectificationCases rectificationCases,
            CaseHolders holders, OverdueWorkAssignments workAssignments) {
        this.workAssignments = workAssignments;
        this.holders = holders;
        this.rectificationCases = rectificationCases;
        this.planItems = planItems;
        this.taskService = taskService;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.organization = organization;
        this.caseCounts = caseCounts;
        this.organizations = organizations;
    }

    Optional<Figures.Campaign> campaign(String code) {
        return jdbc.query("select code, name, template_name, status, current_phase from campaign where code = ?",
                (rs, n) -> new Figures.Campaign(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                code).stream().findFirst();
    }

    /** The organisation (tenant) the campaign belongs to, if there is such a campaign. */
    Optional<String> organizationOf(String code) {
        return jdbc.queryForList("select tenant_id from campaign where code = ?", String.class, code).stream().findFirst();
    }

    /** The campaign's days, from its first phase's first to its last phase's last, when it has phases. */
    Optional<Days> days(String code) {
        return jdbc.query("select min(first_day), max(last_day), min(starts_at), max(ends_at) from campaign_phase where campaign_code = ?",
                (rs, n) -> rs.getDate(1) == null ? null : new Days(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()),
                code).stream().filter(Objects::nonNull).findFirst();
    }

    /**
     * What a document of the campaign about the period from {@code from} to {@code until} must say about the working
     * calendar its days and deadlines were counted on (DOMAIN §6): a line per year whose calendar is provisional or
     * missing, from the period's first day (or the campaign's, when earlier) to the latest of the period's last day, the
     * campaign's last day and the deadlines of its open tasks and cases.
     */
    List<String> calendarWarnings(String code, Instant from, Instant until) {
        java.time.ZoneId zone = zone(code);
        LocalDate first = LocalDate.ofInstant(from, zone);
        LocalDate last = LocalDate.ofInstant(until.minusSeconds(1), zone);
        Optional<Days> days = days(code);
        if (days.isPresent()) {
            first = days.get().first().isBefore(first) ? days.get().first() : first;
            last = days.get().last().isAfter(last) ? days.get().last() : last;
        }
        for (String open : List.of("select max(due_at) from campaign_task where campaign_code = ? and completed_at is null",
                "select max(due_at) from rect_case where campaign_code = ? and status not in ('CLOSED', 'MERGED', 'VOIDED')")) {
            java.sql.Timestamp due = jdbc.queryForObject(open, java.sql.Timestamp.class, code);
            if (due != null && LocalDate.ofInstant(due.toInstant(), zone).isAfter(last)) {
                last = LocalDate.ofInstant(due.toInstant(), zone);
            }
        }
        return calendars.of(organizationOf(code).orElse(null)).warnings(first, last);
    }

    /** A campaign's first and last day, and the instants it starts and ends. */
    record Days(LocalDate first, LocalDate last, Instant start, Instant end) {
    }

    List<Figures.Phase> phases(String code) {
        int current = campaign(code).map(Figures.Campaign::currentPhase).orElse(0);
        return jdbc.query("select p.phase_no, p.name, p.first_day, p.last_day,"
                        + " (select count(*) from campaign_task t where t.campaign_code = p.campaign_code and t.phase_no = p.phase_no"
                        + "  and t.completed_at is not null) as done,"
                        + " (select count(*) from campaign_task t where t.campaign_code = p.campaign_code and t.phase_no = p.phase_no"
                        + "  and t.completed_at is null) as still_open"
                        + " from campaign_phase p where p.campaign_code = ? order by p.phase_no",
                (rs, n) -> {
                    int done = rs.getInt("done");
                    int open = rs.getInt("still_open");
                    return new Figures.Phase(rs.getInt("phase_no"), rs.getString("name"),
                            DAY.format(rs.getDate("first_day").toLocalDate()), DAY.format(rs.getDate("last_day").toLocalDate()),
                            rs.getInt("phase_no") == current, done, open,
                            Figures.percent(done, done + open));
                }, code);
    }

    /**
     * The campaign's work past its deadline at {@code asOf} and not done, by unit in the order of the first deadline missed:
     * its open tasks, the open 工作交办 filed under it as its 驾驶舱 counts them ({@link OverdueWorkAssignments}), and its cases
     * still 挂账 past their 复核日期 (恢复整改's follow-up date), under the office that reviews them (naming the lead unit).
     */
    List<Figures.OverdueUnit> overdueWork(String code, Instant asOf) {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        jdbc.query("select group_id, name, due_at from campaign_task where campaign_code = ? and completed_at is null and due_at < ?"
                + " order by due_at, id", rs -> {
                    byGroup.computeIfAbsent(rs.getString(1), g -> new ArrayList<>()).add(rs.getString(2) + "（期限 "
                            + DAY.format(rs.getTimestamp(3).toInstant().atZone(zone(code))) + "）");
                }, code, java.sql.Timestamp.from(asOf));
        // the 工作交办 the campaign's 驾驶舱 counts: not another organisation's work that carries the code (diffreview-s57 R1),
        // nor a town's own work that does (diffreview-s58 R2)
        for (OverdueWorkAssignments.Work work : workAssignments.overdue(code, asOf)) {
            byGroup.computeIfAbsent(work.unitGroup(), g -> new ArrayList<>()).add("交办：" + work.title() + "（期限 "
                    + DAY.format(work.dueAt().atZone(zone(code))) + "）");
        }
        Map<String, String[]> suspended = new LinkedHashMap<>(); // by process instance: case number, lead unit, title
        jdbc.query("select case_no, lead_unit, title, process_instance_id from rect_case where campaign_code = ?"
                + " and status = 'SUSPENDED' and process_instance_id is not null order by case_no", rs -> {
                    suspended.put(rs.getString(4), new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }, code);
        String tenant = organizationOf(code).orElse(null);
        if (!suspended.isEmpty()) {
            // 挂账 is registered with the approvers' consent and its clock stops (DOMAIN §2): at its 复核日期 the office reviews
            // whether it still stands (the reminder goes to it and to the lead unit), so it is the office's open work, not the
            // lead unit's lateness (jtreview-s56 T4).
            String reviewer = tenant == null ? null : organizations.office(tenant);
            for (Task task : taskService.createTaskQuery().processInstanceIdIn(suspended.keySet().toArray(String[]::new))
                    .taskDefinitionKey(org.shirong.rectification.RectificationProcess.TASK_RESUME)
                    // the review day is 恢复整改's follow-up date (the case's clock stops: no due date); its due date in
                    // instances of a version before (s53 T7)
                    .or().followUpBefore(Date.from(asOf)).dueBefore(Date.from(asOf)).endOr()
                    .orderByFollowUpDate().asc().list()) {
                String[] c = suspended.get(task.getProcessInstanceId());
                Date review = task.getFollowUpDate() != null ? task.getFollowUpDate() : task.getDueDate();
                byGroup.computeIfAbsent(reviewer != null ? reviewer : c[1], g -> new ArrayList<>()).add("挂账到期待复核：" + c[0] + " " + c[2] + "（牵头单位 "
                        + organizations.unitName(c[1], tenant) + "，复核日期 " + DAY.format(review.toInstant().atZone(zone(code))) + "（已过））");
            }
        }
        List<Figures.OverdueUnit> units = new ArrayList<>();
        byGroup.forEach((group, items) -> units.add(new Figures.OverdueUnit(organizations.unitName(group, tenant), items)));
        return units;
    }

    /**
     * The campaign's cases overdue at {@code asOf}, as the 驾驶舱 paints them red ({@link TrafficLight#RED}): open past their
     * deadline, or handed in for 核查 after it. By the unit it is counted under ({@link CaseHolders}: its lead unit, the
     * office while a return waits for 重新派遣) in the campaign's order of units (then others by name), each
     * unit's by deadline; with the working days behind, whether 列入通报名单 and whether 督办'd.
     */
    List<Figures.OverdueCase> overdueCases(String code, Instant asOf) {
        String tenant = organizationOf(code).orElse(null);
        var calendar = calendars.of(tenant);
        Map<String, Integer> order = new HashMap<>();
        jdbc.queryForList("select unit_id from campaign_unit where campaign_code = ? order by sort_no", String.class, code)
                .forEach(u -> order.putIfAbsent(u, order.size()));
        Map<String, String> names = new HashMap<>();
        jdbc.query("select unit_id, name from campaign_unit where campaign_code = ?", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        }, code);
        names.putAll(organization.unitNames(tenant));
        Set<String> supervised = new java.util.HashSet<>();
        rectificationCases.supervisionOfOpenCases(code).forEach(s -> supervised.add(s.caseNo()));
        List<CaseRecord> red = rectificationCases.openCasesOfCampaign(code).stream()
                .filter(c -> TrafficLight.of(c, asOf) == TrafficLight.RED).toList();
        // under the unit the 驾驶舱 counts it under: the office while a return waits for 重新派遣 (jtreview-s56 T7)
        Map<String, String> under = holders.countedUnder(code, red);
        java.util.function.Function<CaseRecord, String> unit = c -> under.getOrDefault(c.caseNo(), c.leadUnit());
        return red.stream()
                .sorted(java.util.Comparator.comparing((CaseRecord c) -> order.getOrDefault(unit.apply(c), Integer.MAX_VALUE))
                        .thenComparing(c -> names.getOrDefault(unit.apply(c), String.valueOf(unit.apply(c))))
                        .thenComparing(CaseRecord::dueAt).thenComparing(CaseRecord::caseNo))
                .map(c -> {
                    int late = calendar.workingDaysLate(c.dueAt(), c.status() == CaseStatus.AWAITING_VERIFICATION
                            && c.submittedAt() != null ? c.submittedAt() : asOf);
                    return new Figures.OverdueCase(names.getOrDefault(unit.apply(c), String.valueOf(unit.apply(c))), c.caseNo(),
                            c.title(), MINUTE.format(c.dueAt().atZone(calendar.zone())),
                            late == 0 ? "不足 1 个工作日" : late + " 个工作日", c.escalated(), supervised.contains(c.caseNo()),
                            c.status() == CaseStatus.AWAITING_VERIFICATION ? "逾期提交，待核查" : "整改中");
                }).toList();
    }

    private java.time.ZoneId zone(String code) {
        return calendars.of(organizationOf(code).orElse(null)).zone();
    }

    /**
     * The campaign's units (in their order, even without cases), then its plan items' lead units that are no participants
     * (also without cases), and every other lead unit of the campaign's cases, with
     * those cases in [from, until): reported in it, closed in it, due in it and overdue (marked red or closed late),
     * open at its end; a reopened case's earlier round counts in its own period ({@link CampaignCaseCounts#perLeadUnit}).
     * Only the campaign's own cases count, never the rest of the town's. The towns and streets taking
     * part in a district's campaign are no units of the district: they lead none of its cases and are not listed.
     */
    Figures.CaseTable cases(String code, Instant from, Instant until) {
        Map<String, int[]> counts = new HashMap<>();
        for (CampaignCaseCounts.UnitCounts c : caseCounts.perLeadUnit(code, from, until)) {
            counts.put(c.leadUnit(), new int[] {c.reported(), c.closed(), c.overdue(), c.openAtEnd()});
        }
        String tenant = organizationOf(code).orElse(null);
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("select unit_id, group_id, name from campaign_unit where campaign_code = ? order by sort_no",
                rs -> {
                    if (tenant == null || !organizations.ofAnother(tenant, rs.getString(2))) {
                        names.put(rs.getString(1), rs.getString(3));
                    }
                }, code);
        // a plan item's lead unit is listed even when it is no participant (锦溪's 创建办, which signs no letter: s52 J11)
        Map<String, String> unitNames = organization.unitNames(tenant);
        planItems.itemUnits(code, false).forEach(lead -> names.putIfAbsent(lead, unitNames.getOrDefault(lead, lead)));
        Set<String> campaignUnits = Set.copyOf(names.keySet());
        organization.units().forEach(unit -> {
            if (counts.containsKey(unit.id())) {
                names.putIfAbsent(unit.id(), unit.name());
            }
        });
        counts.keySet().stream().sorted().forEach(id -> names.putIfAbsent(id, id));
        List<Figures.UnitCases> lines = new ArrayList<>();
        int[] sum = new int[4];
        names.forEach((id, name) -> {
            int[] c = counts.getOrDefault(id, new int[4]);
            if (c[0] + c[1] + c[2] + c[3] > 0 || campaignUnits.contains(id)) {
                lines.add(new Figures.UnitCases(id, name, c[0], c[1], c[2], c[3]));
                for (int k = 0; k < 4; k++) {
                    sum[k] += c[k];
                }
            }
        });
        return new Figures.CaseTable(lines, new Figures.UnitCases("", "合计", sum[0], sum[1], sum[2], sum[3]));
    }

    /** Group ids of the campaign's participating units, in their order. */
    List<String> unitGroups(String code) {
        return jdbc.queryForList("select group_id from campaign_unit where campaign_code = ? order by sort_no", String.class, code);
    }
}
