package org.shirong.system;

/** The request is valid but the record's state does not allow it now (e.g. 督办 of a closed case); answered with 409. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
