package org.shirong.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CaseParties;
import org.shirong.rectification.CaseRecord;
import org.shirong.rectification.TerritoryChecks;
import org.springframework.stereotype.Component;

/**
 * 属地有误待核实 on a district campaign's 驾驶舱 (sjreview-s57 D14): its open cases whose 属地 town answered 非本镇属地 and whose
 * 属地 the office has not yet corrected or confirmed, with the town's answer and the office's 核实属地 deadline.
 */
@Component
class TerritoryDisputes {

    /** One open dispute: the town that answered ({@code townName}), its words, when, and by when the office is to check. */
    record Dispute(String caseNo, String title, String leadUnitName, String townName, String answer, Instant answeredAt,
            Instant checkDueAt, boolean overdue) {
    }

    private final CaseParties parties;
    private final TerritoryChecks checks;
    private final Organizations organizations;

    TerritoryDisputes(CaseParties parties, TerritoryChecks checks, Organizations organizations) {
        this.parties = parties;
        this.checks = checks;
        this.organizations = organizations;
    }

    /** Of {@code shown} (the cases the reader sees), the open ones under dispute; none for a town's own campaign. */
    List<Dispute> of(Campaign c, List<CaseRecord> shown, Map<String, String> unitNames, Instant now) {
        if (organizations.within(c.tenantId()).isEmpty()) {
            return List.of();
        }
        Map<String, CaseRecord> open = shown.stream().filter(r -> !r.status().ended())
                .collect(Collectors.toMap(CaseRecord::caseNo, Function.identity(), (a, b) -> a));
        List<CaseParties.Party> disputed = parties.territoryDisputes(c.code()).stream()
                .filter(p -> open.containsKey(p.caseNo())).toList();
        if (disputed.isEmpty()) {
            return List.of();
        }
        Map<String, Instant> due = checks.openDue(c.tenantId());
        return disputed.stream().map(p -> {
            CaseRecord r = open.get(p.caseNo());
            Instant checkDue = due.get(p.caseNo());
            return new Dispute(p.caseNo(), r.title(), r.leadUnit() == null ? null : unitNames.getOrDefault(r.leadUnit(), r.leadUnit()),
                    organizations.find(p.tenantId()).map(o -> o.name()).orElse(p.tenantId()), p.note(), p.doneAt(), checkDue,
                    checkDue != null && checkDue.isBefore(now));
        }).toList();
    }
}
