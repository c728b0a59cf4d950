package org.shirong.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.shirong.organization.Organization.OversightRight;
import org.shirong.system.StartupRefusals;
import org.shirong.system.StartupRefusedException;
import org.shirong.system.TenantWork;
import org.shirong.system.WholeOrganizationReaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The organisations this installation runs, each a Camunda tenant with its own folder under
 * {@code config/organizations/}. Read and checked together at start-up: ids are the engine's and must be unique
 * across organisations, a town's district must be here and be a district.
 */
@Component
public class Organizations implements TenantWork, WholeOrganizationReaders {

    private static final Logger LOG = LoggerFactory.getLogger(Organizations.class);
    /** The start-up stage that reads the organisation files ({@link StartupRefusals}). */
    public static final String STAGE = "organizations";

    private final OrganizationFolders folders;
    private final Map<String, Organization> byId = new LinkedHashMap<>();
    private final Map<String, Organization> byGroup = new HashMap<>();
    private final Map<String, Organization> byUser = new HashMap<>();

    @Autowired
    Organizations(OrganizationProperties properties) {
        this(new OrganizationFolders(properties.folder()), properties.active());
    }

    private Organizations(OrganizationFolders folders, List<String> active) {
        List<Organization> organizations = load(folders, active);
        this.folders = folders;
        organizations.stream()
                .sorted(Comparator.comparing((Organization o) -> o.organization().level() != Organization.Level.DISTRICT))
                .forEach(o -> byId.put(o.id(), o));
        byId.values().forEach(o -> {
            o.groups().forEach(g -> byGroup.put(g.id(), o));
            o.users().forEach(u -> byUser.put(u.id(), o));
        });
        LOG.info("组织：{}", byId.values().stream().map(o -> o.name() + "（" + o.id() + "）").toList());
    }

    /**
     * Every active organisation's file, each read even when another is refused, so that one refusal names all; in a check
     * ({@link StartupRefusals}) those that read go on to the later stages.
     */
    private static List<Organization> load(OrganizationFolders folders, List<String> active) {
        StartupRefusals.Stage stage = StartupRefusals.stage(STAGE);
        TreeSet<String> found = folders.all();
        List<String> problems = new ArrayList<>();
        active.stream().filter(a -> !found.contains(a)).forEach(a -> problems.add(
                "shirong.organizations.active: 没有组织 \"" + a + "\"（应有文件夹 config/organizations/" + a + "/，已有: " + found + "）"));
        if (found.isEmpty()) {
            problems.add("config/organizations/ 下没有任何组织（每个组织一个文件夹，内有 organization.yaml）");
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        List<Organization> organizations = new ArrayList<>();
        for (String folder : active.isEmpty() ? found : new TreeSet<>(active)) {
            stage.get(folder, () -> OrganizationLoader.load(folders.file(folder, "organization.yaml"))).ifPresent(o -> {
                if (!folder.equals(o.id())) {
                    problems.add("config/organizations/%s/organization.yaml: organization.id \"%s\" 应与文件夹名 \"%s\" 相同"
                            .formatted(folder, o.id(), folder));
                }
                organizations.add(o);
            });
        }
        problems.addAll(crossChecks(organizations));
        if (!problems.isEmpty()) {
            stage.refuse(null, refused(problems));
        }
        stage.end();
        return organizations;
    }

    /** What no single file can see: ids used twice, case prefixes used twice, a parent that is not a district. */
    static List<String> crossChecks(List<Organization> organizations) {
        List<String> problems = new ArrayList<>();
        Map<String, String> idOwner = new HashMap<>();
        Map<String, String> prefixOwner = new HashMap<>();
        Map<String, Organization> byId = new HashMap<>();
        organizations.forEach(o -> byId.put(o.id(), o));
        for (Organization o : organizations) {
            String file = "config/organizations/" + o.id() + "/organization.yaml";
            List<String> ids = new ArrayList<>();
            o.groups().forEach(g -> ids.add(g.id()));
            o.users().forEach(u -> ids.add(u.id()));
            for (String id : ids) {
                String previous = idOwner.putIfAbsent(id, o.id());
                if (previous != null && !previous.equals(o.id())) {
                    problems.add("%s: id \"%s\" 已被组织 %s 使用（组与用户的 id 在所有组织中必须唯一，建议加上本组织的前缀）"
                            .formatted(file, id, previous));
                }
            }
            String prefixUser = prefixOwner.putIfAbsent(o.organization().casePrefix(), o.id());
            if (prefixUser != null) {
                problems.add("%s: case-prefix \"%s\" 已被组织 %s 使用".formatted(file, o.organization().casePrefix(), prefixUser));
            }
            String parent = o.organization().parent();
            if (parent != null) {
                Organization district = byId.get(parent);
                // A town may run here without its district (installed on its own); only a wrong kind of parent is refused.
                if (district != null && district.organization().level() != Organization.Level.DISTRICT) {
                    problems.add("%s: organization.parent \"%s\" 不是区（level: DISTRICT）".formatted(file, parent));
                }
            }
        }
        return problems;
    }

    private static StartupRefusedException refused(List<String> problems) {
        return new StartupRefusedException("组织机构配置有误，Shirong 未启动：\n  - " + String.join("\n  - ", problems),
                "请修改所列文件后重新启动。");
    }

    /** Every organisation, districts first. */
    public List<Organization> all() {
        return List.copyOf(byId.values());
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /**
     * The organisation of a tenant id. No tenant (a process deployed without one, as in a process unit test) means
     * the only organisation when there is just one, and none otherwise.
     */
    public Optional<Organization> find(String id) {
        if (id == null) {
            return byId.size() == 1 ? byId.values().stream().findFirst() : Optional.empty();
        }
        return Optional.ofNullable(byId.get(id));
    }

    /** The bundled (or {@code ./config/}) organisations of these ids, checked as at start-up; for tools and tests. */
    public static Organizations read(String... ids) {
        return new Organizations(new OrganizationFolders(OrganizationFolders.BUNDLED), List.of(ids));
    }

    /** The organisation of this tenant id; a tenant that is not configured is a programming error. */
    public Organization of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("没有组织 " + id));
    }

    /** The organisation a group belongs to. */
    public Optional<Organization> ofGroup(String groupId) {
        return Optional.ofNullable(groupId == null ? null : byGroup.get(groupId));
    }

    /** The organisation a user is a member of (each user belongs to exactly one). */
    public Optional<Organization> homeOf(String userId) {
        return Optional.ofNullable(userId == null ? null : byUser.get(userId));
    }

    /**
     * The person's name as their organisation's file gives it ({@code users[].name}, which the seeder also writes to
     * the engine's user), for pages and documents that would otherwise show a login id; the id itself for anyone not
     * in a file (the administrator, a user added in Admin), null for null.
     */
    public String personName(String userId) {
        return homeOf(userId).flatMap(o -> o.users().stream().filter(u -> u.id().equals(userId)).findFirst())
                .map(Organization.UserDefinition::name).filter(name -> !name.isBlank()).orElse(userId);
    }

    /** The towns and streets of a district, in file order. */
    public List<Organization> within(String districtId) {
        return byId.values().stream().filter(o -> districtId.equals(o.organization().parent())).toList();
    }

    /** The district's towns and streets by their offices' group ids, which stand for them among the district's units. */
    public Map<String, Organization> townOffices(String districtId) {
        Map<String, Organization> towns = new LinkedHashMap<>();
        within(districtId).forEach(town -> towns.put(town.roles().office(), town));
        return towns;
    }

    /** The names of the district's towns and streets by their offices' group ids, as the district's units are named. */
    public Map<String, String> townNamesByOffice(String districtId) {
        Map<String, String> names = new LinkedHashMap<>();
        townOffices(districtId).forEach((office, town) -> names.put(office, town.name()));
        return names;
    }

    /** The district's groups that oversee this organisation with any right (READ or SUPERVISE). */
    public Set<String> overseers(String id) {
        Set<String> groups = new LinkedHashSet<>(overseers(id, OversightRight.READ));
        groups.addAll(overseers(id, OversightRight.SUPERVISE));
        return groups;
    }

    /**
     * The groups of the organisation's district that hold this oversight right over it ({@code oversight} of the
     * parent's file); none for an organisation without a parent.
     */
    public Set<String> overseers(String id, OversightRight right) {
        String parent = find(id).map(o -> o.organization().parent()).orElse(null);
        if (parent == null || !byId.containsKey(parent)) {
            return Set.of();
        }
        Set<String> groups = new LinkedHashSet<>();
        byId.get(parent).oversight().stream().filter(o -> o.rights().contains(right)).forEach(o -> groups.add(o.group()));
        return groups;
    }

    @Override
    public boolean worksIn(Collection<String> groupIds, String tenantId) {
        return hasMember(tenantId, groupIds);
    }

    /** The 驾驶舱's rule ({@code CallerOrganization.seesAllUnits} without the administrator, whom the guards pass anyway). */
    @Override
    public boolean readsWhole(Collection<String> groupIds, String tenantId) {
        if (groupIds == null || tenantId == null) {
            return false;
        }
        return find(tenantId).map(o -> o.readsWholeOrganization(groupIds)).orElse(false)
                || overseers(tenantId).stream().anyMatch(groupIds::contains);
    }

    /** Whether one of these groups belongs to the organisation itself (not merely oversees it). */
    public boolean hasMember(String id, Collection<String> groupIds) {
        return groupIds != null && groupIds.stream().anyMatch(g -> id.equals(ofGroup(g).map(Organization::id).orElse(null)));
    }

    /**
     * Whether the group is another organisation's than {@code id}: a town's office taking part in its district's
     * campaign is none of the district's units.
     */
    public boolean ofAnother(String id, String groupId) {
        return ofGroup(groupId).map(o -> !o.id().equals(id)).orElse(false);
    }

    /** The group that plays a fixed part in an organisation's processes. */
    public String office(String id) {
        return of(id).roles().office();
    }

    public String leading(String id) {
        return of(id).roles().leading();
    }

    public String approvers(String id) {
        return of(id).roles().approvers();
    }

    public String inspectors(String id) {
        return of(id).roles().inspectors();
    }

    /**
     * The organisation's file of this name, as a path for {@link org.shirong.system.ConfigFile}: its own
     * ({@code organizations/<id>/<name>}) when it has one, else the shared default ({@code organizations/_defaults/<name>}).
     */
    public String file(String id, String name) {
        return folders.file(id, name);
    }

    /** The organisation's own file of this name, if its folder has one (no {@code _defaults} fallback). */
    public Optional<String> ownFile(String id, String name) {
        return folders.own(id, name);
    }

    /** The organisation's folder of campaign templates beside the application (it may not exist). */
    public java.nio.file.Path campaignsFolder(String id) {
        return folders.campaigns(id);
    }

    /** A unit's or group's name as its organisation's file gives it; empty for a group no file defines (made in Admin). */
    public Optional<String> groupName(String groupId) {
        return ofGroup(groupId).flatMap(o -> o.groups().stream().filter(g -> g.id().equals(groupId)).findFirst())
                .map(Organization.GroupDefinition::name).filter(name -> !name.isBlank());
    }

    /**
     * A unit's name as organisation {@code readBy} shows it (in its cases, campaigns, scores and documents): its own
     * units by their names, another organisation's with that organisation after it, as a town reads a district
     * department ("区绿化市容局（松江区）") and the district a town's office whose name does not say its town
     * ("创建工作办公室（九亭镇）"; "石湖荡镇市容环境管理办公室" stays as it is). The group id for a group no file defines;
     * no organisation {@code readBy} (null) reads every unit by its own name.
     */
    public String unitName(String groupId, String readBy) {
        return readAs(groupName(groupId).orElse(groupId), ofGroup(groupId).map(Organization::id).orElse(null), readBy);
    }

    /** The name {@code name} of a unit of organisation {@code unitOrganization}, as {@link #unitName} shows it to {@code readBy}. */
    String readAs(String name, String unitOrganization, String readBy) {
        if (name == null || readBy == null || unitOrganization == null || unitOrganization.equals(readBy)) {
            return name;
        }
        return find(unitOrganization).map(Organization::name).filter(place -> !name.contains(place))
                .map(place -> name + "（" + place + "）").orElse(name);
    }

    /** The organisation's own unit/group name by id, in file order. */
    public Map<String, String> groupNames(String id) {
        Map<String, String> names = new LinkedHashMap<>();
        of(id).groups().forEach(g -> names.put(g.id(), g.name()));
        return names;
    }
}
