package org.shirong.scoring;

import org.shirong.rectification.CaseSource;

/** One return (回退) in the period: the unit that returned the case, and the case's source for scoped rules. */
record ReturnFact(String caseNo, String unit, CaseSource source) {
}
