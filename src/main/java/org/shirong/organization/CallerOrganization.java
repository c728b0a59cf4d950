package org.shirong.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.system.ApiError;
import org.shirong.system.ForbiddenException;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.TextInput;
import org.springframework.stereotype.Component;

/**
 * The organisation an API call works in: the one named by its {@code organization} parameter, which the caller must
 * belong to (or oversee, for reading), else the caller's own. An administrator belongs to none and names it.
 * Oversight (a district's {@code oversight} groups over its towns and streets) gives reading and 督办, never work:
 * a district office cannot report, import or start work in a town.
 */
@Component
public class CallerOrganization {

    private final Organizations organizations;

    CallerOrganization(Organizations organizations) {
        this.organizations = organizations;
    }

    /** Where the caller reports, imports and starts work: their own organisation. */
    public String forWork(Authentication caller, String requested) {
        return resolve(caller, requested, false);
    }

    /** Whose records the caller reads (scores, reports): their own organisation, or one they oversee. */
    public String forReading(Authentication caller, String requested) {
        return resolve(caller, requested, true);
    }

    /**
     * The organisation a list of records across organisations is narrowed to by its {@code organization} parameter,
     * checked as {@link #forReading} (unknown 400, not readable 403); null when none is named: all the caller may read.
     */
    public String narrowedTo(Authentication caller, String requested) {
        String named = TextInput.selector("organization", requested, "INVALID_PARAMETER");
        return named == null ? null : forReading(caller, named);
    }

    /**
     * Refuses (403) a caller who is neither in the organisation's office nor in its leading group (nor an
     * administrator), for work only they may do, such as importing cases; {@code what} names it ("导入案件").
     */
    public void requireOfficeOrLeading(Authentication caller, String organization, String what) {
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        Organization o = organizations.of(organization);
        if (groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(o.roles().office()) || groups.contains(o.roles().leading())) {
            return;
        }
        throw new ForbiddenException("NOT_OFFICE_OR_LEADING", "只有" + o.name() + "的" + o.groupName(o.roles().office()) + "和"
                + o.groupName(o.roles().leading()) + "可以" + what);
    }

    /**
     * Refuses (403) a caller who is neither in the organisation's office nor among its approvers (组长、副组长; nor an
     * administrator), for a decision only they take, such as cancelling a campaign; {@code what} names it ("撤销活动").
     * The whole leading group is not enough: its members include every unit's head.
     */
    public void requireOfficeOrApprovers(Authentication caller, String organization, String what) {
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        Organization o = organizations.of(organization);
        if (groups.contains(Groups.CAMUNDA_ADMIN) || groups.stream().anyMatch(o::supervises)) {
            return;
        }
        throw new ForbiddenException("NOT_OFFICE_OR_APPROVERS", "只有" + o.name() + "的" + o.namesOf(o.roles().office(),
                o.roles().approvers()) + "可以" + what);
    }

    /**
     * The caller's group that may 督办 (supervise) the organisation's cases, if any: its office, leading group or
     * approvers, or a district group given {@code SUPERVISE} over it. An administrator supervises as
     * {@code camunda-admin}.
     */
    public Optional<String> supervisingGroup(Authentication caller, String organization) {
        if (caller == null || organization == null || caller.getGroupIds() == null) {
            return Optional.empty();
        }
        List<String> groups = caller.getGroupIds();
        var roles = organizations.of(organization).roles();
        var overseers = organizations.overseers(organization, Organization.OversightRight.SUPERVISE);
        return groups.stream().filter(g -> g.equals(roles.office()) || g.equals(roles.leading()) || g.equals(roles.approvers())
                || overseers.contains(g)).findFirst()
                .or(() -> groups.contains(Groups.CAMUNDA_ADMIN) ? Optional.of(Groups.CAMUNDA_ADMIN) : Optional.empty());
    }

    /**
     * Whether the caller sees the whole of the organisation's work, every unit's: its office (创建办), its approvers
     * (领导小组组长、副组长), its inspectors (督导检查组) and the groups sharing its 督查考核 ({@code roles.assessors}), the
     * district groups that oversee it, an administrator. The one
     * rule for the 活动驾驶舱 and the full 迎检档案; membership of the leading group alone does not count, as every unit's
     * head sits in it, and a unit sees its own work.
     */
    public boolean seesAllUnits(Authentication caller, String organization) {
        if (caller == null || caller.getGroupIds() == null || organization == null) {
            return false;
        }
        List<String> groups = caller.getGroupIds();
        if (groups.contains(Groups.CAMUNDA_ADMIN)) {
            return true;
        }
        if (organizations.of(organization).readsWholeOrganization(groups)) {
            return true;
        }
        return organizations.overseers(organization).stream().anyMatch(groups::contains);
    }

    /**
     * Whose campaign tasks the caller sees the results of (办理情况, who did it, the files handed in), by the group a task
     * was issued to, in a campaign of {@code organization} they read as {@code reader}: every unit's for those who see all
     * units ({@link #seesAllUnits}); a town taking part in its district's campaign its office's own; anyone else their own
     * groups' only, as Tasklist shows a unit member only their own units' tasks. The one rule for the campaign's overview,
     * its files' downloads and the 迎检档案's task folders (secreview-s59 S5).
     */
    public java.util.function.Predicate<String> campaignTasksShown(Authentication caller, String organization, CampaignReader reader) {
        if (!reader.whole()) {
            return reader.office()::equals;
        }
        if (seesAllUnits(caller, organization)) {
            return group -> true;
        }
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : List.copyOf(caller.getGroupIds());
        return groups::contains;
    }

    /**
     * Which organisations' records the caller may read: their own and those they oversee (both are tenants they are a
     * member of), every one for an administrator.
     */
    public java.util.function.Predicate<String> readable(Authentication caller) {
        if (caller == null) {
            return organization -> false;
        }
        if (caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
            return organization -> true;
        }
        List<String> tenants = tenants(caller);
        return tenants::contains;
    }

    /**
     * How the caller reads a campaign of {@code organization} whose units' groups are {@code campaignGroups} (asked only
     * when needed): whole when they may read the organisation ({@link #readable}: its members, the district groups that
     * oversee it, an administrator), else through their town's office when the town takes part in its district's
     * campaign ({@link #participatingOffice}), narrowed to that office's part; empty for anyone else, to whom the campaign
     * does not exist (404). The one rule for who reads a campaign: its pages, documents, dossiers and 驾驶舱 all ask it.
     */
    public Optional<CampaignReader> campaignReader(Authentication caller, String organization,
            Supplier<? extends Collection<String>> campaignGroups) {
        if (readable(caller).test(organization)) {
            return Optional.of(new CampaignReader(null));
        }
        return participatingOffice(caller, organization, campaignGroups.get()).map(CampaignReader::new);
    }

    /** A caller's reading of a campaign: {@code office} null for the whole campaign, else the participating town's office. */
    public record CampaignReader(String office) {

        public boolean whole() {
            return office == null;
        }
    }

    /**
     * The office group through which the caller reads a campaign of {@code organization} as one of its participating
     * towns or streets: the campaign lists that office among its units (a district template's participant
     * {@code organization: <town>}), the town's parent is {@code organization}, and the caller is in that office or among
     * the town's approvers. Reading only: the town does its own tasks in its own organisation. Empty for anyone else.
     */
    private Optional<String> participatingOffice(Authentication caller, String organization, Collection<String> campaignGroups) {
        if (caller == null || caller.getGroupIds() == null || organization == null) {
            return Optional.empty();
        }
        List<String> groups = caller.getGroupIds();
        return campaignGroups.stream().filter(office -> organizations.ofGroup(office)
                .filter(town -> organization.equals(town.organization().parent()) && office.equals(town.roles().office()))
                .filter(town -> groups.contains(office) || groups.contains(town.roles().approvers()))
                .isPresent()).findFirst();
    }

    private String resolve(Authentication caller, String requested, boolean reading) {
        boolean admin = caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
        if (requested != null && !requested.isBlank()) {
            String id = requested.strip();
            if (organizations.find(id).isEmpty()) {
                throw new InvalidRequestException(ApiError.field("organization", "UNKNOWN_ORGANIZATION",
                        "没有组织 \"" + id + "\"（可选：" + String.join("、", organizations.ids()) + "）"));
            }
            boolean allowed = admin || (reading ? tenants(caller).contains(id) : organizations.hasMember(id, caller.getGroupIds()));
            if (!allowed) {
                throw new ForbiddenException("NOT_A_MEMBER", "您不属于组织 " + organizations.of(id).name()
                        + (reading ? "，不能查看该组织的记录" : "，不能在该组织办理"));
            }
            return id;
        }
        return organizations.homeOf(caller.getUserId()).map(Organization::id)
                .or(() -> organizations.ids().size() == 1 ? organizations.ids().stream().findFirst() : java.util.Optional.empty())
                .orElseThrow(() -> new InvalidRequestException(ApiError.field("organization", "REQUIRED",
                        "请用 organization 参数指定组织（可选：" + String.join("、", organizations.ids()) + "）")));
    }

    private static List<String> tenants(Authentication caller) {
        return caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
    }
}
