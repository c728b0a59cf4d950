package org.shirong.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Answers an upload that is over {@code spring.servlet.multipart}'s limits (413, naming the limit) or is not
 * valid multipart (400). Not limited to Shirong's controllers like {@link ApiExceptionHandler}: the servlet
 * reads a multipart body before it knows the controller, and advice restricted to a package does not
 * apply then (Spring answered a bare 413).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(UploadRefusals.class);

    private final MultipartProperties limits;

    UploadRefusals(MultipartProperties limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, List<ApiError>>> refused(MultipartException e, HttpServletRequest request) {
        HttpStatus status;
        ApiError error;
        if (e instanceof MaxUploadSizeExceededException) {
            status = HttpStatus.PAYLOAD_TOO_LARGE;
            error = fileLimitExceeded(e)
                    ? ApiError.field("file", "FILE_TOO_LARGE", "文件超过 " + megabytes(limits.getMaxFileSize()) + " 上限，请缩小或拆分后重新上传")
                    : ApiError.field("file", "REQUEST_TOO_LARGE", "上传内容超过 " + megabytes(limits.getMaxRequestSize()) + " 上限（每个文件不超过 "
                            + megabytes(limits.getMaxFileSize()) + "），请缩小或拆分后重新上传");
        } else {
            status = HttpStatus.BAD_REQUEST;
            error = ApiError.field("file", "MALFORMED_MULTIPART", "上传内容不完整或格式不对（应为 multipart/form-data），请重新上传");
        }
        LOG.info("Refused {} {}: {} {} ({})", request.getMethod(), request.getRequestURI(), status.value(), error.code(),
                rootMessage(e));
        return ResponseEntity.status(status).body(Map.of("errors", List.of(error)));
    }

    /** Tomcat names which limit it hit by the class of the cause: one file's or the whole request's. */
    private static boolean fileLimitExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().startsWith("FileSizeLimitExceeded")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    static String megabytes(DataSize size) {
        return size.toMegabytes() + " MB";
    }
}
