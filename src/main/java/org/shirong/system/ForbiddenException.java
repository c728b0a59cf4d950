package org.shirong.system;

/** The caller may not see or do this (e.g. read another unit's case); answered with 403 and the reason. */
public class ForbiddenException extends RuntimeException {

    private final String code;

    public ForbiddenException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
