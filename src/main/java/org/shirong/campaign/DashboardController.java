package org.shirong.campaign;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.organization.CallerOrganization;
import org.shirong.scoring.UnitScores;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 活动驾驶舱 in Cockpit reads these as the logged-in user: {@code GET /api/dashboard} (the campaigns the caller
 * supervises; 403 for anyone who supervises none, so the plugin shows nothing to a unit) and
 * {@code GET /api/campaigns/{code}/dashboard?period=2026-05} (one campaign, see {@link CampaignDashboard}).
 */
@RestController
@RequestMapping("/api")
class DashboardController {

    private final DashboardAccess access;
    private final CampaignDashboard dashboard;
    private final IdentityService identityService;
    private final CallerOrganization callerOrganization;

    DashboardController(DashboardAccess access, CampaignDashboard dashboard, IdentityService identityService,
            CallerOrganization callerOrganization) {
        this.callerOrganization = callerOrganization;
        this.access = access;
        this.dashboard = dashboard;
        this.identityService = identityService;
    }

    record Overview(List<String> organizations, List<CampaignDashboard.CampaignRef> campaigns) {
    }

    @GetMapping("/dashboard")
    Overview overview() {
        List<String> organizations = access.organizations(identityService.getCurrentAuthentication());
        if (organizations.isEmpty()) {
            throw new org.shirong.system.ForbiddenException("NOT_A_SUPERVISOR",
                    "活动驾驶舱只向办公室、领导小组组长和副组长、督导检查组以及上级监管部门开放");
        }
        return new Overview(organizations, dashboard.campaigns(organizations));
    }

    @GetMapping("/campaigns/{code}/dashboard")
    CampaignDashboard.Dashboard campaign(@PathVariable String code, @RequestParam(required = false) String period) {
        if (period != null && !period.isBlank() && !(period.strip().matches("\\d{4}-\\d{2}") && UnitScores.isPeriod(period))) {
            throw new InvalidRequestException(ApiError.field("period", "INVALID_PERIOD",
                    "考核期间 \"" + period + "\" 无效：驾驶舱按月查看，格式应为 2026-05"));
        }
        var caller = identityService.getCurrentAuthentication();
        String organization = dashboard.organizationOf(code);
        if (!callerOrganization.readable(caller).test(organization)) {
            // As everywhere else: a campaign of an organisation the caller cannot read does not exist for them.
            throw new org.shirong.system.NotFoundException("CAMPAIGN_NOT_FOUND", "活动不存在：" + code);
        }
        access.require(caller, organization);
        return dashboard.of(code, period);
    }
}
