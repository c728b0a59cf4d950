package org.shirong.rectification;

import java.time.Duration;
import org.shirong.system.ForegroundRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An import gives way to the people using this node (issue 13, W2): before reading a chunk, before each row's start and
 * before the chunk's flush checks and orders its writes and before each part of it (50 rows written), its workers wait
 * while a request is being answered ({@link ForegroundRequests}), a single report, a task list, anything but another
 * import's upload. The workers kept both cores and the database busy, so a report sent during an import took two to
 * three times as long as without one. A request holds an import back at most {@code import-yield-max-ms} from when it
 * began, and one wait lasts no longer, so an import always goes on. While they wait the workers hold a connection
 * each and, after a chunk's first row, its new rows (case numbers come from a sequence): only a report with the external
 * reference of a row being imported waits for that chunk's commit.
 */
@Component
class ImportGivesWay {

    private final ForegroundRequests requests;
    private final Duration longest;

    ImportGivesWay(ForegroundRequests requests, @Value("${shirong.rectification.import-yield-max-ms:1000}") long longestMillis) {
        this.requests = requests;
        this.longest = Duration.ofMillis(longestMillis);
    }

    /** Returns once no request is being answered on this node, or after the longest wait. */
    void awaitNoRequest() {
        requests.awaitNone(longest);
    }

    /** Runs an import's worker: within it, the engine also gives way before each part of a chunk's flush. */
    <T> T asWorker(java.util.function.Supplier<T> work) {
        return requests.asBackground(longest, work);
    }
}
