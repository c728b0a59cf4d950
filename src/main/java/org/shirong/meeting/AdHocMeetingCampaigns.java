package org.shirong.meeting;

import org.shirong.campaign.RunningCampaignOptions;
import org.shirong.rectification.CampaignPlans;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The 所属活动 of a 临时会议 (jtreview-s56 T12), as {@link RunningCampaignOptions} offers it: the organisation's running
 * campaigns and 不属于活动, the only running one preselected, as 上报问题 preselects it; {@link AdHocMeetingCalledListener}
 * takes a campaign only if it is one of these at that moment.
 */
@Component
class AdHocMeetingCampaigns extends RunningCampaignOptions {

    AdHocMeetingCampaigns(ObjectProvider<CampaignPlans> plans) {
        super(AdHocMeetingProcess.KEY, AdHocMeetingProcess.VAR_CAMPAIGN, AdHocMeetingProcess.NO_CAMPAIGN, plans);
    }
}
