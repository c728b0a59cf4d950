package org.shirong.notification;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.OrganizationRoles;
import org.shirong.rectification.RectificationProcess;
import org.springframework.stereotype.Component;

/**
 * Turns a send task's {@code recipients} (comma list of {@code group:<id>}, {@code user:<id>},
 * {@code role:leadUnit}, {@code role:leadUnitHead}, {@code role:office}, {@code role:leadingGroup})
 * into users and groups. Roles read the case's {@code leadUnit} variable, the unit heads of
 * {@code organization.yaml} and the office and leading-group ids of {@code shirong.rectification}.
 * An unknown entry fails the send task, so a typo in a diagram shows as an incident.
 */
@Component
class RecipientResolver {

    private final IdentityService identityService;
    private final OrganizationRecords organization;
    private final OrganizationRoles roles;

    RecipientResolver(IdentityService identityService, OrganizationRecords organization, OrganizationRoles roles) {
        this.identityService = identityService;
        this.organization = organization;
        this.roles = roles;
    }

    Recipients resolve(String spec, DelegateExecution execution) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (String entry : spec == null ? new String[0] : spec.split(",")) {
            String item = entry.strip();
            if (item.startsWith("group:")) {
                groups.add(item.substring("group:".length()).strip());
            } else if (item.startsWith("user:")) {
                users.add(item.substring("user:".length()).strip());
            } else if (item.equals("role:leadUnit")) {
                groups.add(leadUnit(execution));
            } else if (item.equals("role:leadUnitHead")) {
                users.addAll(organization.heads(leadUnit(execution)));
            } else if (item.equals("role:office")) {
                groups.add(roles.office(execution));
            } else if (item.equals("role:leadingGroup")) {
                groups.add(roles.leading(execution));
            } else if (!item.isEmpty()) {
                throw new IllegalArgumentException("通知接收人 \"" + item + "\" 无法识别（应为 group:组、user:用户或 role:角色）");
            }
        }
        groups.forEach(g -> identityService.createUserQuery().memberOfGroup(g).list().stream().map(User::getId).forEach(users::add));
        return new Recipients(users, groups);
    }

    /** A group's members and the group itself (for its robot). */
    Recipients ofGroup(String group) {
        return resolve("group:" + group, null);
    }

    private static String leadUnit(DelegateExecution execution) {
        Object unit = execution.getVariable(RectificationProcess.VAR_LEAD_UNIT);
        if (unit == null) {
            throw new IllegalStateException("流程变量 leadUnit 为空，无法确定牵头单位");
        }
        return unit.toString();
    }
}
