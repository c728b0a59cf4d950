package org.shirong.scoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.scoring.CampaignOrganizations.CampaignDays;
import org.shirong.system.ApiError;
import org.springframework.stereotype.Component;

/**
 * Which 考核期间 a campaign's figures may be asked for, the one rule of the 驾驶舱, the scores, their Excel and the monthly
 * report: a period with days of the campaign, from the month it began (its first phase's first day, or the day it was
 * started if earlier) to the month it ends (its last phase's last day), that has begun. Any other is refused, naming
 * {@code period} and the months there are: before the campaign ({@code PERIOD_BEFORE_CAMPAIGN}), after it
 * ({@code PERIOD_AFTER_CAMPAIGN}) or not begun yet ({@code PERIOD_NOT_BEGUN}).
 */
@Component
public class CampaignPeriods {

    /**
     * A campaign's 考核月份: from the month it began to the newest, the current month or, once the campaign has ended, the
     * month it ended in; none when it begins after this month.
     */
    public record Months(String campaignName, LocalDate firstDay, LocalDate lastDay, LocalDate today) {

        public YearMonth first() {
            return YearMonth.from(firstDay);
        }

        public YearMonth latest() {
            YearMonth current = YearMonth.from(today);
            return lastDay != null && YearMonth.from(lastDay).isBefore(current) ? YearMonth.from(lastDay) : current;
        }

        /** The months, newest first. */
        public List<YearMonth> newestFirst() {
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth m = latest(); !m.isBefore(first()); m = m.minusMonths(1)) {
                months.add(m);
            }
            return months;
        }
    }

    private final CampaignOrganizations campaigns;
    private final ScoreService scores;

    CampaignPeriods(CampaignOrganizations campaigns, ScoreService scores) {
        this.campaigns = campaigns;
        this.scores = scores;
    }

    /** The campaign's 考核月份 as of the engine clock; empty for an unknown campaign. */
    public Optional<Months> months(String campaignCode) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), scores.zone());
        return campaigns.days(campaignCode).filter(d -> d.first() != null)
                .map(d -> new Months(d.name(), d.first(), d.last(), today));
    }

    /**
     * Why the campaign's figures of the 考核期间 {@code periodCode} (one {@link UnitScores#periodProblem} accepts) cannot be
     * asked for; empty when they can (or the campaign is unknown). Callers answer 400.
     */
    public Optional<ApiError> problem(String campaignCode, String periodCode) {
        return ScorePeriod.parse(periodCode.strip()).flatMap(p -> problem(campaignCode, p));
    }

    Optional<ApiError> problem(String campaignCode, ScorePeriod p) {
        Optional<Months> found = months(campaignCode);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Months months = found.get();
        YearMonth first = months.first();
        YearMonth latest = months.latest();
        String choose = latest.isBefore(first) ? "" : "，可选 " + name(first) + "至 " + name(latest);
        String asked = "考核期间 " + p.name() + " ";
        if (!p.until().isAfter(months.firstDay())) {
            return refused("PERIOD_BEFORE_CAMPAIGN", asked + "早于活动“" + months.campaignName() + "”开始的月份（" + name(first) + "）"
                    + choose);
        }
        if (months.lastDay() != null && p.from().isAfter(months.lastDay())) {
            return refused("PERIOD_AFTER_CAMPAIGN", asked + "晚于活动“" + months.campaignName() + "”结束的月份（"
                    + name(YearMonth.from(months.lastDay())) + "）" + choose);
        }
        if (p.from().isAfter(months.today())) {
            return refused("PERIOD_NOT_BEGUN", asked + "尚未开始，还没有可考核的数字" + choose);
        }
        return Optional.empty();
    }

    /** A month as people read it: 2026年3月. */
    public static String name(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    private static Optional<ApiError> refused(String code, String message) {
        return Optional.of(ApiError.field("period", code, message));
    }
}
