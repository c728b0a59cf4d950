package org.shirong.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.rectification.CaseDossiers;
import org.shirong.report.RankingNotices;
import org.shirong.scoring.UnitScores;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.TextInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 活动驾驶舱 in Cockpit reads these as the logged-in user: {@code GET /api/dashboard} (the campaigns the caller
 * supervises, then the district's campaigns their town takes part in; 403 for anyone who has none, so the plugin shows
 * nothing to a unit) and
 * {@code GET /api/campaigns/{code}/dashboard?period=2026-05} (one campaign, see {@link CampaignDashboard}) and
 * {@code GET /api/campaigns/{code}/dashboard/cases?figure=RED&unit=&item=&period=} (the cases behind one of its figures).
 */
@RestController
@RequestMapping("/api")
class DashboardController {

    private final DashboardAccess access;
    private final CampaignDashboard dashboard;
    private final IdentityService identityService;
    private final UnitScores scores;
    private final CampaignAccess campaigns;
    private final CampaignRecords records;
    private final CaseDossiers dossiers;
    private final RankingNotices notices;

    DashboardController(DashboardAccess access, CampaignDashboard dashboard, IdentityService identityService,
            UnitScores scores, CampaignAccess campaigns, CampaignRecords records, CaseDossiers dossiers,
            RankingNotices notices) {
        this.campaigns = campaigns;
        this.records = records;
        this.dossiers = dossiers;
        this.notices = notices;
        this.scores = scores;
        this.access = access;
        this.dashboard = dashboard;
        this.identityService = identityService;
    }

    /** {@code campaigns}: each with its phases and this month's totals (the cards of Cockpit's dashboard). */
    record Overview(List<String> organizations, List<CampaignDashboard.Card> campaigns) {
    }

    @GetMapping("/dashboard")
    Overview overview() {
        Authentication caller = identityService.getCurrentAuthentication();
        List<String> organizations = access.organizations(caller);
        // the district's campaigns the caller's town takes part in, after its own organisations' campaigns
        List<CampaignDashboard.Card> participating = records.all().stream().filter(c -> !organizations.contains(c.tenantId()))
                .flatMap(c -> campaigns.readable(c).filter(r -> !r.whole()).stream())
                .map(r -> dashboard.card(r.campaign(), participant(caller, r))).toList();
        if (organizations.isEmpty() && participating.isEmpty()) {
            throw access.refusal(caller == null || caller.getTenantIds() == null || caller.getTenantIds().size() != 1
                    ? null : caller.getTenantIds().get(0));
        }
        List<CampaignDashboard.Card> cards = new ArrayList<>(dashboard.campaigns(organizations));
        cards.addAll(participating);
        return new Overview(organizations, cards);
    }

    @GetMapping("/campaigns/{code}/dashboard")
    CampaignDashboard.Dashboard campaign(@PathVariable String code, @RequestParam(required = false) String period) {
        checkPeriod(period);
        CampaignDashboard.Participant town = reader(code);
        dashboard.checkMonth(code, period);
        return dashboard.of(code, period, town);
    }

    /**
     * The cases behind a figure of the 驾驶舱: {@code figure} one of {@link CampaignDashboard.Figure}; {@code unit} a lead
     * unit ({@code none}: cases no unit leads yet); {@code item} a plan item's category ({@code none}: under no item).
     */
    @GetMapping("/campaigns/{code}/dashboard/cases")
    CampaignDashboard.CaseList cases(@PathVariable String code, @RequestParam String figure,
            @RequestParam(required = false) String period, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String item) {
        checkPeriod(period);
        String figureName = TextInput.selector("figure", figure, "INVALID_TEXT");
        String unitId = TextInput.selector("unit", unit, "INVALID_TEXT");
        String planItem = TextInput.selector("item", item, "INVALID_TEXT");
        CampaignDashboard.Figure chosen = Arrays.stream(CampaignDashboard.Figure.values())
                .filter(f -> f.name().equals(figureName)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(ApiError.field("figure", "UNKNOWN_FIGURE",
                        "参数 figure 无效：驾驶舱没有这个数字（可选："
                                + Arrays.stream(CampaignDashboard.Figure.values())
                                .map(f -> f.name() + " " + f.label()).collect(Collectors.joining("、")) + "）")));
        CampaignDashboard.Participant town = reader(code);
        dashboard.checkMonth(code, period);
        return dashboard.list(code, period, chosen, unitId, planItem, town);
    }

    /**
     * An absent or blank period is this month; any other must be a month, quarter or year (control characters refused
     * without echoing them) that people may ask for ({@link UnitScores#periodProblem}: 1970-01 is named out of range, not
     * misformed); which quarters and years the campaign offers is {@link CampaignDashboard#checkMonth}'s business.
     */
    private void checkPeriod(String period) {
        if (TextInput.selector("period", period, "INVALID_PERIOD") == null) {
            return;
        }
        scores.periodProblem(period).ifPresent(message -> {
            throw new InvalidRequestException(ApiError.field("period", "INVALID_PERIOD", message));
        });
    }

    /**
     * How the caller reads the campaign's 驾驶舱 ({@link CampaignAccess}): a campaign they cannot read does not exist for
     * them (404); one they read whole needs them to see its organisation's 驾驶舱 (403 for a unit); a town taking part in
     * its district's campaign sees its own part ({@link CampaignDashboard.Participant}, returned).
     */
    private CampaignDashboard.Participant reader(String code) {
        Authentication caller = identityService.getCurrentAuthentication();
        CampaignAccess.Readable readable = campaigns.readable(code);
        if (readable.whole()) {
            access.require(caller, readable.campaign().tenantId());
            return null;
        }
        return participant(caller, readable);
    }

    /** A participating town's part: the campaign's cases it may read, and the periods whose ranking the district published. */
    private CampaignDashboard.Participant participant(Authentication caller, CampaignAccess.Readable readable) {
        String code = readable.campaign().code();
        Set<String> caseNos = dossiers.byPlanItem(caller, code).stream().flatMap(i -> i.caseNos().stream())
                .collect(Collectors.toSet());
        return new CampaignDashboard.Participant(readable.ownGroup(), caseNos, period -> notices.issued(code, period).isPresent());
    }

}
