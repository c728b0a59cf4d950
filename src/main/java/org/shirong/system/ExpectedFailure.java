package org.shirong.system;

/**
 * A failure that is expected now and then and handled where it happens — a mail server that cannot be reached — whose
 * code has logged it in one WARN line and whose job retries on its cycle into an incident. The engine logs it at DEBUG
 * instead of an ERROR ENGINE-16004 and a WARN ENGINE-14006 with a full stack trace each attempt ({@link RefusalLogging},
 * {@link ExpectedFailureLogging}). Its message becomes the incident's text, so it is written in Chinese.
 */
public class ExpectedFailure extends RuntimeException {

    public ExpectedFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the failure, or one it wraps (the engine wraps a job's failure), is expected. */
    public static boolean in(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof ExpectedFailure) {
                return true;
            }
        }
        return false;
    }
}
