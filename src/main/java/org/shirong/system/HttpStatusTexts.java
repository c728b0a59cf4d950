package org.shirong.system;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The Chinese code and message for an HTTP error that no part of Shirong answered itself: an address that does not
 * exist, a request Tomcat refused before any of Shirong saw it, an exception nothing caught.
 */
final class HttpStatusTexts {

    /** The webapps' login form (Tasklist, Cockpit, Admin): its 401 is a wrong user name or password, not "log in first". */
    private static final Pattern WEBAPP_LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+");

    private HttpStatusTexts() {
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "SERVER_ERROR" : "REQUEST_REFUSED";
        };
    }

    /**
     * A request method the address does not take: names the method, the address and, when known, the methods it takes
     * ({@code 此地址不接受 DELETE 请求：/api/campaigns/JT-X6（可用：GET）}).
     */
    static String methodNotAllowed(String method, String path, Collection<String> supported) {
        String address = path == null || path.isBlank() ? "" : "：" + path;
        String allowed = supported == null || supported.isEmpty() ? "" : "（可用：" + String.join("、", supported) + "）";
        return "此地址不接受 " + method + " 请求" + address + allowed;
    }

    /** {@code path} null: Tomcat refused the request before anything read its address. */
    static String message(int status, String path) {
        String address = path == null || path.isBlank() ? "" : "：" + path;
        return switch (status) {
            case 400 -> path == null ? "请求格式不正确（如网址中含 %00、不完整的 % 编码或编码过的斜杠），请检查后重试"
                    : "请求格式不正确" + address;
            case 401 -> path != null && WEBAPP_LOGIN.matcher(path).matches() ? "用户名或密码错误" : "请先登录";
            case 403 -> "没有权限" + address;
            case 404 -> "没有这个地址" + address;
            case 405 -> "此地址不接受这种请求方式" + address;
            case 406 -> "无法以请求的格式答复" + address;
            case 413 -> "请求内容过大";
            case 415 -> "不支持这种内容类型" + address;
            default -> status >= 500 ? "服务器未能完成此请求，请稍后再试；仍然出错时请联系系统管理员，并告知出错的时间"
                    : "请求未能完成（HTTP " + status + "）";
        };
    }
}
