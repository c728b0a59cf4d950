package org.shirong.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Notes on the request that the engine API read its JSON body as {@code null}, so that {@link EngineErrorAnswers}
 * answers what then fails for want of one (most of Camunda's resources use the body unchecked: a NullPointerException,
 * answered 500 and logged with its stack) with 400 "请求正文不能为空". Decided on the body as read, whatever its
 * spelling; a resource that takes a missing body as meaning "all" (a redeployment) still does.
 * Registered for both engine APIs with {@link EngineErrorAnswers}.
 */
@Provider
public class NullRequestBody implements ReaderInterceptor {

    private static final String READ_AS_NULL = NullRequestBody.class.getName() + ".readAsNull";

    @Context
    private HttpServletRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null) {
            request.setAttribute(READ_AS_NULL, Boolean.TRUE);
        }
        return body;
    }

    /** Whether the request's body was read, as {@code null}. */
    static boolean readIn(HttpServletRequest request) {
        return request != null && request.getAttribute(READ_AS_NULL) != null;
    }
}
