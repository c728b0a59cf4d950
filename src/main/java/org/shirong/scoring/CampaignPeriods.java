package org.shirong.scoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.scoring.CampaignOrganizations.CampaignDays;
import org.shirong.system.ApiError;
import org.springframework.stereotype.Component;

/**
 * Which 考核期间 a campaign's scores and monthly report may be asked for: a period with days of the campaign, from the month
 * it began (its first phase's first day, or the day it was started if earlier) to the month it ends (its last phase's last
 * day), that has begun; the 驾驶舱 offers no other month. Any other is refused, naming {@code period} and the months there
 * are: before the campaign ({@code PERIOD_BEFORE_CAMPAIGN}, as the 驾驶舱 says), after it
 * ({@code PERIOD_AFTER_CAMPAIGN}) or not begun yet ({@code PERIOD_NOT_BEGUN}).
 */
@Component
class CampaignPeriods {

    private final CampaignOrganizations campaigns;
    private final ScoreService scores;

    CampaignPeriods(CampaignOrganizations campaigns, ScoreService scores) {
        this.campaigns = campaigns;
        this.scores = scores;
    }

    /** Why the campaign's scores of {@code p} cannot be asked for; empty when they can (or the campaign is unknown). */
    Optional<ApiError> problem(String campaignCode, ScorePeriod p) {
        Optional<CampaignDays> found = campaigns.days(campaignCode);
        if (found.isEmpty() || found.get().first() == null) {
            return Optional.empty();
        }
        CampaignDays days = found.get();
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), scores.zone());
        YearMonth first = YearMonth.from(days.first());
        YearMonth latest = YearMonth.from(today);
        if (days.last() != null && YearMonth.from(days.last()).isBefore(latest)) {
            latest = YearMonth.from(days.last());
        }
        String choose = latest.isBefore(first) ? "" : "，可选 " + name(first) + "至 " + name(latest);
        String asked = "考核期间 " + p.name() + " ";
        if (!p.until().isAfter(days.first())) {
            return refused("PERIOD_BEFORE_CAMPAIGN", asked + "早于活动“" + days.name() + "”开始的月份（" + name(first) + "）"
                    + choose);
        }
        if (days.last() != null && p.from().isAfter(days.last())) {
            return refused("PERIOD_AFTER_CAMPAIGN", asked + "晚于活动“" + days.name() + "”结束的月份（"
                    + name(YearMonth.from(days.last())) + "）" + choose);
        }
        if (p.from().isAfter(today)) {
            return refused("PERIOD_NOT_BEGUN", asked + "尚未开始，还没有可考核的数字" + choose);
        }
        return Optional.empty();
    }

    private static String name(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    private static Optional<ApiError> refused(String code, String message) {
        return Optional.of(ApiError.field("period", code, message));
    }
}
