package org.shirong.system;

/**
 * The request is fine but cannot be served until an administrator mends a file Shirong runs on (e.g. a dispatch table
 * that gives a category no usable answer); answered with 503 naming the file, never a 500 with a stack trace.
 */
public class UnavailableException extends RuntimeException {

    private final String code;

    public UnavailableException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
