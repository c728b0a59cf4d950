package shirongbench;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * W5: the unit ranking of this month (GET /api/scores, computed over every counted case of the organisation) and the
 * monthly report of a campaign that holds all the closed cases (GET /api/campaigns/{code}/monthly-report, rendered as the
 * report cycle would issue it, not stored) once about {@code closedCases} cases are closed.
 */
final class Reporting {

    record Result(long closedCases, double scoresP95Ms, double monthlyReportP95Ms, Http.Calls calls) {
    }

    private Reporting() {
    }

    static Result run(App shirong, long closedCases, String campaign, int samples) {
        String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        shirong.http.take();
        for (int i = 0; i < samples; i++) {
            shirong.http.get("排名", "chengguan1", shirong.password(), "/api/scores?period=" + period);
            shirong.http.get("月度报告", "chengguan1", shirong.password(), "/api/campaigns/" + campaign + "/monthly-report?period=" + period);
        }
        Http.Calls calls = shirong.http.take();
        return new Result(closedCases, Http.Calls.percentileMs(calls.timings().getOrDefault("排名", List.of()), 95),
                Http.Calls.percentileMs(calls.timings().getOrDefault("月度报告", List.of()), 95), calls);
    }
}
