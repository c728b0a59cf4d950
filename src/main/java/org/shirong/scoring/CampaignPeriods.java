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
 * report, and which of them the 驾驶舱 offers: its months, and its quarters and years where its template scores by them
 * (季检查、年考核; {@link Months#offered}). Asked for: a period with days of the campaign, from the month it began (its first phase's first day, or the day it was
 * started if earlier) to the month it ends (its last phase's last day), that has begun. Any other is refused, naming
 * {@code period} and the months there are: before the campaign ({@code PERIOD_BEFORE_CAMPAIGN}), after it
 * ({@code PERIOD_AFTER_CAMPAIGN}) or not begun yet ({@code PERIOD_NOT_BEGUN}).
 */
@Component
public class CampaignPeriods {

    /**
     * A campaign's 考核月份: from the month it began to the newest, the current month or, once the campaign has ended, the
     * month it ended in; none when it begins after this month. {@code quarterly}, {@code yearly}: its template scores by
     * quarter, by year too, so that the 驾驶舱 offers those periods as well.
     */
    public record Months(String campaignName, LocalDate firstDay, LocalDate lastDay, LocalDate today, boolean quarterly,
            boolean yearly) {

        public Months(String campaignName, LocalDate firstDay, LocalDate lastDay, LocalDate today) {
            this(campaignName, firstDay, lastDay, today, false, false);
        }

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

        /**
         * The 考核期间 the 驾驶舱 offers: the months newest first, then (where the template scores by them) the quarters and
         * the years from the one the campaign began in to the one of the newest month, newest first.
         */
        public List<Offered> offered() {
            List<Offered> offered = new ArrayList<>();
            newestFirst().forEach(m -> offered.add(new Offered(m.toString(), name(m), Offered.MONTH)));
            if (latest().isBefore(first())) {
                return offered;
            }
            if (quarterly) {
                for (YearMonth q = quarterStart(latest()); !q.isBefore(quarterStart(first())); q = q.minusMonths(3)) {
                    String code = q.getYear() + "-Q" + ((q.getMonthValue() - 1) / 3 + 1);
                    offered.add(new Offered(code, ScorePeriod.parse(code).orElseThrow().name(), Offered.QUARTER));
                }
            }
            if (yearly) {
                for (int y = latest().getYear(); y >= first().getYear(); y--) {
                    offered.add(new Offered(Integer.toString(y), y + "年度", Offered.YEAR));
                }
            }
            return offered;
        }

        /** Whether the 驾驶舱 offers the period: every month; a quarter or a year where the template scores by them. */
        boolean offers(ScorePeriod p) {
            return p.code().contains("Q") ? quarterly : p.code().length() == 4 ? yearly : true;
        }

        private static YearMonth quarterStart(YearMonth m) {
            return YearMonth.of(m.getYear(), (m.getMonthValue() - 1) / 3 * 3 + 1);
        }
    }

    /** A 考核期间 the 驾驶舱 offers: 2026-12 2026年12月 MONTH, 2026-Q4 2026年第四季度 QUARTER, 2026 2026年度 YEAR. */
    public record Offered(String code, String name, String kind) {
        static final String MONTH = "MONTH";
        static final String QUARTER = "QUARTER";
        static final String YEAR = "YEAR";
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
                .map(d -> new Months(d.name(), d.first(), d.last(), today, d.quarterly(), d.yearly()));
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

    /**
     * As {@link #problem(String, String)}, for the 驾驶舱, which offers a quarter or a year only where the campaign's template
     * scores by them ({@code PERIOD_NOT_OFFERED}, naming what it offers).
     */
    public Optional<ApiError> dashboardProblem(String campaignCode, String periodCode) {
        Optional<ApiError> problem = problem(campaignCode, periodCode);
        if (problem.isPresent()) {
            return problem;
        }
        Optional<ScorePeriod> p = ScorePeriod.parse(periodCode.strip());
        Optional<Months> months = months(campaignCode);
        if (p.isEmpty() || months.isEmpty() || months.get().offers(p.get())) {
            return Optional.empty();
        }
        Months m = months.get();
        return refused("PERIOD_NOT_OFFERED", "考核期间 " + p.get().name() + " 不可选：活动“" + m.campaignName() + "”的驾驶舱按月"
                + (m.quarterly() ? "、按季度" : "") + (m.yearly() ? "、按年度" : "") + "查看，格式应为 2026-05"
                + (m.quarterly() ? "（月）、2026-Q2（季度）" : "") + (m.yearly() ? (m.quarterly() ? "" : "（月）") + "、2026（年）" : ""));
    }

    /** A month as people read it: 2026年3月. */
    public static String name(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    private static Optional<ApiError> refused(String code, String message) {
        return Optional.of(ApiError.field("period", code, message));
    }
}
