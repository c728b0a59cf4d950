package org.shirong.scoring;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 计算考核得分 (a service task such as {@code Task_CalculateScores}, wired as
 * {@code ${calculateScoresDelegate}}): scores the period in {@code scorePeriod} (default: the last full
 * month of the engine clock), saves the ranking and sets {@code nonPerformingUnits} to the named units'
 * group ids, comma-separated in rank order, for the steps that notify or summon them.
 */
@Component
class CalculateScoresDelegate implements JavaDelegate {

    static final String VAR_PERIOD = "scorePeriod";
    static final String VAR_CAMPAIGN = "campaignCode";
    static final String VAR_NON_PERFORMING = "nonPerformingUnits";
    private static final Logger LOG = LoggerFactory.getLogger(CalculateScoresDelegate.class);

    private final ScoreService scores;
    private final Organizations organizations;

    CalculateScoresDelegate(ScoreService scores, Organizations organizations) {
        this.scores = scores;
        this.organizations = organizations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String text = Objects.toString(execution.getVariable(VAR_PERIOD), "").strip();
        ScorePeriod period = text.isEmpty() ? ScorePeriod.previousMonth(ClockUtil.getCurrentTime().toInstant(), scores.zone())
                : ScorePeriod.parse(text).orElseThrow(() -> new IllegalArgumentException(
                        "流程变量 " + VAR_PERIOD + " 的值 \"" + text + "\" 无效：" + ScorePeriod.FORMAT_HINT));
        // With a campaign code the scores count that campaign's cases only; without one, all of the organisation's.
        // A process deployed without a tenant (a process unit test) runs in the only organisation, as OrganizationRoles does.
        String organization = organizations.find(execution.getTenantId()).map(Organization::id)
                .orElseThrow(() -> new IllegalStateException("流程实例没有所属组织（租户），无法计算考核得分"));
        String scope = ScoreService.scope(organization, Objects.toString(execution.getVariable(VAR_CAMPAIGN), null));
        ScoreBoard board = scores.calculateAndSave(period, organization, scope);
        execution.setVariable(VAR_PERIOD, period.code());
        execution.setVariable(VAR_NON_PERFORMING, String.join(",", board.nonPerformingUnits()));
        LOG.info("已计算 {} 单位考核得分：{} 个单位参加排名，通报 {}", period.name(), board.ranking().size(),
                board.nonPerformingUnits());
    }
}
