package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * No REVOKE authorization can be saved, through the engine's AuthorizationService or /engine-rest, new or by turning a
 * grant into one; grants still can. So the engine checks authorizations without looking for REVOKE rows first.
 */
@ShirongWebTest
@SharesSpringContext
class RevokeAuthorizationGuardTest {

    private static final String RESOURCE_ID = "revoke-guard-test";

    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TestRestTemplate rest;

    @Test
    void theEngineRefusesToSaveARevokeAuthorizationNewOrChangedFromAGrant() {
        Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setGroupId("chengguan");
        revoke.setResource(Resources.PROCESS_DEFINITION);
        revoke.setResourceId(RESOURCE_ID);
        revoke.removePermission(Permissions.READ);
        assertThatThrownBy(() -> authorizationService.saveAuthorization(revoke)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("不使用“撤销”（REVOKE）类授权");

        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("chengguan");
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(RESOURCE_ID);
        grant.addPermission(Permissions.READ);
        String id = authorizationService.saveAuthorization(grant).getId();
        try {
            Authorization stored = authorizationService.createAuthorizationQuery().authorizationId(id).singleResult();
            ((AuthorizationEntity) stored).setAuthorizationType(Authorization.AUTH_TYPE_REVOKE);
            assertThatThrownBy(() -> authorizationService.saveAuthorization(stored)).isInstanceOf(BadUserRequestException.class);
            assertThat(authorizationService.createAuthorizationQuery().authorizationId(id).singleResult().getAuthorizationType())
                    .isEqualTo(Authorization.AUTH_TYPE_GRANT);
        } finally {
            authorizationService.deleteAuthorization(id);
        }
        assertThat(authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count()).isZero();
    }

    @Test
    void theAdministratorGetsTheReasonFromEngineRestAndGrantsStillWork() {
        ResponseEntity<Map> refused = rest.withBasicAuth("admin", "admin").postForEntity("/engine-rest/authorization/create",
                json(RESOURCE_ID, Authorization.AUTH_TYPE_REVOKE), Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((String) refused.getBody().get("message")).contains("不使用“撤销”（REVOKE）类授权", "删除相应的授予（GRANT）授权");
        assertThat(authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count()).isZero();

        ResponseEntity<Map> granted = rest.withBasicAuth("admin", "admin").postForEntity("/engine-rest/authorization/create",
                json(RESOURCE_ID, Authorization.AUTH_TYPE_GRANT), Map.class);
        assertThat(granted.getStatusCode().value()).isEqualTo(200);
        authorizationService.deleteAuthorization((String) granted.getBody().get("id"));
    }

    @Test
    void withNoRevokeStoredTheEngineDoesNotLookForOneBeforeEachCheck() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getAuthorizationCheckRevokes())
                .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    }

    private static HttpEntity<String> json(String resourceId, int type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>("""
                {"type":%d,"permissions":["READ"],"groupId":"chengguan","resourceType":%d,"resourceId":"%s"}"""
                .formatted(type, Resources.PROCESS_DEFINITION.resourceType(), resourceId), headers);
    }
}
