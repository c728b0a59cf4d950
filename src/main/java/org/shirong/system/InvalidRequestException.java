package org.shirong.system;

import java.util.ArrayList;
import java.util.List;

/**
 * A request that Shirong refuses as a whole (nothing is saved); answered with 400 and the problems found, the first
 * {@value #LISTED} of them and a count of the rest: a file of 10,000 bad rows gets an answer one can read (and send).
 */
public class InvalidRequestException extends RuntimeException {

    static final int LISTED = 200;

    private final transient List<ApiError> errors;

    public InvalidRequestException(List<ApiError> errors) {
        super(errors.isEmpty() ? "请求无效" : errors.get(0).message());
        this.errors = listed(errors);
    }

    public InvalidRequestException(ApiError error) {
        this(List.of(error));
    }

    public List<ApiError> errors() {
        return errors;
    }

    private static List<ApiError> listed(List<ApiError> errors) {
        if (errors.size() <= LISTED) {
            return List.copyOf(errors);
        }
        List<ApiError> shown = new ArrayList<>(errors.subList(0, LISTED));
        shown.add(ApiError.field(null, "MORE_ERRORS", "另有 " + (errors.size() - LISTED) + " 处错误未列出，请改正以上各处后重新提交"));
        return List.copyOf(shown);
    }
}
