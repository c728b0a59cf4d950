package org.shirong.rectification;

import org.camunda.bpm.engine.IdentityService;
import org.shirong.organization.OrganizationRecords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages a person opens from the 驾驶舱, a list or a notification: {@code /shirong/cases/{caseNo}} (the case's record,
 * timeline, photos side by side, extensions and 挂账, 协办, traffic light, and a link to its dossier PDF, which the same
 * readers may download) and {@code /shirong/map} (the cases on a map).
 * Logged in through the webapps' session or HTTP Basic (the {@code /api} filter); the page reads the data from
 * {@code /api} in the browser. A case the caller may not read is answered 404, as the API does.
 */
@Controller
class CasePageController {

    private final CaseRecords records;
    private final CaseVisibility visibility;
    private final IdentityService identityService;
    private final CategoryCatalogue catalogue;
    private final OrganizationRecords organization;
    private final ObjectProvider<CampaignPlans> campaignPlans;
    private final org.shirong.organization.Organizations organizations;
    private final TerritoryDirectory territories;

    CasePageController(CaseRecords records, CaseVisibility visibility, IdentityService identityService,
            CategoryCatalogue catalogue, OrganizationRecords organization, ObjectProvider<CampaignPlans> campaignPlans,
            org.shirong.organization.Organizations organizations, TerritoryDirectory territories) {
        this.territories = territories;
        this.campaignPlans = campaignPlans;
        this.organizations = organizations;
        this.organization = organization;
        this.records = records;
        this.visibility = visibility;
        this.identityService = identityService;
        this.catalogue = catalogue;
    }

    /** The page's address, for links from the map, the 驾驶舱 and notifications. */
    static String pageUrl(String caseNo) {
        return "/shirong/cases/" + caseNo;
    }

    @GetMapping("/shirong/cases/{caseNo}")
    ModelAndView casePage(@PathVariable String caseNo) {
        CaseRecord c = records.find(caseNo).filter(r -> visibility.mayRead(identityService.getCurrentAuthentication(), r))
                .orElse(null);
        if (c == null) {
            ModelAndView missing = new ModelAndView("pages/case-missing");
            missing.addObject("caseNo", caseNo);
            missing.setStatus(HttpStatus.NOT_FOUND);
            return missing;
        }
        ModelAndView page = new ModelAndView("pages/case");
        page.addObject("caseNo", c.caseNo());
        page.addObject("categoryName", catalogue.find(c.tenantId(), c.category()).map(Category::name)
                .orElse(c.category()));
        page.addObject("urgencyName", c.urgency().label());
        page.addObject("sourceName", catalogue.sources(c.tenantId()).label(c.source()));
        String responsible = CaseDossiers.unitNames(c.responsibleUnits(), organization.unitNames(c.tenantId()));
        page.addObject("responsibleUnitNames", responsible == null ? "" : responsible);
        // The campaign and its plan item by name, as the dossier and the ledger write them (not SJ-DEMO · SURVEY_URBAN_ROADS).
        CampaignPlans plans = campaignPlans.getIfAvailable();
        page.addObject("campaignName", c.campaign() == null ? ""
                : plans == null ? c.campaign() : plans.campaign(c.campaign()).map(CampaignPlans.Campaign::name).orElse(c.campaign()));
        page.addObject("planItemName", c.planItem() == null ? ""
                : catalogue.find(c.tenantId(), c.planItem()).map(Category::name).orElse(c.planItem()));
        page.addObject("dossierUrl", "/api/cases/" + c.caseNo() + "/dossier.pdf");
        // a district's case lies in one of its towns (属地): the page says when it names none, and the office's 更正 offers
        // the towns whether or not the case has one (diffreview-s55 R9: a case without was given none from the page)
        boolean hasTowns = territories.hasTowns(c.tenantId());
        page.addObject("hasTowns", hasTowns);
        // 更正案件信息 offers the organisation's 村/社区 where it has any (jxreview-s58 J5)
        page.addObject("communities", territories.communities(c.tenantId()));
        page.addObject("territoryTowns", hasTowns ? organizations.within(c.tenantId()).stream()
                .map(org.shirong.organization.Organization::name).toList() : java.util.List.<String>of());
        return page;
    }

    /**
     * 上报问题: one problem with its photos, from a phone on patrol or the office's 12345 desk. The page builds its pickers
     * from {@code /api/categories}, {@code /api/cases/sources} and {@code /api/campaigns} and reports through
     * {@code POST /api/cases} (multipart, with the photos), which checks everything as for any other report. 所属活动 is
     * preselected to the only campaign the reporter's organisation runs ({@code data-default}); the API stays explicit.
     */
    @GetMapping("/shirong/report")
    String reportPage(Model model) {
        // 所属活动 starts at the reporter's organisation's only running campaign (jxreview s55 J8: left at 不属于活动, a
        // patrol's or 12345 problem was in no table a leader reads); 不属于活动 stays a choice
        var caller = identityService.getCurrentAuthentication();
        CampaignPlans plans = campaignPlans.getIfAvailable();
        String preselected = caller == null || plans == null ? "" : organizations.homeOf(caller.getUserId())
                .flatMap(o -> plans.onlyRunning(o.id())).orElse("");
        model.addAttribute("defaultCampaign", preselected);
        // 属地街镇 for a district's reporter (sjreview-s57 D5): a point problem is refused without one, so the page offers the
        // district's towns and streets (and 区级范围, the district itself), and shows that refusal under this field
        var home = caller == null ? java.util.Optional.<org.shirong.organization.Organization>empty()
                : organizations.homeOf(caller.getUserId()).filter(o -> territories.hasTowns(o.id()));
        model.addAttribute("territoryDistrict", home.map(o -> o.id()).orElse(""));
        model.addAttribute("territoryTowns", home.map(o -> organizations.within(o.id()).stream()
                .map(t -> java.util.Map.of("id", t.id(), "name", t.name())).toList()).orElse(java.util.List.of()));
        // 村/社区 where the reporter's organisation has villages or communities (jxreview-s58 J5): they read and are told of
        // the cases in their area; the API refuses a name that is none of them
        model.addAttribute("communities", caller == null ? java.util.List.<String>of() : organizations.homeOf(caller.getUserId())
                .map(o -> territories.communities(o.id())).orElse(java.util.List.of()));
        // a village's or community's own staff report from their area: it starts selected (jxreview-s60 J3: left at 不在某个
        // 村、社区, 卫星村's report was no 卫星村 case), and 不在某个村、社区 stays a choice
        model.addAttribute("defaultCommunity", ownCommunity(caller));
        return "pages/report";
    }

    /** The 村/社区 of the caller's organisation he belongs to, by name, when it is exactly one; otherwise "". */
    private String ownCommunity(org.camunda.bpm.engine.impl.identity.Authentication caller) {
        if (caller == null || caller.getGroupIds() == null) {
            return "";
        }
        var own = organizations.homeOf(caller.getUserId()).map(o -> o.communities().stream()
                .filter(g -> caller.getGroupIds().contains(g.id())).map(org.shirong.organization.Organization.GroupDefinition::name)
                .toList()).orElse(java.util.List.of());
        return own.size() == 1 ? own.get(0) : "";
    }

    /** {@code campaign}: that campaign's cases only; {@code embed}: without the page header, for a frame in the 驾驶舱. */
    @GetMapping("/shirong/map")
    String mapPage(@RequestParam(required = false) String campaign, @RequestParam(defaultValue = "false") boolean embed,
            Model model) {
        String code = campaign == null ? "" : campaign.strip();
        model.addAttribute("campaign", code);
        model.addAttribute("campaignName", campaignName(code));
        model.addAttribute("embed", embed);
        return "pages/map";
    }

    /**
     * The heading's name of the campaign (案件地图 · 九亭镇创建…, not its code, jtreview-s59 T11): only for a caller of the
     * campaign's own organisation or a town taking part in it; otherwise the code as typed, telling nothing of another's.
     */
    private String campaignName(String code) {
        CampaignPlans plans = campaignPlans.getIfAvailable();
        var caller = identityService.getCurrentAuthentication();
        if (code.isEmpty() || plans == null || caller == null) {
            return code;
        }
        String home = organizations.homeOf(caller.getUserId()).map(org.shirong.organization.Organization::id).orElse(null);
        return plans.campaign(code).filter(c -> home != null && (home.equals(c.organization()) || plans.takesPart(home, code)))
                .map(CampaignPlans.Campaign::name).orElse(code);
    }
}
