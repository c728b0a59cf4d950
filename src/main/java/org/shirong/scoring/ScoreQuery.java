package org.shirong.scoring;

import java.time.LocalDate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.organization.CallerOrganization;
import org.shirong.system.ApiError;
import org.shirong.system.DateWindow;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.NotFoundException;
import org.shirong.system.TextInput;
import org.springframework.stereotype.Component;

/**
 * The parameters of {@code GET /api/scores} and its Excel export checked and resolved alike: {@code period} (400 when
 * missing, not a period or outside {@code shirong.input.dates}), {@code organization} (the caller's own or one they
 * oversee, else 403; left out with a campaign, the campaign's when the caller may read it), {@code campaign} (404 when it
 * is not the organisation's), and the board of that period and scope.
 */
@Component
class ScoreQuery {

    /** The board asked for; {@code wholeOrganization} when no campaign narrows it. */
    record Resolved(String organization, ScorePeriod period, ScoreBoard board, boolean wholeOrganization) {
    }

    private final ScoreService scores;
    private final CallerOrganization callerOrganization;
    private final CampaignOrganizations campaigns;
    private final DateWindow dates;

    ScoreQuery(ScoreService scores, CallerOrganization callerOrganization, CampaignOrganizations campaigns, DateWindow dates) {
        this.scores = scores;
        this.dates = dates;
        this.callerOrganization = callerOrganization;
        this.campaigns = campaigns;
    }

    Resolved resolve(Authentication caller, String period, String campaign, String organization) {
        String own = callerOrganization.forReading(caller, inferred(caller, campaign, organization));
        ScorePeriod.problem(period, dates, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), scores.zone()))
                .ifPresent(message -> {
                    throw new InvalidRequestException(ApiError.field("period", "INVALID_PERIOD", message));
                });
        ScorePeriod p = ScorePeriod.parse(period).orElseThrow();
        String scope = ScoreService.scope(own, campaign);
        if (!scope.startsWith(ScoreService.ORGANIZATION_SCOPE)
                && !campaigns.organizationOf(scope).filter(own::equals).isPresent()) {
            throw new NotFoundException("CAMPAIGN_NOT_FOUND", "活动不存在：" + scope);
        }
        return new Resolved(own, p, scores.board(p, own, scope), scope.startsWith(ScoreService.ORGANIZATION_SCOPE));
    }

    /**
     * The organisation asked for: the {@code organization} parameter when given, else that of the campaign when the
     * caller may read it (a district office asking for a town's campaign), else none (the caller's own, where a campaign
     * of an organisation they may not read is answered as one that does not exist).
     */
    private String inferred(Authentication caller, String campaign, String organization) {
        if (!TextInput.isBlank(organization) || TextInput.isBlank(campaign)) {
            return organization;
        }
        String code = ScoreService.scope("", campaign);
        return campaigns.organizationOf(code).filter(callerOrganization.readable(caller)).orElse(organization);
    }
}
