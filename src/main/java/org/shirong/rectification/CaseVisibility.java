package org.shirong.rectification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may read a case, its timeline and its photos ({@code shirong.cases.visibility}), always within the case's
 * organisation (tenant): with {@code unit} (the default) the case's lead unit, its responsible units, whoever
 * reported it, the organisation's office, approvers, inspectors and assessors (督查考核), and the district groups given oversight
 * over it ({@code READ} or {@code SUPERVISE}); with {@code organization} every user of the organisation. Besides, every unit told to cooperate on the case (协办, {@link CaseParties}) reads it, also
 * when it belongs to another organisation (the 属地 town's office on a district's case); and those who read every case
 * of a town or street (its office, approvers, inspectors, overseers: its {@code organization.yaml} roles) read the
 * district's cases that lie in it (its 属地, {@link CaseRecord#territory}), as its office does (s54 V4: a town's 镇长
 * sees what the district holds against the town). A village or community of the organisation (村/社区, its groups of type
 * VILLAGE or COMMUNITY) reads the cases whose 村/社区 it is, read-only (jxreview-s58 J5: 卫星村 sees the problems reported in
 * the village); reading gives no task and no action, which their own checks decide. Administrators read every case.
 */
@Component
class CaseVisibility {

    enum Mode {
        UNIT, ORGANIZATION
    }

    /** A condition on {@code rect_case} with its arguments, to be and-ed to a list query. */
    record Filter(String sql, List<Object> args) {
    }

    private final Mode mode;
    private final Organizations organizations;
    private final CaseParties parties;

    CaseVisibility(@Value("${shirong.cases.visibility}") String mode, Organizations organizations, CaseParties parties) {
        this.parties = parties;
        this.mode = switch (mode.strip().toLowerCase()) {
            case "unit" -> Mode.UNIT;
            // "town" is what this setting was called while Shirong ran one town.
            case "organization", "town" -> Mode.ORGANIZATION;
            default -> throw new IllegalStateException("shirong.cases.visibility 只能是 unit 或 organization，而不是 " + mode);
        };
        this.organizations = organizations;
    }

    /**
     * Within the case's organisation: its office, leading group and inspectors, the reporter, the lead and responsible
     * units, and (in organization mode) everybody; outside it only the units that cooperate on the case.
     */
    boolean mayRead(Authentication user, CaseRecord c) {
        if (user == null) {
            return false;
        }
        if (groups(user).contains(Groups.CAMUNDA_ADMIN)) {
            return true;
        }
        if (!tenants(user).contains(c.tenantId())) {
            return parties.anyOf(c.caseNo(), groups(user)) || readsTerritory(user, c.territory());
        }
        if (mode == Mode.ORGANIZATION || seesAll(user, c.tenantId()) || user.getUserId().equals(c.reportedBy())) {
            return true;
        }
        Set<String> units = new LinkedHashSet<>();
        units.add(c.leadUnit());
        if (c.responsibleUnits() != null) {
            Arrays.stream(c.responsibleUnits().split(",")).map(String::strip).forEach(units::add);
        }
        return groups(user).stream().anyMatch(units::contains)
                || c.community() != null && communitiesOf(user, c.tenantId()).contains(c.community())
                || parties.anyOf(c.caseNo(), groups(user));
    }

    /**
     * The villages and communities (村/社区) of {@code tenant} the user belongs to, by name, as a case's {@code community}
     * names them: their cases are the user's to read (jxreview-s58 J5). Read from the organisation's file, no query.
     */
    List<String> communitiesOf(Authentication user, String tenant) {
        Organization organization = organizations.find(tenant).orElse(null);
        if (organization == null) {
            return List.of();
        }
        List<String> groups = groups(user);
        return organization.communities().stream().filter(g -> groups.contains(g.id())).map(Organization.GroupDefinition::name)
                .toList();
    }

    /** The cases {@code user} may read, as a condition for {@link CaseRecords#list}; null when they may read all. */
    Filter listFilter(Authentication user) {
        if (user != null && groups(user).contains(Groups.CAMUNDA_ADMIN)) {
            return null;
        }
        List<Object> args = new ArrayList<>();
        List<String> tenants = user == null ? List.of() : tenants(user);
        // a case the user reported, in an organisation he still belongs to, as mayRead (secreview-s61 S2: moved to
        // another town, his old reports were listed though no longer readable)
        StringBuilder sql = new StringBuilder(tenants.isEmpty() ? "(1 = 0"
                : "((reported_by = ? and tenant_id in (" + String.join(", ", Collections.nCopies(tenants.size(), "?")) + "))");
        if (!tenants.isEmpty()) {
            args.add(user.getUserId());
            args.addAll(tenants);
        }
        for (String tenant : tenants) {
            if (mode == Mode.ORGANIZATION || seesAll(user, tenant)) {
                sql.append(" or tenant_id = ?");
                args.add(tenant);
            }
            if (seesAll(user, tenant)) {
                sql.append(" or territory = ?");
                args.add(tenant);
            }
            for (String community : communitiesOf(user, tenant)) {
                sql.append(" or (tenant_id = ? and community = ?)");
                args.add(tenant);
                args.add(community);
            }
        }
        for (String group : user == null ? List.<String>of() : groups(user)) {
            sql.append(" or lead_unit = ? or concat(',', replace(coalesce(responsible_units, ''), ' ', ''), ',') like ?");
            args.add(group);
            args.add("%," + group + ",%");
        }
        List<String> groups = user == null ? List.of() : groups(user);
        if (!groups.isEmpty()) {
            sql.append(" or ").append(CaseParties.partyCondition(groups.size()));
            args.addAll(groups);
        }
        return new Filter(sql.append(')').toString(), args);
    }

    /** Whether {@code user} reads every case of the organisation (its office, leading group, inspectors, overseers). */
    boolean readsWholeOrganization(Authentication user, String tenant) {
        return user != null && (groups(user).contains(Groups.CAMUNDA_ADMIN)
                || tenants(user).contains(tenant) && (mode == Mode.ORGANIZATION || seesAll(user, tenant)));
    }

    /**
     * Whether {@code user} reads every case of the town or street {@code territory} (its office, approvers, inspectors,
     * assessors, overseers), and so the other organisations' (its district's) cases that lie in it.
     */
    private boolean readsTerritory(Authentication user, String territory) {
        return territory != null && tenants(user).contains(territory) && seesAll(user, territory);
    }

    private boolean seesAll(Authentication user, String tenant) {
        Organization organization = organizations.find(tenant).orElse(null);
        if (organization == null || organization.roles() == null) {
            return false;
        }
        // the office, approvers, inspectors and 督查考核 (锦溪镇's 纪委监察, the cases behind the 驾驶舱's figures), as the 驾驶舱;
        // SUPERVISE needs the case in view: a group given only 督办 reads what it supervises.
        List<String> groups = groups(user);
        return organization.readsWholeOrganization(groups) || organizations.overseers(tenant).stream().anyMatch(groups::contains);
    }

    private static List<String> tenants(Authentication user) {
        return user.getTenantIds() == null ? List.of() : user.getTenantIds();
    }

    /** The units of the user (its groups), for {@code role=cooperating}. */
    static List<String> groups(Authentication user) {
        return user.getGroupIds() == null ? List.of() : user.getGroupIds();
    }
}
