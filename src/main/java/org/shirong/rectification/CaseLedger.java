package org.shirong.rectification;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.shirong.organization.Organization;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.system.XlsxSheet;
import org.shirong.system.XlsxSheet.Column;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The case ledger (案件台账) as an Excel workbook: the cases of {@code GET /api/cases} with the same filters and the
 * same visibility, one row per case with every date, written to the response page by page (never all cases in memory).
 * Its title names the organisation and what the ledger covers (全镇, a unit, 本单位, a campaign), its second row the
 * filter and the export time. A duplicate merged into another case is listed as 已合并 with that case's number (并入案件).
 * Its columns and their names follow the ledger's organisation ({@link Layout}), its responsible units the plan's order.
 */
@Component
class CaseLedger {

    static final String SHEET = "案件台账";
    private static final int PAGE = 500;

    /**
     * Which columns a ledger has and what it calls them, as the ledger's organisation is configured: its plan's words
     * ({@code terms:} in organization.yaml: 锦溪镇 牵头单位 / 责任单位 / 整治项目); 小项 only where its categories have
     * survey 小项 (the district's 11 大类 35 小项); 属地 only where it has towns or streets (a town's cases all lie in the
     * town itself). A ledger of no single organisation has every column under the default words.
     */
    record Layout(Organization.Terms words, boolean subItems, boolean territories) {

        static final Layout FULL = new Layout(Organization.Terms.DEFAULT, true, true);

        List<Column> columns() {
            List<Column> columns = new ArrayList<>(List.of(new Column("序号", 6), new Column("案件编号", 16), new Column("标题", 28),
                    new Column("问题类别", 20), new Column(words.planItem(), 20)));
            if (subItems) {
                columns.add(new Column("小项", 14));
            }
            columns.addAll(List.of(new Column("活动", 20), new Column("地址", 30)));
            if (territories) {
                columns.add(new Column("属地", 10));
            }
            columns.addAll(List.of(new Column("村/社区", 12), new Column("来源", 12),
                    new Column("紧急程度", 9), new Column("状态", 9), new Column("并入案件", 16), new Column("超期", 6),
                    new Column(words.leadUnit(), 14), new Column(words.responsibleUnits(), 20), new Column("上报人", 12),
                    new Column("上报时间", 17), new Column("派遣时间", 17), new Column("认领时间", 17), new Column("整改期限", 17),
                    new Column("延期至", 17), new Column("整改提交时间", 17), new Column("核查通过时间", 17), new Column("结案时间", 17),
                    new Column("挂账时间", 17), new Column("按期结案", 9), new Column("延期次数", 9), new Column("返工次数", 9),
                    new Column("回退次数", 9), new Column("重新打开次数", 9), new Column("考核申诉", 20), new Column("列入通报", 9),
                    new Column("外部编号", 18)));
            return columns;
        }
    }

    /**
     * What is exported: the filter, the ledger's columns ({@link Layout}), and its title, subtitle, zone and file names
     * ({@link CaseLedgerRequests}).
     */
    record Request(CaseFilter filter, CaseVisibility.Filter visible, Layout layout, String title, String subtitle, ZoneId zone,
            String fileName, String asciiFileName) {
    }

    private final CaseRecords records;
    private final CaseParties parties;
    private final CategoryCatalogue catalogue;
    private final OrganizationRecords organizationRecords;
    private final RectificationCases cases;
    private final ObjectProvider<CampaignPlans> campaignPlans;
    private final Organizations organizations;
    private final CaseAppealRecords appeals;

    CaseLedger(CaseRecords records, CaseParties parties, CategoryCatalogue catalogue, OrganizationRecords organizationRecords,
            RectificationCases cases, ObjectProvider<CampaignPlans> campaignPlans, Organizations organizations,
            CaseAppealRecords appeals) {
        this.appeals = appeals;
        this.organizations = organizations;
        this.records = records;
        this.parties = parties;
        this.catalogue = catalogue;
        this.organizationRecords = organizationRecords;
        this.cases = cases;
        this.campaignPlans = campaignPlans;
    }

    /** Writes the ledger to {@code out}, reading the cases a page at a time; returns how many rows were written. */
    int write(Request request, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Shirong", "1.0");
        Layout layout = request.layout();
        XlsxSheet sheet = XlsxSheet.start(workbook, SHEET, request.title(), request.subtitle(), layout.columns(), request.zone());
        Names names = new Names();
        int[] row = {sheet.firstDataRow()};
        try {
            records.forEachPage(request.filter(), request.visible(), PAGE, page -> {
                List<String> caseNos = page.stream().map(CaseRecord::caseNo).toList();
                Map<String, Instant> verified = records.verifiedAt(caseNos);
                Map<String, Instant> extended = records.extendedDue(caseNos);
                Map<String, List<String>> cooperating = parties.unitsOf(caseNos);
                Map<String, String> appealed = appeals.shown(caseNos);
                for (CaseRecord c : page) {
                    write(sheet, layout, row[0], row[0] - sheet.firstDataRow() + 1, c, names, verified.get(c.caseNo()),
                            extended.get(c.caseNo()), inPlanOrder(c, cooperating.getOrDefault(c.caseNo(), List.of())),
                            appealed.get(c.caseNo()));
                    row[0]++;
                }
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        workbook.finish();
        return row[0] - sheet.firstDataRow();
    }

    /**
     * The case's cooperating units in the order its plan (the dispatch rule or the campaign's plan item) names its
     * responsible units (责任单位), as the plan lists them; a 属地 town's office, which the plan does not name, after them.
     */
    private static List<String> inPlanOrder(CaseRecord c, List<String> cooperating) {
        List<String> planned = c.responsibleUnits() == null ? List.of()
                : Arrays.stream(c.responsibleUnits().split(",")).map(String::strip).toList();
        return cooperating.stream().sorted(Comparator.comparingInt(u -> planned.contains(u) ? planned.indexOf(u) : planned.size()))
                .toList();
    }

    /** One case's row; {@code appealed}: its appeals (考核申诉) and where each stands, null when none. */
    private void write(XlsxSheet s, Layout layout, int r, int n, CaseRecord c, Names names, Instant verifiedAt,
            Instant extendedDue, List<String> cooperating, String appealed) {
        int col = 0;
        s.number(r, col++, n);
        s.text(r, col++, c.caseNo());
        s.text(r, col++, c.title());
        s.label(r, col++, names.category(c.tenantId(), c.category()));
        s.label(r, col++, c.planItem() == null ? null : names.category(c.tenantId(), c.planItem()));
        if (layout.subItems()) {
            s.label(r, col++, c.subItem());
        }
        s.label(r, col++, c.campaign() == null ? null : names.campaign(c.campaign()));
        s.text(r, col++, c.address());
        if (layout.territories()) {
            s.label(r, col++, names.territory(c.territory()));
        }
        s.label(r, col++, c.community());
        s.label(r, col++, names.source(c.tenantId(), c.source()));
        s.label(r, col++, c.urgency().label());
        s.label(r, col++, c.status().label());
        s.text(r, col++, c.mergedInto());
        s.label(r, col++, yesNo(c.overdue()));
        s.label(r, col++, names.unit(c.tenantId(), c.leadUnit()));
        s.label(r, col++, String.join("、", cooperating.stream().map(u -> names.unit(c.tenantId(), u)).toList()));
        s.label(r, col++, organizations.personName(c.reportedBy()));
        s.dateTime(r, col++, c.reportedAt());
        s.dateTime(r, col++, c.dispatchedAt());
        s.dateTime(r, col++, c.claimedAt());
        s.dateTime(r, col++, c.dueAt());
        s.dateTime(r, col++, extendedDue);
        s.dateTime(r, col++, c.submittedAt());
        s.dateTime(r, col++, verifiedAt);
        s.dateTime(r, col++, c.status().counted() ? c.closedAt() : null); // merged or voided is not 结案
        s.dateTime(r, col++, c.suspendedAt());
        s.label(r, col++, c.closedOnTime() == null ? null : yesNo(c.closedOnTime()));
        s.number(r, col++, c.extensionCount());
        s.number(r, col++, c.reworkCount());
        s.number(r, col++, c.returnCount());
        s.number(r, col++, c.reopenCount());
        s.label(r, col++, appealed);
        s.label(r, col++, yesNo(c.escalated()));
        s.text(r, col, OwnReferences.shown(c.externalRef()));
    }

    static String yesNo(boolean value) {
        return value ? "是" : "否";
    }

    /** The names a ledger shows, each looked up once per export. */
    private final class Names {

        private final Map<String, Map<String, String>> units = new HashMap<>();
        private final Map<String, Map<String, String>> categories = new HashMap<>();
        private final Map<String, String> territories = new HashMap<>();
        private final Map<String, String> campaigns = new HashMap<>();
        private final Map<String, CaseSources> sourceLabels = new HashMap<>();

        /** A unit as the case's organisation {@code tenant} reads it (another organisation's with that one named). */
        String unit(String tenant, String id) {
            return id == null ? null : units.computeIfAbsent(tenant, organizationRecords::unitNames).getOrDefault(id, id);
        }

        String category(String tenant, String code) {
            Map<String, String> byCode = categories.computeIfAbsent(tenant, t -> {
                Map<String, String> m = new HashMap<>();
                catalogue.all(t).forEach(category -> m.put(category.code(), category.name()));
                return m;
            });
            return code == null ? null : byCode.getOrDefault(code, code);
        }

        /** The source as the case's organisation calls it ({@code sources.labels} of its categories.yaml). */
        String source(String tenant, CaseSource source) {
            return sourceLabels.computeIfAbsent(tenant, catalogue::sources).label(source);
        }

        String territory(String id) {
            return id == null ? null : territories.computeIfAbsent(id, cases::territoryName);
        }

        String campaign(String code) {
            return campaigns.computeIfAbsent(code, k -> {
                CampaignPlans plans = campaignPlans.getIfAvailable();
                return plans == null ? k : plans.campaign(k).map(CampaignPlans.Campaign::name).orElse(k);
            });
        }
    }
}
