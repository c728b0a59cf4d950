package org.shirong.organization;

import java.util.Collection;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The units that cooperate (协办) on the case an execution serves, besides its lead unit: their staff may not 督办 it, so
 * {@link OrganizationRoles#supervisorsOf} does not give its 督办超期案件 to one of them. The rectification capability knows
 * them (its parties and planned 责任单位), as it reads them to refuse a supervisor or verifier.
 */
public interface CaseCooperators {

    /** Where no capability knows a case's cooperating units (an engine without the rectification capability). */
    CaseCooperators NONE = new CaseCooperators() {
        @Override
        public Collection<String> of(VariableScope execution) {
            return java.util.List.of();
        }

        @Override
        public boolean mayIncludeSupervisors(VariableScope execution) {
            return false;
        }
    };

    /** The case's cooperating units (group ids); none for an execution of no case. */
    Collection<String> of(VariableScope execution);

    /**
     * Whether the organisation's office, approvers or leading group may be among {@link #of}, answered without reading the
     * case: false only where none surely is. Every deadline that falls due asks it (CaseStatementCountTest's budget has no
     * statement to spare).
     */
    boolean mayIncludeSupervisors(VariableScope execution);
}
