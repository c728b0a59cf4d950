package org.shirong.zone;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.scoring.UnitScores;
import org.shirong.system.ApiError;
import org.shirong.system.ForbiddenException;
import org.shirong.system.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/zones/rates?period=2026-05&organization=}: the responsibility-zone rates of a period ({@link ZoneRates})
 * per 负责单位 and for the organisation, with the rubric's targets, for its office, leading group and approvers,
 * inspectors, and the district groups that oversee it.
 */
@RestController
@RequestMapping("/api/zones")
class ZoneRatesController {

    private final ZoneRates rates;
    private final UnitScores scores;
    private final Organizations organizations;
    private final CallerOrganization callerOrganization;
    private final IdentityService identityService;
    private final ZoneAccess access;

    ZoneRatesController(ZoneRates rates, UnitScores scores, Organizations organizations, CallerOrganization callerOrganization,
            IdentityService identityService, ZoneAccess access) {
        this.access = access;
        this.rates = rates;
        this.scores = scores;
        this.organizations = organizations;
        this.callerOrganization = callerOrganization;
        this.identityService = identityService;
    }

    record RatesView(String period, String periodName, String organizationName, int edition, UnitScores.ZoneTargets targets,
            ZoneRateTable.UnitRates town, List<ZoneRateTable.UnitRates> units) {
    }

    @GetMapping("/rates")
    RatesView rates(@RequestParam(required = false) String period, @RequestParam(required = false) String organization) {
        Authentication caller = identityService.getCurrentAuthentication();
        String own = callerOrganization.forReading(caller, organization);
        access.requireZones(own);
        requireSupervisor(caller, own);
        scores.periodProblem(period).ifPresent(message -> {
            throw new InvalidRequestException(ApiError.field("period", "INVALID_PERIOD", message));
        });
        UnitScores.Window window = scores.window(period.strip());
        ZoneRateTable table = rates.table(own, window.from(), window.until());
        return new RatesView(window.periodCode(), window.periodName(), organizations.of(own).organization().name(),
                table.edition(), scores.zoneTargets(own), table.town(), table.units());
    }

    private void requireSupervisor(Authentication caller, String organization) {
        Set<String> groups = caller == null || caller.getGroupIds() == null ? Set.of() : Set.copyOf(caller.getGroupIds());
        Organization.Roles roles = organizations.of(organization).roles();
        boolean sees = groups.contains(Groups.CAMUNDA_ADMIN)
                || roles != null && (groups.contains(roles.office()) || groups.contains(roles.leading())
                        || groups.contains(roles.approvers()) || groups.contains(roles.inspectors()))
                || organizations.overseers(organization).stream().anyMatch(groups::contains);
        if (!sees) {
            throw new ForbiddenException("NOT_A_SUPERVISOR", "只有" + organizations.of(organization).namesOf(roles.office(),
                    roles.leading(), roles.approvers(), roles.inspectors()) + "可以查看本组织的责任区指标");
        }
    }
}
