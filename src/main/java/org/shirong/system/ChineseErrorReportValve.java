package org.shirong.system;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Answers what Tomcat refuses before any of Shirong sees the request (a path with {@code %00}, an incomplete
 * {@code %} escape, an encoded slash or backslash) as Chinese JSON like the rest of the API, where Tomcat's own page
 * was English HTML. The checks before writing are Tomcat's own: nothing is written over an answer already begun.
 */
final class ChineseErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String code = HttpStatusTexts.code(status);
        String message = HttpStatusTexts.message(status, null);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + message
                        + "\",\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGone) {
            // nothing more can reach the client
        }
    }
}
