package org.shirong.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shirong.rectification.CampaignPlans;
import org.shirong.system.FormSelectOptions;
import org.shirong.system.LiveFormOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The 所属活动 of a 工作交办 (sjreview-s57 D4), as a 临时会议 has it: the start form offers the organisation's running
 * campaigns and 不属于活动 each time it is opened, the only running one preselected; {@link WorkAssignmentIssuedListener}
 * takes a campaign only if it is one of these at that moment, and the work then counts in its 驾驶舱、月报 and 通报.
 */
@Component
class WorkAssignmentCampaigns implements LiveFormOptions {

    private final ObjectProvider<CampaignPlans> plans;

    WorkAssignmentCampaigns(ObjectProvider<CampaignPlans> plans) {
        this.plans = plans;
    }

    @Override
    public String processKey() {
        return WorkAssignmentProcess.KEY;
    }

    @Override
    public String field() {
        return WorkAssignmentProcess.VAR_CAMPAIGN;
    }

    @Override
    public List<FormSelectOptions.Option> options(String organization) {
        List<FormSelectOptions.Option> options = new ArrayList<>(running(organization).stream()
                .map(c -> new FormSelectOptions.Option(c.name() + "（" + c.code() + "）", c.code())).toList());
        options.add(new FormSelectOptions.Option("不属于活动", WorkAssignmentProcess.NO_CAMPAIGN));
        return options;
    }

    @Override
    public Optional<String> preselected(String organization) {
        List<CampaignPlans.Campaign> running = running(organization);
        return Optional.of(running.size() == 1 ? running.get(0).code() : WorkAssignmentProcess.NO_CAMPAIGN);
    }

    /** The organisation's running campaigns now. */
    List<CampaignPlans.Campaign> running(String organization) {
        CampaignPlans p = plans.getIfAvailable();
        return p == null ? List.of() : p.running(organization);
    }
}
