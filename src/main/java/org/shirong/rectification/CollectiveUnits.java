package org.shirong.rectification;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A dispatch table names 各居委会 or 各物业公司 (collectives, {@link Organization#isCollective}) where the plan does; a case
 * is one place and belongs to one 居委会. Chooses that member unit from what Shirong knows of the case: the reporter's own
 * committee, the 社区 the case names (a committee's name), or the responsibility zones at its place (their owner, or the
 * 居委会 they lie in). When that names none or several, the case is not given to all of them: the office assigns it.
 */
@Component
class CollectiveUnits {

    private static final Logger LOG = LoggerFactory.getLogger(CollectiveUnits.class);

    /** The units a case goes to; {@code undetermined} the collective whose member the office must choose, else null. */
    record Resolved(String lead, String responsible, String undetermined) {
    }

    private final Organizations organizations;
    private final IdentityService identity;
    private final PlaceOwners places;

    CollectiveUnits(Organizations organizations, IdentityService identity, PlaceOwners places) {
        this.organizations = organizations;
        this.identity = identity;
        this.places = places;
    }

    /**
     * {@code lead} and {@code responsible} (comma-separated) with each collective replaced by its member unit at the case's
     * place. A responsible collective whose member is not known is left out (the lead unit and the office involve it when
     * needed); a lead collective's is left to the office ({@code undetermined}), {@code lead} then stays as it was.
     */
    Resolved resolve(String organization, CaseRecord c, String lead, String responsible) {
        Optional<Organization> org = organizations.find(organization);
        if (org.isEmpty() || !(org.get().isCollective(lead) || anyCollective(org.get(), responsible))) {
            return new Resolved(lead, responsible, null);
        }
        Function<String, Optional<String>> member = collective -> memberAt(org.get(), collective, c);
        String undetermined = null;
        String newLead = lead;
        if (org.get().isCollective(lead)) {
            Optional<String> chosen = member.apply(lead);
            if (chosen.isPresent()) {
                newLead = chosen.get();
            } else {
                undetermined = lead;
            }
        }
        String newResponsible = responsible;
        if (responsible != null && !responsible.isBlank()) {
            Set<String> units = new LinkedHashSet<>();
            for (String unit : responsible.split(",")) {
                String u = unit.strip();
                if (u.isEmpty()) {
                    continue;
                }
                if (!org.get().isCollective(u)) {
                    units.add(u);
                } else {
                    member.apply(u).ifPresentOrElse(units::add, () -> LOG.info(org.get().memberUnits(u).isEmpty()
                            ? "案件 {}：责任单位 {} 是各成员单位的统称，不是一个单位，不派协办任务，由牵头单位组织各成员单位配合"
                            : "案件 {}：责任单位 {} 是若干单位的统称，无法从案件地点确定具体单位，未通知其协办",
                            c.caseNo(), org.get().groupName(u)));
                }
            }
            newResponsible = units.isEmpty() ? null : String.join(",", units);
        }
        return new Resolved(newLead, newResponsible, undetermined);
    }

    /** Why the office gets the case, for the 重新派遣案件 form's 回退理由 and the timeline. */
    String whyOffice(String organization, String collective) {
        String name = organizations.find(organization).map(o -> o.groupName(collective)).orElse(collective);
        return "派遣规则的牵头单位为“" + name + "”，系统无法从上报人、社区或案件地点的责任区确定由其中哪一个单位办理，"
                + "请办公室指定具体的单位（不会同时派给" + name + "的每个单位）";
    }

    private static boolean anyCollective(Organization org, String units) {
        return units != null && Arrays.stream(units.split(",")).map(String::strip).anyMatch(org::isCollective);
    }

    /** The one member unit of {@code collective} the case belongs to, if what is known names exactly one. */
    private Optional<String> memberAt(Organization org, String collective, CaseRecord c) {
        List<Organization.GroupDefinition> members = org.memberUnits(collective);
        Map<String, String> idByName = members.stream().collect(Collectors.toMap(g -> g.name().strip(), g -> g.id(), (a, b) -> a));
        List<String> ids = members.stream().map(Organization.GroupDefinition::id).toList();
        // the reporter's own committee reports about its own 居民区
        if (c.reportedBy() != null) {
            Set<String> reportersGroups = new SystemAccess(identity).run(() -> identity.createGroupQuery()
                    .groupMember(c.reportedBy()).list().stream().map(Group::getId).collect(Collectors.toSet()));
            List<String> own = ids.stream().filter(reportersGroups::contains).toList();
            if (own.size() == 1) {
                return Optional.of(own.get(0));
            }
        }
        if (c.community() != null && idByName.containsKey(c.community().strip())) {
            return Optional.of(idByName.get(c.community().strip()));
        }
        Set<String> found = new LinkedHashSet<>();
        for (PlaceOwners.Owner owner : places.at(org.id(), c.address(), c.community(), c.gridCell(), ids, idByName.keySet())) {
            if (ids.contains(owner.ownerGroup())) {
                found.add(owner.ownerGroup());
            }
            if (owner.community() != null && idByName.containsKey(owner.community().strip())) {
                found.add(idByName.get(owner.community().strip()));
            }
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }
}
