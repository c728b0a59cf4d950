package org.shirong.system;

import java.util.List;

/** A request that Shirong refuses as a whole (nothing is saved); answered with 400 and every problem found. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<ApiError> errors;

    public InvalidRequestException(List<ApiError> errors) {
        super(errors.isEmpty() ? "请求无效" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(ApiError error) {
        this(List.of(error));
    }

    public List<ApiError> errors() {
        return errors;
    }
}
