package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Refuses a task or start form submission larger than {@code shirong.rectification.max-form-bytes} before it is
 * read, with 413 and a Chinese message naming the limits. Photos travel inside the JSON as Base64; without this a
 * photo of 16 MB or more was refused by the JSON reader's string limit with an English text, and smaller ones were
 * read whole before the form's own check. A submission sent in chunks, with no length to check here, stops being read
 * at the same limit ({@link RequestSizeLimit}).
 */
class FormUploadLimitFilter extends HttpFilter {

    static final Pattern FORM_SUBMISSION = Pattern.compile(".*/(task/[^/]+/(complete|submit-form|resolve)"
            + "|process-definition/.+/(submit-form|start))$");

    private final long maxFormBytes;
    private final long maxPhotoBytes;

    FormUploadLimitFilter(long maxFormBytes, long maxPhotoBytes) {
        this.maxFormBytes = maxFormBytes;
        this.maxPhotoBytes = maxPhotoBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > maxFormBytes
                && FORM_SUBMISSION.matcher(request.getRequestURI()).matches()) {
            JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "FORM_TOO_LARGE",
                    "提交的内容超过 %d MB 上限：每张照片不能超过 %d MB，请缩小照片后重新提交"
                            .formatted(maxFormBytes / 1_000_000, maxPhotoBytes / 1_000_000));
            return;
        }
        chain.doFilter(request, response);
    }
}
