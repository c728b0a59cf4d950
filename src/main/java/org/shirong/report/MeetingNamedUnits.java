package org.shirong.report;

import java.util.List;

/**
 * Units a meeting of the campaign decided to 通报, with the reason (its record's decision line "通报｜单位｜原因"): the
 * campaign's next 通报 names them, whatever its period. The meeting capability keeps them and implements it; the
 * documents only show them and say which 通报 took them.
 */
public interface MeetingNamedUnits {

    /**
     * A unit to be named: its name, the reason the meeting gave, and the meeting that decided it (工作例会（2026年12月7日）);
     * {@code meetingKey} and {@code decisionNo}, the decision's row, which the 通报 that shows it records its key on;
     * {@code groupId} the unit's group (null when not known), asked for its written report once named.
     */
    record Named(String unitName, String reason, String decidedBy, String meetingKey, int decisionNo, String groupId) {

        /** A unit whose group is not known (a template's sample). */
        public Named(String unitName, String reason, String decidedBy, String meetingKey, int decisionNo) {
            this(unitName, reason, decidedBy, meetingKey, decisionNo, null);
        }
    }

    /** The units decided for the campaign's 通报 and not yet named in one, in the order decided. */
    List<Named> pending(String campaignCode);

    /** The units named in the campaign's 通报 under {@code noticeKey}, in the order decided. */
    List<Named> inNotice(String campaignCode, String noticeKey);

    /**
     * Marks the decisions the 通报 under {@code noticeKey} showed ({@code shown}, as {@link #pending} read them) as named in
     * it, stored in the same transaction; a decision recorded since waits for the next 通报 (diffreview-s55 R4).
     */
    void named(String campaignCode, String noticeKey, List<Named> shown);
}
