package org.shirong.rectification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.shirong.organization.CaseCooperators;
import org.shirong.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * The units cooperating on a case ({@link CaseCooperation#cooperatingUnits}: its parties and planned 责任单位) for the
 * organisation's routing of its 督办超期案件 ({@code OrganizationRoles.supervisorsOf}): read as {@link OwnUnitSupervision}
 * reads them to refuse their staff, so the task does not go to a group whose staff would all be refused (F4).
 */
@Component
class CooperatingUnits implements CaseCooperators {

    private final CaseCooperation cooperation;
    private final Organizations organizations;
    /** Whether each RectificationProcess definition, by id, is one whose dispatch writes the flag (its diagram says so). */
    private final Map<String, Boolean> flagWritten = new ConcurrentHashMap<>();

    CooperatingUnits(CaseCooperation cooperation, Organizations organizations) {
        this.cooperation = cooperation;
        this.organizations = organizations;
    }

    @Override
    public Collection<String> of(VariableScope execution) {
        return execution.getVariable(RectificationProcess.VAR_CASE_NO) instanceof String caseNo
                ? cooperation.cooperatingUnits(caseNo) : List.of();
    }

    /**
     * Only where a dispatch named one of them among the case's 责任单位 ({@link RectificationProcess#VAR_SUPERVISORS_COOPERATE}):
     * the case's parties are its 责任单位 as dispatched and, for a district's case, its 属地 town's office, never one of the
     * district's own. A case dispatched before the flag was written (its diagram without
     * {@link RectificationProcess#PROPERTY_FLAGS_SUPERVISORS}) has its cooperating units read once, at its first deadline,
     * and the answer kept as the flag, true or false (diffreview-s57 R5); a case of a diagram that writes the flag never
     * reads them here unless flagged.
     */
    @Override
    public boolean mayIncludeSupervisors(VariableScope execution) {
        Object flag = execution.getVariable(RectificationProcess.VAR_SUPERVISORS_COOPERATE);
        if (flag != null || !(execution instanceof DelegateExecution e) || flagWrittenAtDispatch(e)) {
            return Boolean.TRUE.equals(flag);
        }
        String tenant = e.getTenantId();
        List<String> supervisors = List.of(organizations.office(tenant), organizations.approvers(tenant),
                organizations.leading(tenant));
        boolean cooperate = of(execution).stream().anyMatch(supervisors::contains);
        e.setVariable(RectificationProcess.VAR_SUPERVISORS_COOPERATE, cooperate);
        return cooperate;
    }

    private boolean flagWrittenAtDispatch(DelegateExecution execution) {
        return flagWritten.computeIfAbsent(execution.getProcessDefinitionId(), id -> {
            Process process = execution.getBpmnModelInstance().getModelElementById(RectificationProcess.KEY);
            CamundaProperties properties = process == null || process.getExtensionElements() == null ? null
                    : process.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                            .findFirst().orElse(null);
            return properties != null && properties.getCamundaProperties().stream()
                    .anyMatch(p -> RectificationProcess.PROPERTY_FLAGS_SUPERVISORS.equals(p.getCamundaName())
                            && "true".equals(p.getCamundaValue()));
        });
    }
}
