package org.shirong.rectification;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A person's single report ({@code POST /api/cases}) goes before an import's next row (issue 13, W2): the import's
 * workers keep both cores busy, so a report sent during an import took twice as long as without one. Before each row,
 * an import waits while single reports are being made on this node, at most {@code import-yield-max-ms} at a time so
 * that a steady stream of reports cannot hold an import for ever. The import holds nothing a report needs (case numbers
 * come from a sequence), so waiting costs the report nothing.
 */
@Component
class SingleReportsFirst {

    private final AtomicInteger reporting = new AtomicInteger();
    private final Object reportsDone = new Object();
    private final long maxWaitNanos;

    SingleReportsFirst(@Value("${shirong.rectification.import-yield-max-ms:2000}") long maxWaitMillis) {
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
    }

    /** Makes a single report; imports on this node wait until it is done. */
    <T> T report(Supplier<T> report) {
        reporting.incrementAndGet();
        try {
            return report.get();
        } finally {
            if (reporting.decrementAndGet() == 0) {
                synchronized (reportsDone) {
                    reportsDone.notifyAll();
                }
            }
        }
    }

    /** Called by an import before each row: returns once no single report is being made, or after the longest wait. */
    void awaitNoReport() {
        if (reporting.get() == 0) {
            return;
        }
        long until = System.nanoTime() + maxWaitNanos;
        synchronized (reportsDone) {
            for (long left = maxWaitNanos; reporting.get() > 0 && left > 0; left = until - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(reportsDone, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
