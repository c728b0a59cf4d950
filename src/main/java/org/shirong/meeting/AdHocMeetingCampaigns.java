package org.shirong.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shirong.rectification.CampaignPlans;
import org.shirong.system.FormSelectOptions;
import org.shirong.system.LiveFormOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The 所属活动 of a 临时会议 (jtreview-s56 T12): its start form offers the organisation's running campaigns, and 不属于活动,
 * each time it is opened; the only running one is preselected, as 上报问题 preselects it. The start listener takes a
 * campaign only if it is one of these at that moment ({@link #running}).
 */
@Component
class AdHocMeetingCampaigns implements LiveFormOptions {

    private final ObjectProvider<CampaignPlans> plans;

    AdHocMeetingCampaigns(ObjectProvider<CampaignPlans> plans) {
        this.plans = plans;
    }

    @Override
    public String processKey() {
        return AdHocMeetingProcess.KEY;
    }

    @Override
    public String field() {
        return AdHocMeetingProcess.VAR_CAMPAIGN;
    }

    @Override
    public List<FormSelectOptions.Option> options(String organization) {
        List<FormSelectOptions.Option> options = new ArrayList<>(running(organization).stream()
                .map(c -> new FormSelectOptions.Option(c.name() + "（" + c.code() + "）", c.code())).toList());
        options.add(new FormSelectOptions.Option("不属于活动", AdHocMeetingProcess.NO_CAMPAIGN));
        return options;
    }

    @Override
    public Optional<String> preselected(String organization) {
        List<CampaignPlans.Campaign> running = running(organization);
        return Optional.of(running.size() == 1 ? running.get(0).code() : AdHocMeetingProcess.NO_CAMPAIGN);
    }

    /** The organisation's running campaigns now. */
    List<CampaignPlans.Campaign> running(String organization) {
        CampaignPlans p = plans.getIfAvailable();
        return p == null ? List.of() : p.running(organization);
    }
}
