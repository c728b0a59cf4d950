package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine API's file answers ({@code …/data} of variables, historic variables and details, task attachments and
 * deployment resources, on {@code /engine-rest} and the webapps' {@code /camunda/api/engine}) are downloads, never pages
 * of Shirong's origin (secreview-s57 S2). Told apart by the answer, not the address: an answer the engine gives a
 * {@code Content-Disposition}, or whose type is not JSON, leaves as {@code attachment} with its name encoded per RFC
 * 6266/5987 (the engine writes the raw Chinese name, which Tomcat drops with the whole header, so the file rendered
 * inline), {@code X-Content-Type-Options: nosniff} and {@code Content-Security-Policy: sandbox; default-src 'none'}
 * (replacing the webapps' page policy). The type stays the engine's: Tasklist reads a deployed embedded form
 * ({@code text/html}) by XHR, which neither header changes. Every engine answer carries nosniff.
 */
class EngineDataHeaders extends HttpFilter {

    static final String DISPOSITION = "Content-Disposition";
    static final String SANDBOX = "sandbox; default-src 'none'";
    private static final Pattern ENCODED_NAME = Pattern.compile("filename\\*\\s*=\\s*UTF-8''([^;\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED_NAME = Pattern.compile("filename\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN_NAME = Pattern.compile("filename\\s*=\\s*([^;\"]+)", Pattern.CASE_INSENSITIVE);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(ContentHeaders.NOSNIFF, "nosniff");
        Declared declared = new Declared(response);
        try {
            chain.doFilter(request, declared);
        } finally {
            declared.declare();
        }
    }

    /** {@code attachment} with {@code name} per RFC 6266: an ASCII {@code filename} and the UTF-8 {@code filename*}. */
    static String attachment(String name) {
        String cleaned = FileNames.stored(name, "");
        if (cleaned.isEmpty()) {
            return "attachment";
        }
        int dot = cleaned.lastIndexOf('.');
        String extension = dot >= 0 ? cleaned.substring(dot).replaceAll("[^A-Za-z0-9.]", "") : "";
        String ascii = cleaned.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? cleaned.replaceAll("[\"\\\\;%]", "_") : "file" + extension;
        String encoded = URLEncoder.encode(cleaned, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** The file name in the engine's header value, or null: {@code filename*} first, then the quoted or plain {@code filename}. */
    static String fileName(String disposition) {
        Matcher encoded = ENCODED_NAME.matcher(disposition);
        if (encoded.find()) {
            try {
                return java.net.URLDecoder.decode(encoded.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException broken) {
                // fall through to the plain name
            }
        }
        Matcher quoted = QUOTED_NAME.matcher(disposition);
        if (quoted.find()) {
            return quoted.group(1).replaceAll("\\\\(.)", "$1");
        }
        Matcher plain = PLAIN_NAME.matcher(disposition);
        return plain.find() ? plain.group(1).strip() : null;
    }

    /** The response, which holds back the engine's disposition and declares the answer once its body begins (or it ends). */
    private static final class Declared extends HttpServletResponseWrapper {

        private String disposition;
        private boolean declared;

        Declared(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (DISPOSITION.equalsIgnoreCase(name)) {
                disposition = value;
                return;
            }
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (DISPOSITION.equalsIgnoreCase(name)) {
                disposition = value;
                return;
            }
            if (ContentHeaders.NOSNIFF.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
                return;
            }
            super.addHeader(name, value);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            declare();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            declare();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            declare();
            super.flushBuffer();
        }

        void declare() {
            if (declared || isCommitted()) {
                return;
            }
            declared = true;
            String type = getContentType();
            boolean file = disposition != null || (type != null && !type.toLowerCase(Locale.ROOT).contains("json"));
            if (!file) {
                return;
            }
            super.setHeader(DISPOSITION, attachment(disposition == null ? null : fileName(disposition)));
            super.setHeader(ContentHeaders.POLICY, SANDBOX);
        }
    }
}
