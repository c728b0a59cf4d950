package org.shirong.system;

/** The requested record does not exist (or the caller may not see it); answered with 404. */
public class NotFoundException extends RuntimeException {

    private final String code;

    public NotFoundException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
