package org.shirong.system;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Answers every refused call to {@code /api} as {@code {"errors":[{field|row, code, message}]}} in Chinese. */
@RestControllerAdvice(basePackages = "org.shirong")
class ApiExceptionHandler {

    private static ResponseEntity<Map<String, List<ApiError>>> body(HttpStatus status, List<ApiError> errors) {
        return ResponseEntity.status(status).body(Map.of("errors", errors));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Map<String, List<ApiError>>> invalid(InvalidRequestException e) {
        return body(HttpStatus.BAD_REQUEST, e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, List<ApiError>>> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, List.of(ApiError.field(null, e.code(), e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, List<ApiError>>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, List.of(ApiError.field(null, "MALFORMED_JSON", "请求内容不是有效的 JSON，或字段类型不对")));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<Map<String, List<ApiError>>> missing(Exception e) {
        String name = e instanceof MissingServletRequestParameterException p ? p.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        return body(HttpStatus.BAD_REQUEST, List.of(ApiError.field(name, "REQUIRED", "缺少参数 " + name)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, List<ApiError>>> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, List.of(ApiError.field(e.getName(), "INVALID_VALUE",
                "参数 " + e.getName() + " 的值 \"" + e.getValue() + "\" 无效")));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, List<ApiError>>> tooLarge(MaxUploadSizeExceededException e) {
        return body(HttpStatus.BAD_REQUEST, List.of(ApiError.field("file", "FILE_TOO_LARGE", "上传的文件过大")));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, List<ApiError>>> forbidden(AuthorizationException e) {
        return body(HttpStatus.FORBIDDEN, List.of(ApiError.field(null, "FORBIDDEN", "没有执行此操作的权限")));
    }
}
