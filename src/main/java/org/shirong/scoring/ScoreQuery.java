package org.shirong.scoring;

import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organizations;
import org.shirong.system.ApiError;
import org.shirong.system.DateWindow;
import org.shirong.system.ForbiddenException;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.NotFoundException;
import org.shirong.system.TextInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The parameters of {@code GET /api/scores} and its Excel export checked and resolved alike: {@code period} (400 when
 * missing, not a period or outside {@code shirong.input.dates}), {@code organization} (the caller's own or one they
 * oversee, else 403; left out with a campaign, the campaign's when the caller may read it), {@code campaign} (404 when it
 * is not the organisation's; with it, a period before the campaign began, after it ended or not begun yet is refused with 400
 * naming {@code period}, {@link CampaignPeriods}), and the board of that period and scope. A town or street taking part in its district's
 * campaign ({@link CallerOrganization#campaignReader}) reads the campaign's scores of a month once the district has
 * published them in its 通报, as its 驾驶舱 shows that month's ranking; before that it is told so (403), not that the
 * campaign does not exist.
 */
@Component
class ScoreQuery {

    /**
     * The board asked for; {@code wholeOrganization} when no campaign narrows it; {@code noticeIssued} false for a
     * campaign whose 通报 of the period was not issued (锦溪镇 通报s quarterly, never monthly; 九亭镇 at its 例会): its units
     * below the line are then only 列入通报范围, as the 驾驶舱 and the monthly report say (jxreview-s55 J2); {@code unranked}:
     * why the campaign's 通报 of the period, issued (or to be issued) by a meeting that ranks no unit, names no unit for its
     * score (null when it ranks, for a whole organisation and while the period runs).
     */
    record Resolved(String organization, ScorePeriod period, ScoreBoard board, boolean wholeOrganization, boolean noticeIssued,
            String unranked) {

        /** The 通报 sentence of the board, worded as {@link #noticeIssued} allows; {@link #unranked}'s when it ranks no unit. */
        String notice(java.time.ZoneId zone) {
            if (unranked != null) {
                return unranked;
            }
            String text = ScoreNotice.text(board, zone);
            return noticeIssued ? text : ScoreNotice.beforeNotice(text);
        }
    }

    private final ScoreService scores;
    private final CallerOrganization callerOrganization;
    private final CampaignOrganizations campaigns;
    private final DateWindow dates;
    private final Organizations organizations;
    private final CampaignPeriods campaignPeriods;

    private final ObjectProvider<NoticeOthers> noticeOthers;

    ScoreQuery(ScoreService scores, CallerOrganization callerOrganization, CampaignOrganizations campaigns, DateWindow dates,
            Organizations organizations, CampaignPeriods campaignPeriods, ObjectProvider<NoticeOthers> noticeOthers) {
        this.noticeOthers = noticeOthers;
        this.scores = scores;
        this.campaignPeriods = campaignPeriods;
        this.organizations = organizations;
        this.dates = dates;
        this.callerOrganization = callerOrganization;
        this.campaigns = campaigns;
    }

    Resolved resolve(Authentication caller, String period, String campaign, String organization) {
        Optional<String> participating = participating(caller, campaign, organization);
        String own = participating.isPresent() ? participating.get()
                : callerOrganization.forReading(caller, inferred(caller, campaign, organization));
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
        if (!scope.startsWith(ScoreService.ORGANIZATION_SCOPE)) {
            campaignPeriods.problem(scope, p).ifPresent(error -> {
                throw new InvalidRequestException(error);
            });
        }
        if (participating.isPresent() && !campaigns.rankingPublished(scope, p.code())) {
            String district = organizations.of(own).name();
            throw new ForbiddenException("RANKING_NOT_PUBLISHED", district + "尚未印发" + p.name() + "考核排名的通报：参加"
                    + district + "活动的街镇在通报印发后才能查看该期的考核得分（驾驶舱中的考核排名同样如此）");
        }
        boolean whole = scope.startsWith(ScoreService.ORGANIZATION_SCOPE);
        ScoreBoard board = scores.board(p, own, scope);
        NoticeOthers others = noticeOthers.getIfAvailable();
        String unranked = whole || board.provisional() || others == null ? null : others.unranked(scope, p.code()).orElse(null);
        return new Resolved(own, p, board, whole, whole || campaigns.rankingPublished(scope, p.code()), unranked);
    }

    /**
     * The campaign's organisation when the caller reads the campaign only as a town or street taking part in it (a
     * campaign named without {@code organization}, of an organisation the caller may not read); empty otherwise.
     */
    private Optional<String> participating(Authentication caller, String campaign, String organization) {
        if (!TextInput.isBlank(organization) || TextInput.isBlank(campaign)) {
            return Optional.empty();
        }
        String code = ScoreService.scope("", campaign);
        return campaigns.organizationOf(code).filter(o -> !callerOrganization.readable(caller).test(o))
                .filter(o -> callerOrganization.campaignReader(caller, o, () -> campaigns.participantGroups(code))
                        .filter(reader -> !reader.whole()).isPresent());
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
