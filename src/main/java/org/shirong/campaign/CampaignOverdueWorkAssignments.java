package org.shirong.campaign;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.shirong.report.OverdueWorkAssignments;
import org.springframework.stereotype.Component;

/**
 * The campaign's open 工作交办 past their deadline for the agenda ({@link OverdueWorkAssignments}): those the 驾驶舱 shows
 * ({@link CampaignWorkAssignments#open}), so that the two figures of a campaign agree.
 */
@Component
class CampaignOverdueWorkAssignments implements OverdueWorkAssignments {

    private static final String NAME_PREFIX = "^办理交办事项 · ";

    private final CampaignRecords records;
    private final CampaignWorkAssignments workAssignments;

    CampaignOverdueWorkAssignments(CampaignRecords records, CampaignWorkAssignments workAssignments) {
        this.records = records;
        this.workAssignments = workAssignments;
    }

    @Override
    public List<Work> overdue(String campaignCode, Instant asOf) {
        return records.find(campaignCode).map(c -> workAssignments.open(c).entrySet().stream()
                .filter(e -> e.getKey().getDueDate() != null && e.getKey().getDueDate().toInstant().isBefore(asOf))
                .map(e -> new Work(e.getValue(), e.getKey().getName().replaceFirst(NAME_PREFIX, ""),
                        e.getKey().getDueDate().toInstant()))
                .sorted(Comparator.comparing(Work::dueAt)).toList()).orElse(List.of());
    }
}
