package org.shirong.report;

import java.time.Instant;
import java.util.List;

/**
 * The 工作交办 filed under a campaign, open and past their deadline, for the 例会's agenda (逾期未完成的工作). The campaign
 * capability knows which work is the campaign's (the same as its 驾驶舱 counts: the organisation's own and, for a district,
 * its towns' parts of that work, not a town's own work that carries the code) and implements it (diffreview-s58 R2).
 */
public interface OverdueWorkAssignments {

    /** One 办理交办事项 open past its deadline: the unit's group, the matter (without 办理交办事项 · ) and its deadline. */
    record Work(String unitGroup, String title, Instant dueAt) {
    }

    /** The campaign's open 办理交办事项 due before {@code asOf}, by deadline. */
    List<Work> overdue(String campaignCode, Instant asOf);
}
