package org.shirong.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.SQLException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Answers every refused call to {@code /api} as {@code {"errors":[{field|row, code, message}]}} in Chinese, and
 * logs it as what it is: a caller's mistake or a race in one INFO line, never an ERROR with a stack trace.
 */
@RestControllerAdvice(basePackages = "org.shirong")
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String RACE_MESSAGE = "该任务或记录已被他人处理，请刷新后重试";

    private final IdentityService identityService;

    ApiExceptionHandler(IdentityService identityService) {
        this.identityService = identityService;
    }

    private ResponseEntity<Map<String, List<ApiError>>> refused(HttpServletRequest request, HttpStatus status,
            List<ApiError> errors) {
        return refused(request, status, errors, "");
    }

    private ResponseEntity<Map<String, List<ApiError>>> refused(HttpServletRequest request, HttpStatus status,
            List<ApiError> errors, String cause) {
        Authentication user = identityService.getCurrentAuthentication();
        LOG.info("Refused {} {} for {}: {} {}{}", request.getMethod(), request.getRequestURI(),
                user == null ? "anonymous" : user.getUserId(), status.value(),
                errors.stream().limit(3).map(e -> e.code() + (e.field() != null ? " " + e.field() : "")
                        + (e.row() != null ? " row " + e.row() : "")).collect(Collectors.joining(", "))
                        + (errors.size() > 3 ? " and " + (errors.size() - 3) + " more" : ""), cause);
        return ResponseEntity.status(status).body(Map.of("errors", errors));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Map<String, List<ApiError>>> invalid(InvalidRequestException e, HttpServletRequest request) {
        return refused(request, HttpStatus.BAD_REQUEST, e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, List<ApiError>>> notFound(NotFoundException e, HttpServletRequest request) {
        return refused(request, HttpStatus.NOT_FOUND, List.of(ApiError.field(null, e.code(), e.getMessage())));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Map<String, List<ApiError>>> forbidden(ForbiddenException e, HttpServletRequest request) {
        return refused(request, HttpStatus.FORBIDDEN, e.errors());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, List<ApiError>>> conflict(ConflictException e, HttpServletRequest request) {
        return refused(request, HttpStatus.CONFLICT, List.of(ApiError.field(null, e.code(), e.getMessage())));
    }

    /** Not the caller's mistake but a file the administrator must mend: one WARN line naming it, 503 in Chinese. */
    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<Map<String, List<ApiError>>> unavailable(UnavailableException e, HttpServletRequest request) {
        LOG.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return refused(request, HttpStatus.SERVICE_UNAVAILABLE, List.of(ApiError.field(null, e.code(), e.getMessage())));
    }

    /**
     * A body that is not JSON, or a value of the wrong type: named by its path (e.g. {@code dates.start}) when known; a
     * field the endpoint does not read ({@link KnownFieldsOnly}) is named with those it does.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, List<ApiError>>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining("、"));
            return refused(request, HttpStatus.BAD_REQUEST, List.of(ApiError.field(path(unknown.getPath()), "UNKNOWN_FIELD",
                    "不认识的字段 " + unknown.getPropertyName() + "，请求未执行" + (known.isEmpty() ? "" : "。这里可用的字段：" + known))));
        }
        String field = e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? path(mapping.getPath()) : null;
        String message = field == null ? "请求内容不是有效的 JSON，或字段类型不对"
                : "字段 " + field + " 的值无效（类型或格式不对，日期应写成 2026-12-01 这样）";
        return refused(request, HttpStatus.BAD_REQUEST, List.of(ApiError.field(field, "MALFORMED_JSON", message)));
    }

    /** A JSON path as a message names it: {@code dates.start}, {@code lines[2].unit}. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<Map<String, List<ApiError>>> missing(Exception e, HttpServletRequest request) {
        String name = e instanceof MissingServletRequestParameterException p ? p.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        return refused(request, HttpStatus.BAD_REQUEST, List.of(ApiError.field(name, "REQUIRED", "缺少参数 " + name)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, List<ApiError>>> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return refused(request, HttpStatus.BAD_REQUEST, List.of(ApiError.field(e.getName(), "INVALID_VALUE",
                "参数 " + e.getName() + " 的值 \"" + e.getValue() + "\" 无效" + choices(e.getRequiredType()))));
    }

    /** "，可选值：REPORTED（已立案）、…" for a parameter of an enum type, so that the caller need not guess; else nothing. */
    private static String choices(Class<?> type) {
        if (type == null || !type.isEnum()) {
            return "";
        }
        return java.util.Arrays.stream(type.getEnumConstants()).map(v -> ((Enum<?>) v).name()
                + (v instanceof Labelled l ? "（" + l.label() + "）" : "")).collect(Collectors.joining("、", "，可选值：", ""));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, List<ApiError>>> forbidden(AuthorizationException e, HttpServletRequest request) {
        return refused(request, HttpStatus.FORBIDDEN, List.of(ApiError.field(null, "FORBIDDEN", "没有执行此操作的权限")));
    }

    /**
     * Two people acting on the same task or record at once (the engine's optimistic lock, a claimed task, the same
     * external reference imported twice at once, a row lock given up — H2 reports its lock timeout as a query
     * timeout): the later one is told, nothing of theirs saved.
     */
    @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class, DuplicateKeyException.class,
            ConcurrencyFailureException.class, QueryTimeoutException.class})
    ResponseEntity<Map<String, List<ApiError>>> race(Exception e, HttpServletRequest request) {
        return refused(request, HttpStatus.CONFLICT, List.of(ApiError.field(null, "CONFLICT", RACE_MESSAGE)),
                " (" + e.getClass().getSimpleName() + ")");
    }

    /**
     * Text the database cannot take: a NUL (PostgreSQL neither stores nor looks up text with one; H2 does) in a value used
     * as a look-up key, or text longer than its column. The caller's input, whichever field it came in; other integrity
     * failures stay server faults.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Map<String, List<ApiError>>> unstorable(DataIntegrityViolationException e, HttpServletRequest request) {
        if (sqlState(e, "22021")) {
            return refused(request, HttpStatus.BAD_REQUEST, List.of(ApiError.field(null, "INVALID_CHARACTER",
                    "请求中的文字含有 NUL 字符（U+0000），请去掉后重试")));
        }
        if (sqlState(e, "22001")) {
            // the caller's text as a rule, but a text Shirong composes itself could also overflow: keep the database's words
            LOG.warn("Text longer than its column in {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getMostSpecificCause().getMessage());
            return refused(request, HttpStatus.BAD_REQUEST, List.of(ApiError.field(null, "TOO_LONG",
                    "请求中的文字过长，超过了可保存的长度，请缩短后重试")));
        }
        throw e;
    }

    private static boolean sqlState(Throwable failure, String state) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The engine's "task is null" / "Cannot find task": the task was completed by someone else a moment
     * before, which is a race (409); any other missing value is a fault and stays a 500 with its trace.
     */
    @ExceptionHandler(NullValueException.class)
    ResponseEntity<Map<String, List<ApiError>>> gone(NullValueException e, HttpServletRequest request) throws NullValueException {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase();
        if (!message.contains("task")) {
            throw e;
        }
        return refused(request, HttpStatus.CONFLICT, List.of(ApiError.field(null, "CONFLICT", RACE_MESSAGE)),
                " (" + e.getClass().getSimpleName() + ")");
    }
}
