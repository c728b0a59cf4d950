package org.shirong.system;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with a request to Shirong's own API: the field (or import row and column) it concerns,
 * a stable code for programs and a Chinese message for people.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String field, Integer row, String column, String code, String message) {

    public static ApiError field(String field, String code, String message) {
        return new ApiError(field, null, null, code, message);
    }

    public static ApiError row(int row, String column, String code, String message) {
        return new ApiError(null, row, column, code, message);
    }
}
