package org.shirong.system;

import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: a command refused because of what a person sent — a form field Shirong or the form refused,
 * a request refused as a whole, a record or task someone else saved, claimed or completed a moment before, another organisation's
 * task or process, an id that names no task or execution, a refused variable, password or deployment file
 * ({@link EngineErrorAnswers}) — is logged in one INFO line (who, what, why) instead of the engine's ENGINE-16004
 * ERROR with a full stack trace, which buried
 * real errors. The engine's trace stays available at DEBUG on {@code org.camunda.bpm.engine.context}; every
 * other failure is logged by the engine as before. The engine's authorization check of a task that does not exist
 * (deployed-form of a made-up id) is left to the command's own "No task found" instead of failing with a
 * NullPointerException. An {@link ExpectedFailure} (a mail server that cannot be reached) is logged at DEBUG only. A task
 * given to the same person by two transactions at once ({@link UniqueViolationRaces}, {@link TaskGrantRace}) is one INFO line.
 */
@Component
class RefusalLogging extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLogging.class);
    /** The engine's answer to an execution or process instance id that names none: "execution … doesn't exist". */
    private static final Pattern NO_EXECUTION = Pattern.compile("^execution \\S+ doesn't exist");

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

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getCommandCheckers().replaceAll(checker -> checker.getClass() == AuthorizationCommandChecker.class
                ? new MissingTaskAuthorizationChecker() : checker);
    }

    /** Whether the failure is the person's mistake or a race they lost, not a fault of Shirong or the engine. */
    static boolean isRefusal(Throwable e) {
        return e instanceof FormFieldValidationException || e instanceof InvalidRequestException
                || e instanceof ConflictException || e instanceof TaskAlreadyClaimedException
                || e instanceof NullValueException && e.getMessage() != null
                        && (e.getMessage().contains("task") || NO_EXECUTION.matcher(e.getMessage()).find())
                || EngineErrorAnswers.isRefusal(e);
    }

    /** Camunda's authorization checker, which lets the command answer a task id that names no task as not found. */
    private static final class MissingTaskAuthorizationChecker extends AuthorizationCommandChecker {

        @Override
        protected void checkTaskPermission(TaskEntity task, Permission processDefinitionPermission, Permission taskPermission) {
            if (task != null) {
                super.checkTaskPermission(task, processDefinitionPermission, taskPermission);
            }
        }
    }

    private static final class RefusalAwareContext extends CommandContext {

        RefusalAwareContext(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        @Override
        protected boolean shouldLogInfo(Throwable exception) {
            return !isRefusal(exception) && !ExpectedFailure.in(exception) && super.shouldLogInfo(exception);
        }

        /**
         * Called once as the failed command closes: the refusal's one line here, the engine's trace at DEBUG. A command
         * that lost a race ({@link LostRace}: a task or execution it read was completed or ended meanwhile) is told so in
         * one INFO line too; its caller is answered 409 (EngineConflictAnswers), not an error of Shirong or the engine.
         */
        @Override
        protected boolean shouldLogFine(Throwable exception) {
            if (ExpectedFailure.in(exception)) {
                return true; // told in one line where it happened (ExpectedFailure); the trace at DEBUG
            }
            if (isRefusal(exception)) {
                LOG.info("Refused for {}: {}: {}", user(), exception.getClass().getSimpleName(), oneLine(exception));
                return true;
            }
            if (super.shouldLogFine(exception)) {
                return true;
            }
            CommandInvocationContext invocation = Context.getCommandInvocationContext();
            if (invocation != null && UniqueViolationRaces.givesTask(invocation.getCommand())
                    && UniqueViolationRaces.duplicateGrant(exception)) {
                LOG.info("Lost a race for {}: {} gave the task to the same user or group as another transaction at the same moment"
                        + " (their permission was inserted twice); run again or answered 409", user(),
                        invocation.getCommand().getClass().getSimpleName());
                return true;
            }
            Optional<String> vanished = LostRace.vanished(this);
            vanished.ifPresent(gone -> LOG.info("Lost a race for {}: {} was completed or ended by another transaction meanwhile;"
                    + " failed with {}: {}", user(), gone, exception.getClass().getSimpleName(), oneLine(exception)));
            return vanished.isPresent();
        }

        private String user() {
            return getAuthenticatedUserId() == null ? "anonymous" : getAuthenticatedUserId();
        }

        private static String oneLine(Throwable exception) {
            return String.valueOf(exception.getMessage()).replaceAll("\\R+", " / ");
        }
    }
}
