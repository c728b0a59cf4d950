package org.shirong.scoring;

import org.shirong.rectification.CaseSource;

/**
 * One reopening (重新打开) in the period: the closed case went back to {@code unit}, its lead unit, whose fix did not
 * hold; and the case's source for scoped rules. {@code appealed} when that unit appealed the reopening with success
 * (考核申诉), so that it no longer counts.
 */
record ReopenFact(String caseNo, String unit, CaseSource source, boolean appealed) {

    ReopenFact(String caseNo, String unit, CaseSource source) {
        this(caseNo, unit, source, false);
    }
}
