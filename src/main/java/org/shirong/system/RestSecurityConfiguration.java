package org.shirong.system;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP Basic authentication against Camunda's identity service for {@code /engine-rest}, the
 * project's own {@code /api} (see {@link ApiAuthenticationFilter}), both reusing a user's check for a short time
 * ({@link AuthenticatedIdentities}); webapp sessions that end when their user's password changes
 * ({@link SessionCredentials}); the client address, the body limit and the refusal of other sites' forms
 * ({@link CrossSiteRequestGuard}) before anything else; the filters that give the engine's answers Chinese messages and proper
 * statuses, and keep other people's e-mail addresses out of the directory. The guards against
 * expressions in queries and staff rewriting routing sit in the engine ({@link EngineGuardsPlugin}).
 */
@Configuration(proxyBeanMethods = false)
class RestSecurityConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter(ProcessEngine engine,
            AuthenticatedIdentities identities, LoginThrottle throttle) {
        var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(
                new CachedIdentityRestFilter(engine, identities, throttle));
        registration.setName("shirong-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * Outermost, for every path and for async and error dispatches: each request starts and ends with no user on its
     * thread, so a path outside the login filters is anonymous whatever an earlier request on the same thread left.
     */
    @Bean
    FilterRegistrationBean<RequestAuthenticationReset> requestAuthenticationReset(IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new RequestAuthenticationReset(identityService));
        registration.setName("shirong-request-authentication-reset");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ASYNC,
                jakarta.servlet.DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    SessionCredentials sessionCredentials(ProcessEngine engine, AuthenticatedIdentities identities) {
        return new SessionCredentials(engine.getIdentityService(), identities, engine.getName());
    }

    /** Before the webapps' own authentication filter, which Camunda registers after the application's filters. */
    @Bean
    FilterRegistrationBean<WebappSessionCredentialsFilter> webappSessionCredentialsFilter(ProcessEngine engine,
            SessionCredentials sessions) {
        var registration = new FilterRegistrationBean<>(new WebappSessionCredentialsFilter(sessions, engine.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(ProcessEngine engine,
            AuthenticatedIdentities identities, SessionCredentials sessions, LoginThrottle throttle) {
        var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine, identities, sessions, throttle));
        registration.setName("shirong-api-authentication");
        // The case list and page, the report page (上报问题), the case map and the zone pages (责任区) read /api in the browser;
        // logged in the same way; so are the 工作交办 page and the files it lists (/shirong/work-assignments/files/{id}).
        registration.addUrlPatterns("/api/*", "/shirong/cases", "/shirong/cases/*", "/shirong/report", "/shirong/map", "/shirong/zones/*",
                "/shirong/work-assignments", "/shirong/work-assignments/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdminSetupBlockingFilter> adminSetupBlockingFilter() {
        var registration = new FilterRegistrationBean<>(new AdminSetupBlockingFilter());
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<UnknownWebappPageFilter> unknownWebappPageFilter(ProcessEngine engine) {
        var registration = new FilterRegistrationBean<>(new UnknownWebappPageFilter(engine.getName()));
        registration.addUrlPatterns(UnknownWebappPageFilter.APPLICATION_PATH + "/app/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<DatabaseUnavailable> databaseUnavailable() {
        var registration = new FilterRegistrationBean<>(new DatabaseUnavailable());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ClientAddress> clientAddress() {
        var registration = new FilterRegistrationBean<>(new ClientAddress());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before any authentication: a browser's replayed Basic credentials must not carry another site's form. */
    @Bean
    FilterRegistrationBean<CrossSiteRequestGuard> crossSiteRequestGuard() {
        var registration = new FilterRegistrationBean<>(new CrossSiteRequestGuard());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Only requests made straight to {@code /error}: the server's own forwards to it carry their failure. */
    @Bean
    FilterRegistrationBean<DirectErrorRequests> directErrorRequests() {
        var registration = new FilterRegistrationBean<>(new DirectErrorRequests());
        registration.addUrlPatterns("/error");
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(RequestSizeProperties limits,
            @org.springframework.beans.factory.annotation.Value("${shirong.rectification.max-form-bytes}") long maxFormBytes) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimit(limits, DataSize.ofBytes(maxFormBytes)));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Around every door that checks a password, so that it sees the 401 of a login the throttle refused. */
    @Bean
    FilterRegistrationBean<LoginPauseAnswers> loginPauseAnswers() {
        var registration = new FilterRegistrationBean<>(new LoginPauseAnswers());
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/shirong/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    @Bean
    KnownDevices knownDevices(LoginThrottleProperties settings) {
        return new KnownDevices(settings.knownDeviceFor(), Clock.systemUTC());
    }

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties settings, KnownDevices devices) {
        return new LoginThrottle(settings, Clock.systemUTC(), devices);
    }

    /** The known-device cookies' key, from the engine's properties once the engine runs (the throttle is made before it). */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent> knownDevicesKey(
            KnownDevices devices, org.springframework.beans.factory.ObjectProvider<ProcessEngine> engine) {
        return event -> devices.loadKey(engine.getObject().getManagementService());
    }

    /** After the engine REST API's authentication, which a forged Basic header does not pass. */
    @Bean
    FilterRegistrationBean<IdentityVerifyRefusal> identityVerifyRefusal(IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new IdentityVerifyRefusal(identityService));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OthersEmailRemoval> othersEmailRemoval(IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new OthersEmailRemoval(identityService));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineConflictAnswers> engineConflictAnswers(ProcessEngine engine) {
        // Looked up past the caller's permissions: whether the task is still there and the names of its units, nothing else,
        // and the names only for a user of the task's own organisation (tenant).
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        var registration = new FilterRegistrationBean<>(new EngineConflictAnswers((taskId, userId) -> commands.execute(context -> {
            var task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return Optional.<EngineConflictAnswers.TaskCandidates>empty();
            }
            // whoever has it now, by name: a late claim is told who (the caller reads the task's organisation, or the engine
            // API would have answered that there is no such task)
            String assignee = task.getAssignee() == null ? null : context.runWithoutAuthorization(() -> {
                var user = context.getReadOnlyIdentityProvider().findUserById(task.getAssignee());
                return user == null ? null : (Objects.toString(user.getFirstName(), "") + Objects.toString(user.getLastName(), "")).strip();
            });
            boolean sameOrganization = userId != null && (task.getTenantId() == null
                    || context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().createTenantQuery(context)
                            .userMember(userId).includingGroupsOfUser(true).list().stream()
                            .anyMatch(tenant -> tenant.getId().equals(task.getTenantId()))));
            if (!sameOrganization) {
                return Optional.of(new EngineConflictAnswers.TaskCandidates(List.of(), false, assignee));
            }
            List<EngineConflictAnswers.TaskGroup> units = context.runWithoutAuthorization(() -> task.getCandidates().stream()
                    .map(IdentityLink::getGroupId).filter(Objects::nonNull).distinct()
                    .map(id -> context.getReadOnlyIdentityProvider().findGroupById(id)).filter(Objects::nonNull)
                    .map(g -> new EngineConflictAnswers.TaskGroup(g.getName(),
                            org.shirong.organization.GroupType.LEADING_GROUP.name().equals(g.getType()))).toList());
            return Optional.of(new EngineConflictAnswers.TaskCandidates(units,
                    EngineConflictAnswers.TaskCandidates.approval(task.getTaskDefinitionKey()), assignee));
        })));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Bean
    FilterRegistrationBean<UrlOrQueriesRefusal> urlOrQueriesRefusal() {
        var registration = new FilterRegistrationBean<>(new UrlOrQueriesRefusal());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 32);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FormRefusalMessageFilter> formRefusalMessageFilter() {
        var registration = new FilterRegistrationBean<>(new FormRefusalMessageFilter());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 35);
        return registration;
    }
}
