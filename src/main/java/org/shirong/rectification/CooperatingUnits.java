package org.shirong.rectification;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.shirong.organization.CaseCooperators;
import org.springframework.stereotype.Component;

/**
 * The units cooperating on a case ({@link CaseCooperation#cooperatingUnits}: its parties and planned 责任单位) for the
 * organisation's routing of its 督办超期案件 ({@code OrganizationRoles.supervisorsOf}): read as {@link OwnUnitSupervision}
 * reads them to refuse their staff, so the task does not go to a group whose staff would all be refused (F4).
 */
@Component
class CooperatingUnits implements CaseCooperators {

    private final CaseCooperation cooperation;

    CooperatingUnits(CaseCooperation cooperation) {
        this.cooperation = cooperation;
    }

    @Override
    public Collection<String> of(VariableScope execution) {
        return execution.getVariable(RectificationProcess.VAR_CASE_NO) instanceof String caseNo
                ? cooperation.cooperatingUnits(caseNo) : List.of();
    }

    /**
     * Only where a dispatch named one of them among the case's 责任单位 ({@link RectificationProcess#VAR_SUPERVISORS_COOPERATE}):
     * the case's parties are its 责任单位 as dispatched and, for a district's case, its 属地 town's office, never one of the
     * district's own.
     */
    @Override
    public boolean mayIncludeSupervisors(VariableScope execution) {
        return Boolean.TRUE.equals(execution.getVariable(RectificationProcess.VAR_SUPERVISORS_COOPERATE));
    }
}
