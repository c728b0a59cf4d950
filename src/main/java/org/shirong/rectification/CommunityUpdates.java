package org.shirong.rectification;

import static org.shirong.rectification.RectificationProcess.TEMPLATE_CASE_COMMUNITY_UPDATE;
import static org.shirong.rectification.RectificationProcess.VAR_CASE_COMMUNITY;
import static org.shirong.rectification.RectificationProcess.VAR_LEAD_UNIT;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.shirong.notification.ProcessNotices;
import org.shirong.organization.OrganizationRoles;
import org.shirong.system.ChineseDates;
import org.springframework.stereotype.Component;

/**
 * 【辖区问题进展】 to the case's 村/社区 after its 【辖区问题】 (jxreview-s60 J8: the village heard of the case once, at its
 * dispatch, and then nothing — residents ask it “why is the rubbish still there?” and “is it done?”): when the case is
 * 挂账 (with the review day), when it closes (with its page, the after photo on it), and when the office's 更正 takes it
 * out of the village's area (the village no longer reads it, and its earlier link says only 案件不存在). Through the same
 * notifications as every other notice (站内信, e-mail); not to a village that leads the case, which its own notices tell.
 * A case without a 村/社区 holds no {@link RectificationProcess#VAR_CASE_COMMUNITY} and costs nothing here.
 */
@Component
class CommunityUpdates {

    private final OrganizationRoles roles;
    private final ProcessNotices notices;

    CommunityUpdates(OrganizationRoles roles, ProcessNotices notices) {
        this.roles = roles;
        this.notices = notices;
    }

    /** 挂账 approved (审批挂账申请): the clock stops until {@code review}. */
    void suspended(DelegateExecution execution, LocalDate review) {
        village(execution).ifPresent(group -> tell(execution, group, execution.getActivityInstanceId(), "已挂账",
                "经审批，本案件暂时无法整改，已挂账、停止计时" + (review == null ? "" : "，复核日期 " + ChineseDates.DAY.format(review))
                        + "。挂账原因消除后由牵头单位恢复整改。"));
    }

    /** 结案归档: inspected and found fixed. */
    void closed(DelegateExecution execution) {
        village(execution).ifPresent(group -> tell(execution, group, execution.getProcessInstanceId(), "已结案",
                "经核查整改到位，本案件已结案。整改前后照片见案件页。"));
    }

    /**
     * 更正 took the case out of {@code formerName}'s area: to {@code nowName} (another 村/社区), or to none. The village
     * no longer reads the case, so the notice says so and links to its 辖区案件 list instead of the case page.
     */
    void movedAway(CaseRecord c, String formerName, String nowName, String why, String shownAddress, String iteration) {
        var organization = c.tenantId();
        roles.communityGroup(organization, formerName).filter(group -> !group.equals(c.leadUnit())).ifPresent(group -> {
            Map<String, Object> values = new HashMap<>();
            values.put("caseNo", c.caseNo());
            values.put("title", c.title());
            values.put("address", shownAddress);
            values.put("communityName", roles.groupName(group));
            values.put("event", "已不属本辖区");
            values.put("update", "经办公室更正，本案件" + (nowName == null ? "不在" + formerName + "范围内" : "改属" + nowName)
                    + "，你单位不再查看、也无需配合本案件。更正说明：" + why);
            notices.sendToGroup(c.caseNo(), TEMPLATE_CASE_COMMUNITY_UPDATE, iteration, values, "/shirong/cases", group, organization);
        });
    }

    private void tell(DelegateExecution execution, String group, String iteration, String event, String update) {
        notices.send(execution, TEMPLATE_CASE_COMMUNITY_UPDATE, "group:" + group, iteration, Map.of("communityName",
                roles.groupName(group), "event", event, "update", update,
                "link", CasePageController.pageUrl(execution.getProcessBusinessKey())));
    }

    /** The case's 村/社区 as a group to tell: none without one, nor when it leads the case. */
    private Optional<String> village(DelegateExecution execution) {
        if (!(execution.getVariable(VAR_CASE_COMMUNITY) instanceof String name) || name.isBlank()) {
            return Optional.empty();
        }
        Object lead = execution.getVariable(VAR_LEAD_UNIT);
        return roles.communityGroup(execution.getTenantId(), name).filter(group -> !group.equals(lead));
    }
}
