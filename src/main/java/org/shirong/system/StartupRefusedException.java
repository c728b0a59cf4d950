package org.shirong.system;

/**
 * Start-up cannot go on because of something the operator must fix (a broken process file, a bad
 * organisation file, a missing admin password). Reported by {@link StartupRefusedFailureAnalyzer}
 * as one clear message instead of a stack trace.
 */
public class StartupRefusedException extends RuntimeException {

    private final String action;

    public StartupRefusedException(String description, String action) {
        super(description);
        this.action = action;
    }

    public StartupRefusedException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
