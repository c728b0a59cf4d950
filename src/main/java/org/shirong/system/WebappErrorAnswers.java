package org.shirong.system;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * The failures of the webapps' own APIs ({@link WebappOwnApis}) answered as Camunda's two mappers answer them, except a
 * call that failed because the database is away: 503 in Chinese with {@code Retry-After}, as {@link DatabaseUnavailable}
 * and {@link EngineErrorAnswers} answer it.
 */
@Provider
public class WebappErrorAnswers implements ExceptionMapper<Throwable> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        if (DatabaseUnavailable.causes(failure)) {
            return DatabaseUnavailable.answer("webapp API", uri.getPath(), failure);
        }
        return ExceptionHandlerHelper.getInstance().getResponse(failure);
    }
}
