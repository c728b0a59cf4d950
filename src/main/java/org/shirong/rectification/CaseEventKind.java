package org.shirong.rectification;

/** The kinds of steps recorded on a case's timeline, with their Chinese names. */
public enum CaseEventKind {
    REPORTED("立案"),
    DISPATCHED("派遣"),
    CLAIMED("认领"),
    RETURNED("回退"),
    REDISPATCHED("重新派遣"),
    SUBMITTED("提交整改结果"),
    VERIFIED("核查通过"),
    VERIFICATION_FAILED("核查未通过"),
    CLOSED("结案"),
    /** The case was closed as a duplicate; the detail names the case it was merged into and why. */
    MERGED("合并关闭"),
    /** A duplicate was merged into this case; the detail names it. */
    DUPLICATE_MERGED("合并重复案件"),
    /** The office voided the case (作废); the detail says why. */
    VOIDED("作废"),
    /** The office corrected the case's title, address, description or category (更正); the detail says what was and is. */
    CORRECTED("更正"),
    /**
     * The office reopened the closed case (the problem came back, the fix did not hold): the detail says why, when the
     * round before was closed and whether on time; the unit is the lead unit it went back to, charged with it in scoring.
     */
    REOPENED("重新打开"),
    WARNING("黄灯预警"),
    OVERDUE("红灯超期"),
    SUPERVISED("督办"),
    ESCALATED("列入通报名单"),
    EXTENSION_REQUESTED("申请延期"),
    EXTENSION_APPROVED("同意延期"),
    EXTENSION_REJECTED("不同意延期"),
    SUSPENSION_REQUESTED("申请挂账"),
    SUSPENDED("挂账"),
    SUSPENSION_REJECTED("不同意挂账"),
    RESUMED("恢复整改"),
    PHOTO_ADDED("上传照片"),
    COOPERATION_RECORDED("协办情况"),
    APPEAL_FILED("考核申诉"),
    APPEAL_APPROVED("核准申诉"),
    APPEAL_REJECTED("驳回申诉");

    private final String label;

    CaseEventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
