package shirongbench;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

final class Bench {

    private Bench() {
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the database has no job due (the application's background work is done); false at the timeout. */
    static boolean drained(JdbcTemplate jdbc, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            long due = jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
                    + " and (duedate_ is null or duedate_ <= now())", Long.class);
            quiet = due == 0 ? quiet + 1 : 0;
            if (quiet >= 3) {
                return true;
            }
            sleep(300);
        }
        return false;
    }
}
