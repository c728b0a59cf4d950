package org.shirong.rectification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organization;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a ledger export covers, worked out before anything is written: the filter checked, the organisation and scope
 * that title it (全镇, a unit, 本单位, 协办, a campaign), the filter line with the export time, and the file names.
 */
@Component
class CaseLedgerRequests {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final CaseVisibility visibility;
    private final OrganizationRecords organizationRecords;
    private final Organizations organizations;
    private final ObjectProvider<CampaignPlans> campaignPlans;
    private final WorkingCalendars calendars;
    private final CallerOrganization callerOrganization;
    private final CategoryCatalogue catalogue;

    CaseLedgerRequests(CaseVisibility visibility, OrganizationRecords organizationRecords, Organizations organizations,
            ObjectProvider<CampaignPlans> campaignPlans, WorkingCalendars calendars, CallerOrganization callerOrganization,
            CategoryCatalogue catalogue) {
        this.catalogue = catalogue;
        this.callerOrganization = callerOrganization;
        this.visibility = visibility;
        this.organizationRecords = organizationRecords;
        this.organizations = organizations;
        this.campaignPlans = campaignPlans;
        this.calendars = calendars;
    }

    /**
     * Checks the filter and titles the ledger, before anything is written: an unknown unit, or a campaign the caller does
     * not read ({@link CallerOrganization#campaignReader}), is refused (400) naming the parameter. A town or street taking
     * part in its district's campaign gets its own rows, the campaign's cases it may read (those located in it), as its
     * part of the 驾驶舱 counts them; the title names it.
     */
    CaseLedger.Request request(Authentication user, CaseFilter filter) {
        if (filter.unit() != null && !organizationRecords.unitNames(null).containsKey(filter.unit())) {
            throw new InvalidRequestException(ApiError.field("unit", "UNKNOWN_UNIT", "参数 unit 无效：没有单位 \"" + filter.unit() + "\""));
        }
        CampaignPlans.Campaign campaign = null;
        String participant = null;
        if (filter.campaign() != null) {
            CampaignPlans plans = campaignPlans.getIfAvailable();
            campaign = (plans == null ? java.util.Optional.<CampaignPlans.Campaign>empty() : plans.campaign(filter.campaign()))
                    .orElse(null);
            CallerOrganization.CampaignReader reader = campaign == null ? null
                    : visibility.readsWholeOrganization(user, campaign.organization()) || tenants(user).contains(campaign.organization())
                    ? new CallerOrganization.CampaignReader(null)
                    : callerOrganization.campaignReader(user, campaign.organization(), () -> plans.unitGroups(filter.campaign()))
                            .orElse(null);
            if (reader == null) {
                throw new InvalidRequestException(ApiError.field("campaign", "UNKNOWN_CAMPAIGN",
                        "参数 campaign 无效：您的组织没有活动 \"" + filter.campaign() + "\""));
            }
            participant = reader.whole() ? null : organizations.ofGroup(reader.office()).map(Organization::name).orElse(reader.office());
        }
        Organization organization = campaign != null ? organizations.of(campaign.organization())
                : filter.organization() != null ? organizations.of(filter.organization())
                : organizations.homeOf(user.getUserId())
                        .or(() -> tenants(user).size() == 1 ? organizations.find(tenants(user).get(0)) : java.util.Optional.empty())
                        .or(() -> organizations.ofGroup(filter.unit()))
                        .orElse(null);

        // the title's units as the ledger's organisation reads them (another organisation's with that one named)
        Map<String, String> unitNames = organizationRecords.unitNames(organization == null ? null : organization.id());
        String territoryName = filter.territory() == null ? null
                : organizations.find(filter.territory()).map(Organization::name).orElse(filter.territory());
        List<String> scope = new ArrayList<>();
        if (campaign != null) {
            scope.add(org.shirong.system.Titles.quoted(campaign.name()) + "活动");
        }
        if (participant != null) {
            scope.add(participant + "属地");
        }
        Organization.Terms words = organization == null ? Organization.Terms.DEFAULT : organization.words();
        if (filter.cooperating() != null) {
            // in the plan's words: 锦溪镇本单位（责任单位）案件台账, 九亭镇综管办（配合部门）案件台账
            scope.add((filter.unit() == null ? "本单位" : unitNames.get(filter.unit())) + "（" + words.responsibleUnits() + "）");
        } else if (filter.unit() != null) {
            scope.add(unitNames.get(filter.unit()));
        } else if (campaign == null) {
            boolean whole = visibility.readsWholeOrganization(user, organization == null ? null : organization.id());
            // a unit's ledger narrowed to a town is still its own cases: the town is named in the filter line
            // a 村/社区 reads its own cases and those in its area (jxreview-s58 J5): titled by its name, 锦溪镇卫星村案件台账
            List<String> community = whole || organization == null ? List.of() : organization.communities().stream()
                    .map(Organization.GroupDefinition::id).filter(CaseVisibility.groups(user)::contains)
                    .map(organization::groupName).toList();
            scope.add(community.size() == 1 ? community.get(0) : !whole ? "本单位" : territoryName != null ? territoryName + "属地"
                    : organization == null ? "全部" : "全" + organization.organization().level().label());
        }
        // a campaign named after its organisation (锦溪镇“931”…) does not name it twice (jxreview-s55 J11)
        String title = (organization == null || campaign != null && campaign.name().startsWith(organization.name()) ? ""
                : organization.name()) + String.join("·", scope) + "案件台账";

        ZoneId zone = (organization == null ? calendars.shared() : calendars.of(organization.id())).zone();
        Instant now = RectificationCases.now();
        String subtitle = "筛选：" + describe(filter, unitNames, campaign,
                filter.organization() == null ? null : organizations.of(filter.organization()).name(),
                territoryName, words) + "　｜　导出时间：" + SHOWN.format(now.atZone(zone))
                + "　｜　导出人：" + organizations.personName(user.getUserId());
        String stamp = STAMP.format(now.atZone(zone));
        return new CaseLedger.Request(filter, visibility.listFilter(user), layout(organization), title, subtitle, zone,
                title + "-" + stamp + ".xlsx", "case-ledger-" + stamp + ".xlsx");
    }

    /**
     * The ledger's columns as its organisation is configured ({@link CaseLedger.Layout}): its plan's words, 小项 where its
     * categories have any, 属地 where it has towns or streets; every column when the ledger is of no single organisation.
     */
    CaseLedger.Layout layout(Organization organization) {
        if (organization == null) {
            return CaseLedger.Layout.FULL;
        }
        return new CaseLedger.Layout(organization.words(),
                catalogue.all(organization.id()).stream().anyMatch(category -> !category.items().isEmpty()),
                !organizations.within(organization.id()).isEmpty());
    }

    private static String describe(CaseFilter f, Map<String, String> unitNames, CampaignPlans.Campaign campaign,
            String organizationName, String territoryName, Organization.Terms words) {
        List<String> parts = new ArrayList<>();
        if (organizationName != null) {
            parts.add("组织 " + organizationName);
        }
        if (territoryName != null) {
            parts.add("属地 " + territoryName);
        }
        if (campaign != null) {
            parts.add("活动 " + campaign.name() + "（" + campaign.code() + "）");
        }
        if (f.cooperating() != null) {
            parts.add("范围 作为" + words.responsibleUnits() + "的案件");
        }
        if (f.unit() != null) {
            parts.add((f.cooperating() != null ? words.responsibleUnits() : words.leadUnit()) + " " + unitNames.get(f.unit()));
        }
        if (f.status() != null) {
            parts.add("状态 " + f.status().label());
        }
        if (f.overdue() != null) {
            parts.add("超期 " + CaseLedger.yesNo(f.overdue()));
        }
        if (f.escalated() != null) {
            parts.add("列入通报 " + CaseLedger.yesNo(f.escalated()));
        }
        if (f.reported() != null) {
            parts.add(f.reported().describe());
        }
        return parts.isEmpty() ? "无（全部可查看的案件）" : String.join("；", parts);
    }

    private static List<String> tenants(Authentication user) {
        return user.getTenantIds() == null ? List.of() : user.getTenantIds();
    }
}
