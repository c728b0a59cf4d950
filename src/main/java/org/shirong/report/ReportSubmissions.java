package org.shirong.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The 报送 of a campaign's report cycles (九亭镇's 月度工作报告, 锦溪镇's 月报告, 松江区's 自查整改情况报送: the task each unit
 * or plan item's lead unit hands in when the cycle runs). The monthly report is issued in the run that hands the 报送
 * out, when none is in yet, so it shows how the run before was handed in. The campaign capability knows its cycles and
 * implements it; documents only show it.
 */
public interface ReportSubmissions {

    /**
     * One unit's 报送 of a run: its unit (the campaign's unit, or null for a lead unit that is none, then its group),
     * the plan item it reports on (null: none), its deadline, when it was handed in (null: not) and whether it was
     * cancelled with its campaign.
     */
    record Submission(String unitId, String groupId, String item, Instant dueAt, Instant completedAt, boolean cancelled) {
    }

    /** A run's 报送, named as the tasks were ({@code 月度工作报告（2026年11月）}), handed out at {@code issuedAt}. */
    record Run(String name, Instant issuedAt, List<Submission> submissions) {

        public Run {
            submissions = List.copyOf(submissions);
        }
    }

    /** A report cycle ({@code name} as its template names it) and its run before the report's, if it had one. */
    record Cycle(String name, Optional<Run> previous) {
    }

    /**
     * Each report cycle of the campaign with its latest run planned before {@code runPlannedAt}'s day (the run issuing
     * the report), or, when {@code runPlannedAt} is null (a preview), its latest run handed out so far.
     */
    List<Cycle> previousRuns(String campaignCode, Instant runPlannedAt);
}
