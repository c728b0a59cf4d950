package org.shirong.organization;

import org.camunda.bpm.engine.IdentityService;
import org.shirong.system.ProcessExpressionBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@link OrganizationRoles}, as BPMN expressions name it ({@code ${organizationRoles.office(execution)}}),
 * with the cooperating units of a case looked up when first needed: the rectification capability that knows them needs
 * these roles itself; without it, no case has any ({@link CaseCooperators#NONE}).
 */
@Configuration(proxyBeanMethods = false)
class OrganizationRolesConfiguration {

    @Bean
    @ProcessExpressionBean
    OrganizationRoles organizationRoles(Organizations organizations, IdentityService identity,
            ObjectProvider<CaseCooperators> cooperators) {
        return new OrganizationRoles(organizations, identity, () -> cooperators.getIfAvailable(() -> CaseCooperators.NONE));
    }
}
