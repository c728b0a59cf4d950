package org.shirong.system;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.context.ApplicationContext;

/**
 * The engine's running figures — how many instances of each process run and how many incidents they have
 * ({@code /process-definition/statistics}, {@code /process-definition/{id}/statistics}, deployment statistics,
 * Cockpit's {@code process-definition/statistics}) — are counted over every instance of a definition the caller may read,
 * whether or not the caller may read the instances: they are the 驾驶舱's figures, for those who read the whole of one
 * of their organisations ({@link WholeOrganizationReaders}). Other staff (a unit, who sees its own cases and tasks) are
 * refused, 403 in Chinese (secreview-s57 S5); administrators and Shirong's own calls pass.
 */
class RunningFiguresGuard extends ApplicationBeanGuard<WholeOrganizationReaders> {

    static final String REFUSAL = "流程的运行统计（各流程在办数量和事件数）与活动驾驶舱一样，只向各组织的办公室、领导小组组长和副组长、"
            + "核查人员以及上级监管部门开放；本单位的案件和任务请在 Tasklist 和案件列表中查看。";

    RunningFiguresGuard(ProcessEngineConfigurationImpl configuration, ApplicationContext applicationContext) {
        super(configuration, applicationContext, WholeOrganizationReaders.class);
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof ProcessDefinitionStatisticsQueryImpl || command instanceof DeploymentStatisticsQueryImpl
                || command instanceof ActivityStatisticsQueryImpl) {
            require(configuration, bean());
        }
        return next.execute(command);
    }

    /** Refuses a staff caller who reads the whole of none of their organisations (Cockpit's own query service asks too). */
    static void require(ProcessEngineConfigurationImpl configuration, WholeOrganizationReaders readers) {
        EngineCaller.staffCall(configuration).ifPresent(caller -> {
            if (!readsWholeOfOne(caller, readers)) {
                throw new AuthorizationException(REFUSAL);
            }
        });
    }

    private static boolean readsWholeOfOne(Authentication caller, WholeOrganizationReaders readers) {
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        List<String> tenants = caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
        return tenants.stream().anyMatch(tenant -> readers.readsWhole(groups, tenant));
    }
}
