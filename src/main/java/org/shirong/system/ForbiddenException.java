package org.shirong.system;

import java.util.List;

/**
 * The caller may not see or do this (e.g. read another unit's case); answered with 403 and the reason, or with the
 * fields (import rows) holding what the caller may not set, each named ({@link #ForbiddenException(List)}).
 */
public class ForbiddenException extends RuntimeException {

    private final String code;
    private final List<ApiError> errors;

    public ForbiddenException(String code, String message) {
        super(message);
        this.code = code;
        this.errors = List.of(ApiError.field(null, code, message));
    }

    /** Refused for the values named in {@code errors} (at least one), which the caller may not set. */
    public ForbiddenException(List<ApiError> errors) {
        super(errors.get(0).message());
        this.code = errors.get(0).code();
        this.errors = List.copyOf(errors);
    }

    public String code() {
        return code;
    }

    public List<ApiError> errors() {
        return errors;
    }
}
