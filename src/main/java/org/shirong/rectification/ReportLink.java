package org.shirong.rectification;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.shirong.organization.CallerOrganization;
import org.shirong.system.PageHeaderLink;
import org.springframework.context.annotation.Configuration;

/**
 * Whether the header of Shirong's pages offers 上报问题: only to a caller who has a source to report under in his own
 * organisation ({@link ReportingRights#reportableSources}), as Tasklist's header does (report-link.js asks
 * {@code GET /api/cases/sources}); an administrator of several organisations, who would have to name one, is not led there.
 */
@Configuration(proxyBeanMethods = false)
class ReportLink extends PageHeaderLink {

    private final ReportingRights rights;
    private final CallerOrganization callerOrganization;

    ReportLink(ProcessEngine engine, ReportingRights rights, CallerOrganization callerOrganization) {
        super("reportLink", engine);
        this.rights = rights;
        this.callerOrganization = callerOrganization;
    }

    @Override
    protected boolean offered(UserAuthentication sessionUser) {
        Authentication caller = sessionUser != null
                ? new Authentication(sessionUser.getIdentityId(), sessionUser.getGroupIds(), sessionUser.getTenantIds())
                : engine.getIdentityService().getCurrentAuthentication();
        if (caller == null) {
            return false;
        }
        try {
            return !rights.reportableSources(callerOrganization.forWork(caller, null), caller).isEmpty();
        } catch (RuntimeException noOrganisationOfHisOwn) {
            return false;
        }
    }
}
