package org.shirong.scoring;

import org.shirong.rectification.CaseSource;

/**
 * One reopening (重新打开) in the period: the closed case went back to {@code unit}, its lead unit, whose fix did not
 * hold; and the case's source for scoped rules.
 */
record ReopenFact(String caseNo, String unit, CaseSource source) {
}
