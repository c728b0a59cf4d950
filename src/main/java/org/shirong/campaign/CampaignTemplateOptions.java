package org.shirong.campaign;

import java.util.List;
import org.shirong.system.FormSelectOptions;
import org.springframework.stereotype.Component;

/** The start form's 活动模板 offers the organisation's templates ({@code campaigns/} of its folder): a new file is offered after a restart. */
@Component
class CampaignTemplateOptions implements FormSelectOptions {

    static final String START_FORM = "forms/CampaignStart.form";

    private final CampaignTemplates templates;

    CampaignTemplateOptions(CampaignTemplates templates) {
        this.templates = templates;
    }

    @Override
    public String form() {
        return START_FORM;
    }

    @Override
    public String field() {
        return CampaignProcess.VAR_TEMPLATE;
    }

    @Override
    public List<Option> options(String organization) {
        return templates.all(organization).stream().map(t -> new Option(t.name() + "（" + t.id() + "）", t.id())).toList();
    }
}
