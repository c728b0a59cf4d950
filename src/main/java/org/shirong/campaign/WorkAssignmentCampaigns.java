package org.shirong.campaign;

import org.shirong.rectification.CampaignPlans;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The 所属活动 of a 工作交办 (sjreview-s57 D4), as a 临时会议 has it ({@link RunningCampaignOptions}); {@link
 * WorkAssignmentIssuedListener} takes a campaign only if it is one of these at that moment, and the work then counts in
 * its 驾驶舱、月报 and 通报.
 */
@Component
class WorkAssignmentCampaigns extends RunningCampaignOptions {

    WorkAssignmentCampaigns(ObjectProvider<CampaignPlans> plans) {
        super(WorkAssignmentProcess.KEY, WorkAssignmentProcess.VAR_CAMPAIGN, WorkAssignmentProcess.NO_CAMPAIGN, plans);
    }
}
