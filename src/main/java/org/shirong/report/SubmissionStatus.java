package org.shirong.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shirong.organization.Organizations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The monthly report's 上期报送情况: for each report cycle, how its run before the report's was handed in as of the
 * report's time, unit by unit — 按时报送 (by its deadline), 逾期报送 (after it), 未报送 (not yet, its deadline passed), 尚未到期
 * (not yet, its deadline still to come: 松江区's 报送 of the 25th is due after the report of the 1st). The report is issued
 * in the run that hands this period's 报送 out, before any is in, so the run before is the one it can report on.
 */
@Component
class SubmissionStatus {

    static final String ON_TIME = "按时报送";
    static final String LATE = "逾期报送";
    static final String MISSING = "未报送";
    /** Not handed in yet, its deadline still to come at the report's time: not (yet) a unit's failure (sjreview-s57 D13). */
    static final String NOT_YET_DUE = Figures.Submissions.NOT_YET_DUE;

    private final ReportSubmissions submissions;
    private final CampaignFigures figures;
    private final Organizations organizations;
    private final DocumentModels models;
    private final JdbcTemplate jdbc;

    SubmissionStatus(ReportSubmissions submissions, CampaignFigures figures, Organizations organizations, DocumentModels models,
            JdbcTemplate jdbc) {
        this.submissions = submissions;
        this.figures = figures;
        this.organizations = organizations;
        this.models = models;
        this.jdbc = jdbc;
    }

    /**
     * The report cycles' tables as of {@code asOf}, for the report issued by the run planned at {@code runPlannedAt}
     * (null: a preview, which shows the latest run handed out so far).
     */
    List<Figures.Submissions> of(String campaignCode, Instant runPlannedAt, Instant asOf) {
        String tenant = figures.organizationOf(campaignCode).orElse(null);
        Map<String, String> unitNames = new HashMap<>();
        jdbc.query("select unit_id, name from campaign_unit where campaign_code = ?", rs -> {
            unitNames.put(rs.getString(1), rs.getString(2));
        }, campaignCode);
        List<Figures.Submissions> tables = new ArrayList<>();
        for (ReportSubmissions.Cycle cycle : submissions.previousRuns(campaignCode, runPlannedAt)) {
            if (cycle.previous().isEmpty()) {
                tables.add(new Figures.Submissions(cycle.name(), null, null, null, models.display(asOf), 0, 0, 0, List.of()));
                continue;
            }
            ReportSubmissions.Run run = cycle.previous().get();
            List<Figures.SubmissionLine> lines = new ArrayList<>();
            int onTime = 0;
            int late = 0;
            int missing = 0;
            Instant due = null;
            for (ReportSubmissions.Submission s : run.submissions()) {
                String unit = s.unitId() != null && unitNames.containsKey(s.unitId()) ? unitNames.get(s.unitId())
                        : organizations.unitName(s.groupId(), tenant);
                String status;
                String handedIn = "—";
                if (s.completedAt() != null && !s.completedAt().isAfter(asOf)) {
                    boolean inTime = s.dueAt() == null || !s.completedAt().isAfter(s.dueAt());
                    status = inTime ? ON_TIME : LATE;
                    onTime += inTime ? 1 : 0;
                    late += inTime ? 0 : 1;
                    handedIn = models.display(s.completedAt());
                } else if (s.cancelled()) {
                    status = "已撤销";
                } else {
                    boolean notYetDue = s.dueAt() != null && s.dueAt().isAfter(asOf);
                    status = notYetDue ? NOT_YET_DUE : MISSING;
                    missing += notYetDue ? 0 : 1;
                }
                due = due == null || s.dueAt() != null && s.dueAt().isAfter(due) ? s.dueAt() : due;
                lines.add(new Figures.SubmissionLine(s.groupId(), unit, s.item(), status, handedIn));
            }
            tables.add(new Figures.Submissions(cycle.name(), run.name(), models.display(run.issuedAt()),
                    due == null ? "—" : models.display(due), models.display(asOf), onTime, late, missing, lines));
        }
        return tables;
    }
}
