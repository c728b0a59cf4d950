package org.shirong.campaign;

import java.util.Date;
import java.util.List;
import org.shirong.campaign.CampaignRecords.PhaseRow;
import org.shirong.system.ProcessExpressionBean;
import org.springframework.stereotype.Component;

/**
 * The phases of a campaign as {@code SubProcess_Phase} (活动阶段) runs them: its collection
 * ({@code campaignPhases.numbers(campaignCode)}) and, for each phase, the name, start and end its inner
 * instance carries as {@code phaseName}, {@code phaseStart} and {@code phaseEnd}. Read from the dates
 * recorded when the campaign was started, so each campaign runs its own template's phases.
 */
@Component("campaignPhases")
@ProcessExpressionBean
public class CampaignPhases {

    private final CampaignRecords records;

    CampaignPhases(CampaignRecords records) {
        this.records = records;
    }

    public List<Integer> numbers(String campaignCode) {
        return phases(campaignCode).stream().map(PhaseRow::no).toList();
    }

    public String name(String campaignCode, int phaseNo) {
        return phase(campaignCode, phaseNo).name();
    }

    public Date start(String campaignCode, int phaseNo) {
        return Date.from(phase(campaignCode, phaseNo).startsAt());
    }

    public Date end(String campaignCode, int phaseNo) {
        return Date.from(phase(campaignCode, phaseNo).endsAt());
    }

    /**
     * The phase's last day as notices write it (2026年12月5日): the day the plan and the office count it to end on, where
     * {@link #end} is the instant after it (2026年12月6日 00:00), when the phase's timer fires.
     */
    public String lastDay(String campaignCode, int phaseNo) {
        return org.shirong.system.ChineseDates.DAY.format(phase(campaignCode, phaseNo).lastDay());
    }

    private List<PhaseRow> phases(String campaignCode) {
        List<PhaseRow> phases = records.phases(campaignCode);
        if (phases.isEmpty()) {
            throw new IllegalStateException("活动 " + campaignCode + " 没有阶段记录");
        }
        return phases;
    }

    private PhaseRow phase(String campaignCode, int phaseNo) {
        return phases(campaignCode).stream().filter(p -> p.no() == phaseNo).findFirst()
                .orElseThrow(() -> new IllegalStateException("活动 " + campaignCode + " 没有第 " + phaseNo + " 阶段"));
    }
}
