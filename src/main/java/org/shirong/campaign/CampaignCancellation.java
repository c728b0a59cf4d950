package org.shirong.campaign;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.meeting.JointMeetingProcess;
import org.shirong.organization.CallerOrganization;
import org.shirong.system.ApiError;
import org.shirong.system.ConflictException;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.SystemAccess;
import org.shirong.system.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 撤销活动: the office or the approvers (组长、副组长) of the campaign's organisation withdraw a campaign started by mistake. Before its
 * first phase has begun a reason may be left out; once it runs the reason is required. The campaign's process, its open
 * tasks and its meetings under way are ended (their history keeps them, with the reason), so no timer of it fires again;
 * its record stays, marked 已撤销 with who and why, and so do its documents and the cases it found, which are real
 * problems whoever found them. A campaign that has ended or was cancelled meanwhile is a conflict (409).
 */
@Service
class CampaignCancellation {

    static final int REASON_MAX = 500;

    private final CampaignAccess access;
    private final CampaignRecords records;
    private final CallerOrganization callerOrganization;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final SystemAccess systemAccess;

    CampaignCancellation(CampaignAccess access, CampaignRecords records, CallerOrganization callerOrganization,
            IdentityService identityService, RuntimeService runtimeService, SystemAccess systemAccess) {
        this.access = access;
        this.records = records;
        this.callerOrganization = callerOrganization;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.systemAccess = systemAccess;
    }

    record Request(String reason) {
    }

    @Transactional
    void cancel(String code, Request request) {
        Authentication caller = identityService.getCurrentAuthentication();
        Campaign campaign = access.readable(code).campaign();
        callerOrganization.requireOfficeOrApprovers(caller, campaign.tenantId(), "撤销活动");
        String reason = request == null || TextInput.isBlank(request.reason()) ? null : request.reason().strip();
        if (reason != null) {
            TextInput.problem("撤销原因", reason, true).ifPresent(problem -> {
                throw new InvalidRequestException(ApiError.field("reason", "INVALID_TEXT", problem));
            });
            if (reason.codePointCount(0, reason.length()) > REASON_MAX) {
                throw new InvalidRequestException(ApiError.field("reason", "TOO_LONG", "撤销原因最多 " + REASON_MAX + " 个字"));
            }
        }
        records.lock(code);
        Campaign now = records.find(code).orElseThrow();
        if (!CampaignRecords.RUNNING.equals(now.status())) {
            throw new ConflictException(CampaignRecords.CANCELLED.equals(now.status()) ? "CAMPAIGN_CANCELLED" : "CAMPAIGN_ENDED",
                    "活动 " + code + (CampaignRecords.CANCELLED.equals(now.status()) ? " 已被撤销" : " 已结束") + "，不能再撤销");
        }
        if (now.currentPhase() > 0 && reason == null) {
            throw new InvalidRequestException(ApiError.field("reason", "REQUIRED",
                    "活动 " + code + " 已经开始，撤销时请写明撤销原因（将记入活动和各项未办结任务的历史）"));
        }
        String deleteReason = "撤销活动：" + (reason == null ? "活动开始前撤销" : reason);
        systemAccess.run(() -> {
            List<ProcessInstance> running = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
                    .processDefinitionKeyIn(CampaignProcess.KEY, CampaignTaskProcess.KEY, JointMeetingProcess.KEY).list();
            running.forEach(p -> runtimeService.deleteProcessInstanceIfExists(p.getId(), deleteReason, true, true, true, false));
            return null;
        });
        if (!records.cancel(code, caller.getUserId(), reason, ClockUtil.getCurrentTime().toInstant())) {
            throw new ConflictException("CAMPAIGN_ENDED", "活动 " + code + " 刚刚结束或已被撤销");
        }
    }
}
