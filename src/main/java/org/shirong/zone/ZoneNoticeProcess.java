package org.shirong.zone;

/**
 * Keys, element ids and variable names of {@code processes/ZoneNoticeProcess.bpmn} (责任告知书送达上墙): one instance per
 * zone and edition, business key {@link #businessKey} ({@code JT-Z-0001/2026}), started by {@link ZoneNotices#start}.
 */
public final class ZoneNoticeProcess {

    static final String KEY = "ZoneNoticeProcess";

    static final String START = "StartEvent_NoticeIssued";
    static final String TASK_DELIVER = "Task_DeliverNotice";
    static final String TASK_POST = "Task_PostNotice";
    static final String END_POSTED = "EndEvent_NoticePosted";

    /** The {@code zone_notice} row the instance works on. */
    static final String VAR_NOTICE_ID = "noticeId";
    /** The group that delivers and posts the notice: both tasks' candidate group. */
    static final String VAR_OWNER_GROUP = "ownerGroup";
    static final String VAR_ZONE_NO = "zoneNo";
    static final String VAR_HOLDER_NAME = "holderName";
    static final String VAR_ADDRESS = "zoneAddress";
    static final String VAR_EDITION = "edition";
    /** When the 送达 and the 上墙 are due ({@link ZoneNotices#deadlines}): the tasks' {@code camunda:dueDate}. */
    static final String VAR_DELIVERY_DUE = "deliveryDueAt";
    static final String VAR_POSTING_DUE = "postingDueAt";

    /** 送达 form: who signed for it (责任人 or whoever took it for them), the photo of the signature, a note. */
    static final String VAR_DELIVERED_TO = "deliveredTo";
    static final String VAR_SIGNATURE_PHOTO = "signaturePhoto";
    static final String VAR_DELIVERY_NOTE = "deliveryNote";
    /** 上墙 form: the photo of the posted notice, a note. */
    static final String VAR_POSTED_PHOTO = "postedPhoto";
    static final String VAR_POSTING_NOTE = "postingNote";

    /** {@code JT-Z-0001/2026}: the zone's number, then the edition. */
    static String businessKey(String zoneNo, int edition) {
        return zoneNo + "/" + edition;
    }

    private ZoneNoticeProcess() {
    }
}
