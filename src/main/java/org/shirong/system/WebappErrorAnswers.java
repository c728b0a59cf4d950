package org.shirong.system;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * The failures of the webapps' own APIs ({@link WebappOwnApis}) answered as Camunda's two mappers answer them, except a
 * call that failed because the database is away: 503 in Chinese with {@code Retry-After}, as {@link DatabaseUnavailable}
 * and {@link EngineErrorAnswers} answer it; a body Jackson could not read (Cockpit's queries) or a sort the query does not
 * know: 400 JSON in Chinese naming the field, as the engine API answers them (Jersey's Jackson mappers answered English
 * text naming Camunda's classes; secreview-s57 S3).
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
        String unreadable = EngineErrorAnswers.unreadableBody(failure);
        if (unreadable != null) {
            return ExceptionHandlerHelper.getInstance().getResponse(new InvalidRequestException(Status.BAD_REQUEST, unreadable));
        }
        if (EngineErrorAnswers.unknownOrder(failure)) {
            return ExceptionHandlerHelper.getInstance().getResponse(new InvalidRequestException(Status.BAD_REQUEST,
                    EngineErrorAnswers.UNKNOWN_ORDER_ANSWER));
        }
        return ExceptionHandlerHelper.getInstance().getResponse(failure);
    }
}
