package org.shirong.system;

import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response.Status;

/**
 * Cockpit's own queries (its plugin API under {@code /camunda/api/cockpit/plugin/…}: process instances, incidents,
 * statistics) do not pass the engine's command chain, so {@link QueryLimitsGuard} never saw them: a {@code like} with
 * three {@code %} on a process variable held a core for seconds again. Each such query, as Cockpit read it from the
 * request, is held to the same limits before it runs (400 in Chinese). Jersey finds this for every one of its
 * applications ({@code META-INF/services}); it acts only on Cockpit's query objects, the engine API being guarded
 * inside the engine.
 */
public class CockpitQueryLimits implements ReaderInterceptor {

    private static final String COCKPIT_QUERIES = "org.camunda.bpm.cockpit.impl.plugin.base.dto.query.";

    /** Registers the limits in each of Jersey's applications as it starts. */
    public static class Discovery implements ForcedAutoDiscoverable {

        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(CockpitQueryLimits.class)) {
                context.register(CockpitQueryLimits.class);
            }
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object read = context.proceed();
        if (read != null && read.getClass().getName().startsWith(COCKPIT_QUERIES)) {
            try {
                QueryLimitsGuard.checkLimits(read);
            } catch (BadUserRequestException refused) {
                throw new InvalidRequestException(Status.BAD_REQUEST, refused.getMessage());
            }
        }
        return read;
    }
}
