package org.shirong.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.OrganizationRoles;
import org.shirong.rectification.RectificationProcess;
import org.shirong.system.AuthenticatedIdentities;
import org.springframework.stereotype.Component;

/**
 * Turns a send task's {@code recipients} (comma list of {@code group:<id>}, {@code user:<id>},
 * {@code role:leadUnit}, {@code role:leadUnitHead}, {@code role:office}, {@code role:leadingGroup})
 * into users and groups. A unit with no head in its organisation file (a district department's liaison, a summary unit
 * such as 各居委会) is told through its members instead, so that its overdue cases never go unannounced to it. Roles read the case's {@code leadUnit} variable, the unit heads of
 * {@code organization.yaml} and the office and leading-group ids of {@code shirong.rectification}.
 * An unknown entry fails the send task, so a typo in a diagram shows as an incident.
 *
 * <p>What is addressed to an organisation's leading group as a body ({@code role:leadingGroup}; a 通报 to the units
 * and the leading group, {@link #ofNotice}) reaches its leaders ({@link #readersOf}), not every member: in 九亭镇 and
 * 锦溪镇 every unit's head is a member of the leading group, and hears of the units' business as its unit's head.
 *
 * <p>A unit's heads, and a group's members where no user is logged in (the job executor: a deadline's notification),
 * are kept as {@link AuthenticatedIdentities#lookup} keeps them, forgotten when this node changes the organisation and
 * after {@code shirong.identity-cache.time-to-live}; a logged-in user's send task asks the engine, whose answer depends
 * on what that user may read.
 */
@Component
class RecipientResolver {

    private final IdentityService identityService;
    private final OrganizationRecords organization;
    private final OrganizationRoles roles;
    private final AuthenticatedIdentities directory;

    RecipientResolver(IdentityService identityService, OrganizationRecords organization, OrganizationRoles roles,
            AuthenticatedIdentities directory) {
        this.identityService = identityService;
        this.directory = directory;
        this.organization = organization;
        this.roles = roles;
    }

    Recipients resolve(String spec, DelegateExecution execution) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        // addressed as a body: told through their leaders, not their members (and still to their robots)
        Set<String> leadingGroups = new LinkedHashSet<>();
        for (String entry : spec == null ? new String[0] : spec.split(",")) {
            String item = entry.strip();
            if (item.startsWith("group:")) {
                groups.add(item.substring("group:".length()).strip());
            } else if (item.startsWith("user:")) {
                users.add(item.substring("user:".length()).strip());
            } else if (item.equals("role:leadUnit")) {
                groups.add(leadUnit(execution));
            } else if (item.equals("role:leadUnitHead")) {
                String unit = leadUnit(execution);
                List<String> heads = heads(unit);
                if (heads.isEmpty()) {
                    groups.add(unit);
                } else {
                    users.addAll(heads);
                }
            } else if (item.equals("role:office")) {
                groups.add(roles.office(execution));
            } else if (item.equals("role:leadingGroup")) {
                String leading = roles.leading(execution);
                users.addAll(readersOf(leading));
                leadingGroups.add(leading);
            } else if (!item.isEmpty()) {
                throw new IllegalArgumentException("通知接收人 \"" + item + "\" 无法识别（应为 group:组、user:用户或 role:角色）");
            }
        }
        groups.forEach(g -> users.addAll(members(g)));
        groups.addAll(leadingGroups);
        return new Recipients(users, groups);
    }

    /** A group's members and the group itself (for its robot). */
    Recipients ofGroup(String group) {
        return resolve("group:" + group, null);
    }

    /**
     * A notice to several groups at once (a 通报 to the units taking part and the leading group): each person once, however
     * many of the groups they belong to; of a leading group its leaders only ({@link #readersOf}); every group for its robot.
     */
    Recipients ofNotice(Collection<String> groups) {
        Set<String> users = new LinkedHashSet<>();
        for (String group : groups) {
            users.addAll(readersOf(group));
        }
        return new Recipients(users, new LinkedHashSet<>(groups));
    }

    /**
     * Who reads what is addressed to a group as a body: of an organisation's leading group its leaders, its heads and the
     * members of the groups that lead it ({@link OrganizationRoles#leadersOf}: its 组长、副组长); of any other group, or a
     * leading group whose organisation singles out no such group (or they have no one), its members.
     */
    Collection<String> readersOf(String group) {
        Set<String> leaders = new LinkedHashSet<>();
        List<String> core = roles.leadersOf(group);
        if (!core.isEmpty()) {
            leaders.addAll(heads(group));
            core.forEach(g -> leaders.addAll(members(g)));
        }
        return leaders.isEmpty() ? members(group) : leaders;
    }

    private List<String> heads(String unit) {
        return directory.lookup("heads:" + unit, () -> List.copyOf(organization.heads(unit)));
    }

    private List<String> members(String group) {
        // the job executor authenticates a job of an organisation by its tenant alone, without a user
        if (identityService.getCurrentAuthentication() != null && identityService.getCurrentAuthentication().getUserId() != null) {
            return memberIds(group);
        }
        return directory.lookup("members:" + group, () -> memberIds(group));
    }

    private List<String> memberIds(String group) {
        return identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
    }

    private static String leadUnit(DelegateExecution execution) {
        Object unit = execution.getVariable(RectificationProcess.VAR_LEAD_UNIT);
        if (unit == null) {
            throw new IllegalStateException("流程变量 leadUnit 为空，无法确定牵头单位");
        }
        return unit.toString();
    }
}
