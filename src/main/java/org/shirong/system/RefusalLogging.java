package org.shirong.system;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: a command refused because of what a person sent — a form field Shirong or the form refused,
 * a request refused as a whole, a task someone else claimed or completed a moment before, another organisation's
 * task or process, a refused variable, password or deployment file ({@link EngineErrorAnswers}) — is logged in one
 * INFO line (who, what, why) instead of the engine's ENGINE-16004 ERROR with a full stack trace, which buried
 * real errors. The engine's trace stays available at DEBUG on {@code org.camunda.bpm.engine.context}; every
 * other failure is logged by the engine as before.
 */
@Component
class RefusalLogging extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLogging.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandContextFactory factory = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new RefusalAwareContext(processEngineConfiguration);
            }
        };
        factory.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(factory);
    }

    /** Whether the failure is the person's mistake or a race they lost, not a fault of Shirong or the engine. */
    static boolean isRefusal(Throwable e) {
        return e instanceof FormFieldValidationException || e instanceof InvalidRequestException
                || e instanceof TaskAlreadyClaimedException
                || e instanceof NullValueException && e.getMessage() != null && e.getMessage().contains("task")
                || EngineErrorAnswers.isRefusal(e);
    }

    private static final class RefusalAwareContext extends CommandContext {

        RefusalAwareContext(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        @Override
        protected boolean shouldLogInfo(Throwable exception) {
            return !isRefusal(exception) && super.shouldLogInfo(exception);
        }

        /** Called once as the failed command closes: the refusal's one line here, the engine's trace at DEBUG. */
        @Override
        protected boolean shouldLogFine(Throwable exception) {
            if (isRefusal(exception)) {
                LOG.info("Refused for {}: {}: {}", getAuthenticatedUserId() == null ? "anonymous" : getAuthenticatedUserId(),
                        exception.getClass().getSimpleName(), String.valueOf(exception.getMessage()).replaceAll("\\R+", " / "));
                return true;
            }
            return super.shouldLogFine(exception);
        }
    }
}
