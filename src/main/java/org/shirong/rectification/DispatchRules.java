package org.shirong.rectification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.shirong.calendar.LimitUnit;
import org.shirong.calendar.TimeLimit;
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

    DispatchRules(RepositoryService repositoryService, SystemAccess systemAccess) {
        this.repositoryService = repositoryService;
        this.systemAccess = systemAccess;
    }

    Dispatch evaluate(String category, Urgency urgency, CaseSource source) {
        DmnDecision decision = systemAccess.run(() -> {
            DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(CaseDispatch.KEY).latestVersion().singleResult();
            return parsedByDefinitionId.computeIfAbsent(latest.getId(), id -> dmnEngine.parseDecision(
                    CaseDispatch.KEY, repositoryService.getDecisionModel(id)));
        });
        DmnDecisionResultEntries result = dmnEngine.evaluateDecision(decision, Variables.createVariables()
                .putValue(CaseDispatch.IN_CATEGORY, category).putValue(CaseDispatch.IN_URGENCY, urgency.name())
                .putValue(CaseDispatch.IN_SOURCE, source.name()))
                .getSingleResult();
        return new Dispatch(result.getEntry(CaseDispatch.OUT_LEAD_UNIT), result.getEntry(CaseDispatch.OUT_RESPONSIBLE_UNITS),
                new TimeLimit(((Number) result.getEntry(CaseDispatch.OUT_LIMIT_AMOUNT)).intValue(),
                        LimitUnit.valueOf((String) result.getEntry(CaseDispatch.OUT_LIMIT_UNIT))));
    }
}
