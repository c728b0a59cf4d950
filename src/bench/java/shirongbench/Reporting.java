package shirongbench;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * W5: the unit ranking of this month (GET /api/scores, computed over every counted case of the organisation; the
 * monthly report is issued from the same ranking by the campaign's cycle, not over HTTP) once about
 * {@code closedCases} cases are closed.
 */
final class Reporting {

    record Result(long closedCases, double scoresP95Ms, Http.Calls calls) {
    }

    private Reporting() {
    }

    static Result run(App shirong, long closedCases, int samples) {
        String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        shirong.http.take();
        for (int i = 0; i < samples; i++) {
            shirong.http.get("排名", "chengguan1", shirong.password(), "/api/scores?period=" + period);
        }
        Http.Calls calls = shirong.http.take();
        return new Result(closedCases, Http.Calls.percentileMs(calls.timings().getOrDefault("排名", List.of()), 95), calls);
    }
}
