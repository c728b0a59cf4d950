package org.shirong.rectification;

/**
 * The external references Shirong gives the cases it reports itself, so that a step done again reports each case once:
 * a campaign task's findings, a meeting's decisions and a 责任区 breach handed over to 执法. They are no one's outside number (12345 工单号, 测评点位编号), so
 * the ledger's 外部编号 leaves them out.
 */
public final class OwnReferences {

    private static final String CAMPAIGN_FINDING = "campaign:";
    private static final String MEETING_DECISION = "meeting-";
    private static final String ZONE_HAND_OVER = "ZONE-";

    private OwnReferences() {
    }

    /** Finding {@code no} (from 1) of campaign task {@code taskId}. */
    public static String campaignFinding(String campaignCode, long taskId, int no) {
        return CAMPAIGN_FINDING + campaignCode + ":" + taskId + ":" + no;
    }

    /** Decision {@code no} of the meeting of the campaign's cycle held at {@code minute}, e.g. {@code meeting-JT2026-weekly-20261205T0130Z-2}. */
    public static String meetingDecision(String campaignCode, String cycleId, String minute, int no) {
        return MEETING_DECISION + campaignCode + "-" + cycleId + "-" + minute + "-" + no;
    }

    /** Decision {@code no} of a meeting of no campaign (a 临时会议) held at {@code minute}, {@code meeting} naming it. */
    public static String meetingDecision(String meeting, String minute, int no) {
        return MEETING_DECISION + meeting + "-" + minute + "-" + no;
    }

    /** The 责任区 breach {@code breachId} of the organisation, handed over to 执法 as a case. */
    public static String zoneHandOver(String organization, long breachId) {
        return ZONE_HAND_OVER + organization + "-" + breachId;
    }

    /**
     * Whether {@code externalRef} lies in one of Shirong's own namespaces ({@code meeting-…}, {@code ZONE-…},
     * {@code campaign:…}), compared as people may write it: as {@link org.shirong.system.TextInput#reference} writes it
     * (characters that show nothing dropped, full-width letters and signs made the plain ones by NFKC, dashes written
     * as "-") and in any case. No person and no import may report a case under such a reference: the flow that owns it would
     * find that case and take it for its own.
     */
    public static boolean reserved(String externalRef) {
        String reference = org.shirong.system.TextInput.reference(externalRef);
        if (reference == null) {
            return false;
        }
        String plain = reference.toLowerCase(java.util.Locale.ROOT);
        return plain.startsWith(CAMPAIGN_FINDING) || plain.startsWith(MEETING_DECISION)
                || plain.startsWith(ZONE_HAND_OVER.toLowerCase(java.util.Locale.ROOT));
    }

    /** The references Shirong's own reserved namespaces begin with, as a refusal names them. */
    static String reservedPrefixes() {
        return MEETING_DECISION + "、" + ZONE_HAND_OVER + "、" + CAMPAIGN_FINDING;
    }

    /** The reference as the ledger shows it: null for one of Shirong's own. */
    static String shown(String externalRef) {
        return externalRef == null || externalRef.startsWith(CAMPAIGN_FINDING) || externalRef.startsWith(MEETING_DECISION)
                || externalRef.startsWith(ZONE_HAND_OVER) ? null : externalRef;
    }
}
