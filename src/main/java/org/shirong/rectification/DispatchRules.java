package org.shirong.rectification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.shirong.calendar.LimitUnit;
import org.shirong.calendar.TimeLimit;
import org.shirong.organization.OrganizationRoles;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * Reads the deployed {@code CaseDispatch} decision table to tell, without starting a case or writing
 * decision history, which unit and time limit a category gets by default (for {@code /api/categories}).
 */
@Component
class DispatchRules {

    record Dispatch(String leadUnit, String responsibleUnits, TimeLimit limit) {
    }

    private final RepositoryService repositoryService;
    private final SystemAccess systemAccess;
    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, DmnDecision> parsedByDefinitionId = new ConcurrentHashMap<>();

    private final OrganizationRoles roles;

    DispatchRules(RepositoryService repositoryService, SystemAccess systemAccess, OrganizationRoles roles) {
        this.roles = roles;
        this.repositoryService = repositoryService;
        this.systemAccess = systemAccess;
    }

    /** What the organisation's dispatch table decides for a case (its latest version). */
    Dispatch evaluate(String organization, String category, Urgency urgency, CaseSource source) {
        DmnDecision decision = systemAccess.run(() -> {
            DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(CaseDispatch.KEY).tenantIdIn(organization).latestVersion().singleResult();
            if (latest == null) {
                throw DispatchTableChecks.unusable(organization, category, "本组织没有已部署的派遣决策表");
            }
            return parsedByDefinitionId.computeIfAbsent(latest.getId(), id -> dmnEngine.parseDecision(
                    CaseDispatch.KEY, repositoryService.getDecisionModel(id)));
        });
        DmnDecisionResult results;
        try {
            results = dmnEngine.evaluateDecision(decision, Variables.createVariables()
                    .putValue(CaseDispatch.IN_CATEGORY, category).putValue(CaseDispatch.IN_URGENCY, urgency.name())
                    .putValue(CaseDispatch.IN_SOURCE, source.name()));
        } catch (DmnEngineException e) {
            throw DispatchTableChecks.unusable(organization, category, "无法计算（" + e.getMessage() + "）");
        }
        if (results.size() > 1) {
            throw DispatchTableChecks.unusable(organization, category, "有 " + results.size() + " 条规则同时符合，派遣只能用一条");
        }
        Map<String, Object> result = DispatchTableChecks.usable(organization, category,
                results.isEmpty() ? null : results.getSingleResult().getEntryMap());
        return new Dispatch(roles.resolve(organization, (String) result.get(CaseDispatch.OUT_LEAD_UNIT)),
                roles.resolveAll(organization, (String) result.get(CaseDispatch.OUT_RESPONSIBLE_UNITS)),
                new TimeLimit(((Number) result.get(CaseDispatch.OUT_LIMIT_AMOUNT)).intValue(),
                        LimitUnit.valueOf((String) result.get(CaseDispatch.OUT_LIMIT_UNIT))));
    }
}
