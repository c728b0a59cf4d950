package org.shirong.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether a task given to or taken from users may change what a caller's task queries see. Only those users' own view
 * can change: for them it stays the same only when the task is one of their groups' candidates, so that they saw it
 * before and see it after whoever holds it (as {@link TaskQueryAuthorizations} lets a caller see the tasks of its
 * groups), and no REVOKE authorization of theirs makes the engine weigh per-task grants instead.
 */
class TaskChangeImpact implements FilterCountCache.TaskChangeJudge {

    private final JdbcTemplate jdbc;
    private final String links;
    private final String authorizations;
    private final ProcessEngineConfigurationImpl configuration;

    TaskChangeImpact(ProcessEngineConfigurationImpl configuration) {
        this.jdbc = new JdbcTemplate(configuration.getDataSource());
        this.links = EngineTables.table(configuration, "ACT_RU_IDENTITYLINK");
        this.authorizations = EngineTables.table(configuration, "ACT_RU_AUTHORIZATION");
        this.configuration = configuration;
    }

    @Override
    public boolean mayChangeView(FilterCountCache.Key caller, FilterCountCache.TaskUsers change) {
        if (!caller.authorizationChecked() || caller.userId() == null || !change.userIds().contains(caller.userId())) {
            return false;
        }
        List<String> candidateGroups = jdbc.queryForList("select GROUP_ID_ from " + links
                + " where TASK_ID_ = ? and TYPE_ = 'candidate' and GROUP_ID_ is not null", String.class, change.taskId());
        return Collections.disjoint(candidateGroups, caller.groupIds()) || mayHaveRevokes(caller);
    }

    private boolean mayHaveRevokes(FilterCountCache.Key caller) {
        String revokeChecks = configuration.getAuthorizationCheckRevokes(); // may be settled after start-up
        if (ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER.equalsIgnoreCase(revokeChecks)) {
            return false;
        }
        if (!ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_AUTO.equalsIgnoreCase(revokeChecks)) {
            return true;
        }
        List<Object> args = new ArrayList<>(List.of(caller.userId()));
        args.addAll(caller.groupIds());
        String groups = caller.groupIds().isEmpty() ? ""
                : " or GROUP_ID_ in (" + String.join(",", Collections.nCopies(caller.groupIds().size(), "?")) + ")";
        Integer revokes = jdbc.queryForObject("select count(*) from " + authorizations + " where TYPE_ = 2"
                + " and (USER_ID_ in (?, '*')" + groups + ")", Integer.class, args.toArray());
        return revokes == null || revokes > 0;
    }
}
