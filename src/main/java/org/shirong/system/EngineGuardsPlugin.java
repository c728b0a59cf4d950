package org.shirong.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Installs Shirong's guards inside the engine, where every endpoint's request ends up as a command:
 * no expressions in queries and no unbounded patterns or lists in staff's queries, no routing or deadlines changed by
 * staff (the form fields of a staff completion checked inside the completion's own command context), tasks worked on and
 * read by id only by those they are still given to, notes (备注) only on a task the caller may work on
 * and read only by those who may read it, no one else's
 * e-mail address and no other organisation's groups for staff, no other organisation's history statistics, the running
 * figures only for those who read a whole organisation ({@link RunningFiguresGuard}), no
 * administrators' operations in the operation log for staff, throttled logins, cached identities (and the start-up
 * fingerprint) forgotten when identities change; and expressions that see only the beans written for the processes
 * ({@link ExpressionBeans}).
 */
@Component
class EngineGuardsPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;
    private final LoginThrottle loginThrottle;
    private final AuthenticatedIdentities identities;
    private final StartupFingerprintStore fingerprints;
    private final DateWindow days;
    private final EveryTaskReaders everyTaskReaders;
    private final ExpressionBeans expressionBeans;

    EngineGuardsPlugin(ApplicationContext applicationContext, LoginThrottle loginThrottle, AuthenticatedIdentities identities,
            StartupFingerprintStore fingerprints, DateWindow days, EveryTaskReaders everyTaskReaders, ExpressionBeans expressionBeans) {
        this.expressionBeans = expressionBeans;
        this.days = days;
        this.everyTaskReaders = everyTaskReaders;
        this.applicationContext = applicationContext;
        this.loginThrottle = loginThrottle;
        this.identities = identities;
        this.fingerprints = fingerprints;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Expressions (and scripts) see only the beans written for the processes, not every bean of the application.
        configuration.setBeans(expressionBeans.forEngine());
        configuration.setExpressionManager(new QueryExpressionFreeExpressionManager(applicationContext, configuration.getBeans()));
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new LoginThrottleInterceptor(loginThrottle, configuration));
        interceptors.add(new IdentityChangeInterceptor(identities, fingerprints));
        interceptors.add(new QueryExpressionGuard());
        interceptors.add(new QueryLimitsGuard(configuration));
        interceptors.add(new DefinitionVersionsPage(configuration));
        interceptors.add(new HistoricStatisticsTenantGuard());
        interceptors.add(new RunningFiguresGuard(configuration, applicationContext));
        interceptors.add(new AdminOperationLogGuard(configuration));
        // Before StaffCommandGuard: starting in an organisation one does not belong to is refused as that.
        interceptors.add(new TenantWorkGuard(configuration, applicationContext));
        interceptors.add(new StaffCommandGuard(configuration));
        interceptors.add(new OthersEmailGuard(configuration));
        interceptors.add(new OwnOrganizationGroups(configuration, identities));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        List<CommandInterceptor> inContext = new ArrayList<>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
            inContext.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        // Before the form's check: whom the task is no longer for learns nothing of its form.
        inContext.add(new TaskWorkerGuard(everyTaskReaders));
        inContext.add(new SubmittedFieldsGuard(days, applicationContext));
        inContext.add(new TaskCommentGuard());
        inContext.add(new MembershipChecks());
        // a start form's options that change while it stays deployed (a 临时会议's 所属活动), as the form is read
        inContext.add(new LiveStartFormOptions(applicationContext));
        // a task form's figures as of the moment it is opened (the 督办 box), not as of the task's creation
        inContext.add(new LiveTaskFormValues(applicationContext));
        // a task's select leaves out what does not fit that task (the unit that has just handed the case back)
        inContext.add(new LiveTaskForms(applicationContext));
        configuration.setCustomPostCommandInterceptorsTxRequired(inContext);
    }
}
