package org.shirong.rectification;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What the case dossier (案件台账 PDF) and a campaign's 迎检 archive read of rectification: a case's whole file
 * ({@link CaseFile}), the cases of a campaign by plan item, and the campaign's case ledger (Excel, {@link CaseLedger}),
 * each only as far as the reader may read it ({@link CaseVisibility}).
 */
@Service
public class CaseDossiers {

    /** The {@code item} that stands for the campaign's cases under no plan item. */
    public static final String NO_PLAN_ITEM = "none";
    static final String NO_PLAN_ITEM_NAME = "其他（不属于整治项目）";

    private final RectificationCases cases;
    private final CaseRecords records;
    private final CaseParties parties;
    private final CaseVisibility visibility;
    private final CategoryCatalogue catalogue;
    private final OrganizationRecords organizationRecords;
    private final ObjectProvider<CampaignPlans> campaignPlans;
    private final CaseLedgerRequests ledgerRequests;
    private final CaseLedger ledger;
    private final Organizations organizations;

    CaseDossiers(RectificationCases cases, CaseRecords records, CaseParties parties, CaseVisibility visibility,
            CategoryCatalogue catalogue, OrganizationRecords organizationRecords, ObjectProvider<CampaignPlans> campaignPlans,
            CaseLedgerRequests ledgerRequests, CaseLedger ledger, Organizations organizations) {
        this.organizations = organizations;
        this.cases = cases;
        this.records = records;
        this.parties = parties;
        this.visibility = visibility;
        this.catalogue = catalogue;
        this.organizationRecords = organizationRecords;
        this.campaignPlans = campaignPlans;
        this.ledgerRequests = ledgerRequests;
        this.ledger = ledger;
    }

    /** The case's file, if it exists and {@code user} may read it; empty otherwise (the caller answers 404 alike). */
    public Optional<CaseFile> readable(Authentication user, String caseNo) {
        return records.find(caseNo).filter(c -> visibility.mayRead(user, c)).map(this::file);
    }

    /** The readable cases of one plan item of a campaign ({@link #NO_PLAN_ITEM}: those under none), oldest first. */
    public record PlanItemCases(String planItem, String planItemName, List<String> caseNos) {
    }

    /**
     * The campaign's cases {@code user} may read, by plan item in the catalogue's order (those under no plan item
     * last), oldest first within each; an item without a readable case is left out.
     */
    public List<PlanItemCases> byPlanItem(Authentication user, String campaign) {
        List<CaseRecord> readable = records.ofCampaign(campaign, false).stream().filter(c -> visibility.mayRead(user, c)).toList();
        if (readable.isEmpty()) {
            return List.of();
        }
        List<String> order = catalogue.all(readable.get(0).tenantId()).stream().map(Category::code).toList();
        Map<String, List<String>> byItem = readable.stream().collect(Collectors.groupingBy(
                c -> c.planItem() == null ? NO_PLAN_ITEM : c.planItem(), LinkedHashMap::new,
                Collectors.mapping(CaseRecord::caseNo, Collectors.toList())));
        return byItem.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getKey().equals(NO_PLAN_ITEM) ? Integer.MAX_VALUE
                        : order.indexOf(e.getKey()) < 0 ? Integer.MAX_VALUE - 1 : order.indexOf(e.getKey())))
                .map(e -> new PlanItemCases(e.getKey(), planItemName(readable.get(0).tenantId(), e.getKey()), e.getValue()))
                .toList();
    }

    private String planItemName(String tenant, String planItem) {
        return NO_PLAN_ITEM.equals(planItem) ? NO_PLAN_ITEM_NAME : categoryName(tenant, planItem);
    }

    /** The campaign's case ledger as {@code user} may read it, ready to be written ({@code GET /api/cases/export.xlsx?campaign=}). */
    public LedgerExport campaignLedger(Authentication user, String campaign) {
        return new LedgerExport(ledgerRequests.request(user, new CaseFilter(null, null, null, null, null, campaign, null, null, null)));
    }

    /** A checked and titled case ledger: its file name, and the workbook written page by page. */
    public final class LedgerExport {

        private final CaseLedger.Request request;

        private LedgerExport(CaseLedger.Request request) {
            this.request = request;
        }

        public String fileName() {
            return request.fileName();
        }

        /** Writes the workbook to {@code out} (left open); returns the number of cases. */
        public int write(OutputStream out) throws IOException {
            return ledger.write(request, out);
        }
    }

    private CaseFile file(CaseRecord c) {
        String tenant = c.tenantId();
        Map<String, String> units = organizationRecords.unitNames(tenant);
        List<CaseEvent> events = cases.timeline(c.caseNo());
        List<CaseFile.Step> timeline = events.stream().map(this::step).toList();
        List<CaseFile.Step> verifications = events.stream()
                .filter(e -> e.kind() == CaseEventKind.VERIFIED || e.kind() == CaseEventKind.VERIFICATION_FAILED)
                .map(this::step).toList();
        List<CaseFile.Photo> photos = records.photos(c.caseNo()).stream()
                .map(p -> new CaseFile.Photo(p.kind(), p.round(), p.fileName(), p.mimeType(),
                        records.photoContent(c.caseNo(), p.id()).orElse(new byte[0]), p.uploadedAt(), p.takenAt(),
                        p.latitude(), p.longitude()))
                .toList();
        List<CaseFile.Approval> approvals = new ArrayList<>();
        for (CaseRecords.Extension x : records.extensions(c.caseNo())) {
            approvals.add(new CaseFile.Approval("延期", x.reason(), x.requestedDue(), person(x.requestedBy()), x.requestedAt(),
                    x.approved() == null ? undecided(c) : x.approved() ? "同意" : "不同意", person(x.decidedBy()), x.decidedAt(),
                    x.comment()));
        }
        approvals.addAll(suspensions(events, undecided(c)));
        List<CaseFile.Cooperation> cooperations = parties.of(c.caseNo()).stream().map(p -> new CaseFile.Cooperation(
                units.getOrDefault(p.unitId(), p.unitId()), p.reason() == CaseParties.Reason.TERRITORY ? "属地协办" : "责任单位协办",
                p.assignedAt(), p.dueAt(), CaseController.statusName(p, c),
                p.doneAt(), person(p.doneBy()), p.recordedText())).toList();
        return new CaseFile(c, person(c.reportedBy()), c.statusName(), categoryName(tenant, c.category()),
                c.planItem() == null ? null : categoryName(tenant, c.planItem()), campaignName(c.campaign()),
                c.leadUnit() == null ? null : units.getOrDefault(c.leadUnit(), c.leadUnit()), unitNames(c.responsibleUnits(), units),
                cases.territoryName(c.territory()), catalogue.sources(tenant).label(c.source()), timeline, photos, approvals, cooperations, verifications);
    }

    /** The names of the units of a comma-separated list of unit ids (a case's responsible units), joined with 、; null for null. */
    static String unitNames(String unitIds, Map<String, String> names) {
        return unitIds == null ? null : Arrays.stream(unitIds.split(",")).map(String::strip).filter(u -> !u.isEmpty())
                .map(u -> names.getOrDefault(u, u)).collect(Collectors.joining("、"));
    }

    private String person(String userId) {
        return organizations.personName(userId);
    }

    /** A request not decided: 待审批, or, of a case that ended (merged into another) meanwhile, one no one will decide. */
    private static String undecided(CaseRecord c) {
        return c.status() == CaseStatus.MERGED ? "未审批（案件已合并）" : c.status() == CaseStatus.VOIDED ? "未审批（案件已作废）"
                : c.status().ended() ? "未审批（案件已结案）" : "待审批";
    }

    /** Each 挂账 request on the timeline with the decision that followed it (none yet: {@code undecided}). */
    private List<CaseFile.Approval> suspensions(List<CaseEvent> events, String undecided) {
        List<CaseFile.Approval> found = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            CaseEvent asked = events.get(i);
            if (asked.kind() != CaseEventKind.SUSPENSION_REQUESTED) {
                continue;
            }
            CaseEvent decided = null;
            for (int j = i + 1; j < events.size() && decided == null; j++) {
                CaseEventKind k = events.get(j).kind();
                if (k == CaseEventKind.SUSPENDED || k == CaseEventKind.SUSPENSION_REJECTED) {
                    decided = events.get(j);
                }
            }
            found.add(new CaseFile.Approval("挂账", asked.detail(), null, person(asked.actor()), asked.occurredAt(),
                    decided == null ? undecided : decided.kind() == CaseEventKind.SUSPENDED ? "同意" : "不同意",
                    decided == null ? null : person(decided.actor()), decided == null ? null : decided.occurredAt(),
                    decided == null ? null : decided.detail()));
        }
        return found;
    }

    private CaseFile.Step step(CaseEvent e) {
        return new CaseFile.Step(e.occurredAt(), e.kind().label(), person(e.actor()), e.detail());
    }

    private String categoryName(String tenant, String code) {
        return code == null ? null : catalogue.find(tenant, code).map(Category::name).orElse(code);
    }

    private String campaignName(String code) {
        if (code == null) {
            return null;
        }
        CampaignPlans plans = campaignPlans.getIfAvailable();
        return plans == null ? code : plans.campaign(code).map(CampaignPlans.Campaign::name).orElse(code);
    }
}
