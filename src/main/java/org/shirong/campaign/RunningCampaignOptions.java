package org.shirong.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shirong.rectification.CampaignPlans;
import org.shirong.system.FormSelectOptions;
import org.shirong.system.LiveFormOptions;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A start form's 所属活动 (临时会议, 工作交办): the organisation's running campaigns ({@link CampaignPlans#running}, the list
 * 上报问题 preselects from too) and 不属于活动, written in each time the form is opened, the only running one preselected;
 * the process's start listener takes a campaign only if it is {@link #find one of them} at that moment.
 */
public class RunningCampaignOptions implements LiveFormOptions {

    private final String processKey;
    private final String field;
    private final String noCampaign;
    private final ObjectProvider<CampaignPlans> plans;

    protected RunningCampaignOptions(String processKey, String field, String noCampaign, ObjectProvider<CampaignPlans> plans) {
        this.processKey = processKey;
        this.field = field;
        this.noCampaign = noCampaign;
        this.plans = plans;
    }

    @Override
    public String processKey() {
        return processKey;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public List<FormSelectOptions.Option> options(String organization) {
        List<FormSelectOptions.Option> options = new ArrayList<>(running(organization).stream()
                .map(c -> new FormSelectOptions.Option(c.name() + "（" + c.code() + "）", c.code())).toList());
        options.add(new FormSelectOptions.Option("不属于活动", noCampaign));
        return options;
    }

    @Override
    public Optional<String> preselected(String organization) {
        List<CampaignPlans.Campaign> running = running(organization);
        return Optional.of(running.size() == 1 ? running.get(0).code() : noCampaign);
    }

    /** The running campaign {@code code} of the organisation, if it is one now: what a start may be filed under. */
    public Optional<CampaignPlans.Campaign> find(String organization, String code) {
        return running(organization).stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private List<CampaignPlans.Campaign> running(String organization) {
        CampaignPlans p = plans.getIfAvailable();
        return p == null ? List.of() : p.running(organization);
    }
}
