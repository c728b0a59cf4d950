package org.shirong.scoring;

import org.shirong.rectification.CaseSource;

/**
 * One return (回退) in the period: the unit that returned the case, and the case's source for scoped rules;
 * {@code appealed} when that unit appealed the return with success (考核申诉), so that it no longer counts.
 */
record ReturnFact(String caseNo, String unit, CaseSource source, boolean appealed) {

    ReturnFact(String caseNo, String unit, CaseSource source) {
        this(caseNo, unit, source, false);
    }
}
