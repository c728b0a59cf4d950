package org.shirong.system;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Keeps staff to the groups of their own organisation where the engine runs the group query, as the user directory
 * keeps them to its people: whichever door asks (engine REST, Tasklist's and Admin's {@code /camunda/api/engine}), a
 * list, a count or one group by id holds only the groups of the caller's organisations (tenants; a district's
 * oversight groups are members of its towns') and the caller's own groups. Administrators, the processes and
 * Shirong's own calls are not affected.
 */
class OwnOrganizationGroups extends CommandInterceptor {

    // Matches no group: group ids are never empty.
    private static final String NO_GROUP = "";

    private final ProcessEngineConfigurationImpl configuration;
    private final AuthenticatedIdentities identities;

    OwnOrganizationGroups(ProcessEngineConfigurationImpl configuration, AuthenticatedIdentities identities) {
        this.configuration = configuration;
        this.identities = identities;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Optional<Authentication> staff = command instanceof GroupQueryImpl
                ? EngineCaller.staffCall(configuration) : Optional.empty();
        if (staff.isPresent()) {
            GroupQueryImpl query = (GroupQueryImpl) command;
            Set<String> visible = visibleGroups(staff.get());
            String[] ids = (query.getIds() == null ? visible.stream() : Arrays.stream(query.getIds()).filter(visible::contains))
                    .toArray(String[]::new);
            query.groupIdIn(ids.length == 0 ? new String[] {NO_GROUP} : ids);
        }
        return next.execute(command);
    }

    private Set<String> visibleGroups(Authentication caller) {
        Set<String> visible = new HashSet<>(caller.getGroupIds() == null ? List.of() : caller.getGroupIds());
        for (String tenant : caller.getTenantIds() == null ? List.<String>of() : caller.getTenantIds()) {
            visible.addAll(identities.lookup("groups-of-organization:" + tenant, () -> groupsOf(tenant)));
        }
        return visible;
    }

    /** Read in a command of its own, which this guard leaves alone, past the caller's permissions. */
    private List<String> groupsOf(String tenant) {
        return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() ->
                context.getReadOnlyIdentityProvider().createGroupQuery(context).memberOfTenant(tenant).list().stream()
                        .map(Group::getId).toList()));
    }
}
