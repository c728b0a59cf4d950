package org.shirong.report;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The 月度工作报告's “各单位案件” table (新增、结案、到期超期、期末未结 per unit, and their sum) for others to show beside
 * it: the 驾驶舱 of a past period prints the very lines the report printed (jtreview-s59 T5), not a count of its own.
 */
@Component
public class ReportCaseTable {

    private final CampaignFigures figures;

    ReportCaseTable(CampaignFigures figures) {
        this.figures = figures;
    }

    /** The campaign's table for [from, until), as {@link CampaignFigures#cases} gives it to the report. */
    public Figures.CaseTable of(String campaignCode, Instant from, Instant until) {
        return figures.cases(campaignCode, from, until);
    }
}
