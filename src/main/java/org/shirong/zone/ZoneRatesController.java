package org.shirong.zone;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.scoring.UnitScores;
import org.shirong.system.ApiError;
import org.shirong.system.ForbiddenException;
import org.shirong.system.InvalidRequestException;
import org.shirong.zone.ZoneRateTable.Rate;
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
            UnitView town, List<UnitView> units) {
    }

    /**
     * A 负责单位's line (or the town's) with its 送达率 and 上墙率 as the score counts them ({@link ZoneRates#noticeRates}:
     * the notices whose 送达, 上墙 was due or done, jtreview-s59 T2), and what they leave out, for people
     * ({@code 另有 5 份未到上墙期限，1 个责任区尚未发告知书}; null when nothing).
     */
    record UnitView(@JsonUnwrapped ZoneRateTable.UnitRates rates, Rate scoredDelivery, Rate scoredPosting, String deliveryNote,
            String postingNote) {

        static UnitView of(ZoneRateTable.UnitRates rates, ZoneRates.NoticeRates scored) {
            int notIssued = rates.zones() - scored.issued();
            return new UnitView(rates, scored.delivery(), scored.posting(), note(scored.deliveryNotDue(), "送达", notIssued),
                    note(scored.postingNotDue(), "上墙", notIssued));
        }

        private static String note(int notDue, String step, int notIssued) {
            List<String> parts = new java.util.ArrayList<>();
            if (notDue > 0) {
                parts.add("另有 " + notDue + " 份未到" + step + "期限");
            }
            if (notIssued > 0) {
                parts.add(notIssued + " 个责任区尚未发告知书");
            }
            return parts.isEmpty() ? null : String.join("，", parts);
        }
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
        // the notices as scoring counts them: up to now in a running period, none before it begins
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Map<String, ZoneRates.NoticeRates> scored = now.isBefore(window.from()) ? Map.of()
                : rates.noticeRates(own, window.until().isAfter(now) ? now : window.until());
        ZoneRates.NoticeRates none = new ZoneRates.NoticeRates(Rate.NONE, Rate.NONE, 0);
        List<UnitView> units = table.units().stream().map(u -> UnitView.of(u, scored.getOrDefault(u.unitId(), none))).toList();
        ZoneRates.NoticeRates town = scored.values().stream().reduce(none, (a, b) -> new ZoneRates.NoticeRates(
                a.delivery().plus(b.delivery()), a.posting().plus(b.posting()), a.issued() + b.issued()));
        return new RatesView(window.periodCode(), window.periodName(), organizations.of(own).organization().name(),
                table.edition(), scores.zoneTargets(own), UnitView.of(table.town(), town), units);
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
