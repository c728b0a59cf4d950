package org.shirong.report;

import java.time.Instant;
import java.util.List;

/**
 * The written reports a 通报 demands ("被通报单位……于五个工作日内向办公室书面报告整改情况", sjreview-s57 D9): each unit it
 * names is asked for one when it is issued. The campaign capability hands out and keeps these tasks and implements it;
 * the documents only say whom a 通报 named and why.
 */
public interface NoticeReplies {

    /** A unit a 通报 names: its group, its name as the 通报 prints it, and why (one line per reason). */
    record NamedUnit(String groupId, String unitName, List<String> reasons) {
    }

    /**
     * The campaign's 通报 of the period ({@code periodName}, 2026年11月) was issued at {@code at} as {@code notice}, naming
     * {@code units} (the issuing organisation's office and leading group are not among them): asks each for its written
     * report, in the same transaction; a unit asked before for this period's 通报 is not asked again.
     */
    void request(String campaignCode, String periodCode, String periodName, StoredDocument notice, List<NamedUnit> units, Instant at);

    /**
     * The campaign's 月度工作报告 of {@code periodCode} was issued as {@code report} (after the period's 通报, in the same run):
     * the written reports that 通报 asked for, still open, link it too (szreview-s60 S2), in the same transaction.
     */
    void monthlyReportIssued(String campaignCode, String periodCode, StoredDocument report);
}
