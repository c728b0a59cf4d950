package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.util.unit.DataSize;

/**
 * Bounds every request body before anything reads it, authentication included: a declared length
 * over the limit is answered 413 at once, and a body sent without a length stops being read at the
 * limit. A request with no credentials at all (no Authorization header, no session the server issued)
 * gets the small anonymous limit, enough for a login. A call of the engine's APIs ({@code /engine-rest}, the webapps'
 * {@code /camunda/api}) other than a form submission (photos travel in it) or a multipart upload (a deployment) gets
 * the engine limit: a query, a list of ids or a message never needs more, and one of some megabytes (100,000 topics,
 * ids or criteria) held a core, filled the heap or wrote a hundred megabytes of log before any rule of the engine's
 * could refuse it.
 */
class RequestSizeLimit extends HttpFilter {

    private static final String EXCEEDED = RequestSizeLimit.class.getName() + ".exceeded";

    private final RequestSizeProperties limits;
    private final DataSize maxFormSize;

    /** {@code maxFormSize}: where a form submission sent in chunks stops being read (its stated length is checked later). */
    RequestSizeLimit(RequestSizeProperties limits, DataSize maxFormSize) {
        this.limits = limits;
        this.maxFormSize = maxFormSize;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        DataSize limit = anonymous(request) ? limits.maxAnonymousRequestSize()
                : engineCall(request) ? limits.maxEngineRequestSize() : limits.maxRequestSize();
        if (request.getContentLengthLong() > limit.toBytes()) {
            refuse(request, response, limit);
            return;
        }
        if (formSubmission(request) && maxFormSize.toBytes() < limit.toBytes()) {
            limit = maxFormSize;
        }
        try {
            chain.doFilter(new Bounded(request, limit.toBytes()), new SilencedAfterExcess(request, response));
        } catch (IOException | ServletException | RuntimeException e) {
            if (request.getAttribute(EXCEEDED) == null || response.isCommitted()) {
                throw e;
            }
        }
        if (request.getAttribute(EXCEEDED) != null && !response.isCommitted()) {
            response.reset();
            refuse(request, response, limit);
        }
    }

    private static boolean engineCall(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType();
        return (path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) && !formSubmission(request)
                && (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"));
    }

    private static boolean formSubmission(HttpServletRequest request) {
        return FormUploadLimitFilter.FORM_SUBMISSION.matcher(request.getRequestURI()).matches();
    }

    private static boolean anonymous(HttpServletRequest request) {
        // A made-up session cookie is no session: only one the server issued lifts the small limit.
        return request.getHeader("Authorization") == null && !request.isRequestedSessionIdValid();
    }

    /** Answers 413 in the error shape of the API called: Shirong's {@code /api}, or the engine's. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, DataSize limit) throws IOException {
        response.setHeader("Connection", "close");
        String message = "请求内容超过 " + readable(limit) + " 上限。";
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"errors\":[{\"field\":null,\"code\":\"REQUEST_TOO_LARGE\",\"message\":\""
                    + message + "\"}]}");
        } else {
            JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "REQUEST_TOO_LARGE", message);
        }
    }

    static String readable(DataSize size) {
        long bytes = size.toBytes();
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes >= 1_000_000 && bytes % 1_000_000 == 0 ? bytes / 1_000_000 + " MB"
                : bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " 字节";
    }

    /** A response that, once the body went over the limit, ignores whatever error answer the reader makes of it. */
    private static final class SilencedAfterExcess extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        SilencedAfterExcess(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        private boolean silenced() {
            return request.getAttribute(EXCEEDED) != null;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return silenced() ? new Discarding() : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return silenced() ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
        }

        @Override
        public void setStatus(int status) {
            if (!silenced()) {
                super.setStatus(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!silenced()) {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!silenced()) {
                super.sendError(status);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!silenced()) {
                super.flushBuffer();
            }
        }
    }

    private static final class Discarding extends ServletOutputStream {

        @Override
        public void write(int b) {
            // the answer to an over-long body is written by the filter
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // nothing is ever written
        }
    }

    /** A request whose body ends with an error at the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private final class Counting extends ServletInputStream {

            private final ServletInputStream in;
            private long read;

            Counting(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > limit) {
                    setAttribute(EXCEEDED, Boolean.TRUE);
                    throw new IOException("请求内容超过上限");
                }
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
