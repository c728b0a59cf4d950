package org.shirong.zone;

/** The steps recorded in a zone's file (一点一档), with their Chinese names. */
enum ZoneEventKind {
    REGISTERED("登记责任区"),
    IMPORTED("导入登记责任区"),
    NOTICE_ISSUED("印发责任告知书"),
    NOTICE_DELIVERED("送达责任告知书"),
    NOTICE_POSTED("告知书上墙"),
    INSPECTED_OK("检查合格"),
    BREACH_FOUND("发现门责问题"),
    ADVISED("告知劝导、限期整改"),
    YELLOW_CARD("黄牌警告"),
    RED_CARD("红牌警告"),
    RECHECK_PASSED("复查已整改"),
    RECHECK_FAILED("复查未整改"),
    COMPLIED("整改完毕，结束处置"),
    HANDED_OVER("移交城管执法"),
    BREACH_CANCELLED("处置流程撤销"),
    TRAINED("参加责任区培训"),
    JOINED_SELF_GROUP("加入自律组织");

    private final String label;

    ZoneEventKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
