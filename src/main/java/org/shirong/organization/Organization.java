package org.shirong.organization;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The content of one organisation's {@code config/organizations/<id>/organization.yaml}: a town, street or district
 * that runs its own campaigns as its own Camunda tenant. Group and user ids are the engine's ids, unique across
 * every organisation.
 */
public record Organization(Info organization, Roles roles, List<Oversight> oversight, List<GroupDefinition> groups,
        List<UserDefinition> users, Notice notice, Terms terms, MeetingDefaults meetings, Map<String, List<String>> reporters) {

    public Organization(Info organization, Roles roles, List<Oversight> oversight, List<GroupDefinition> groups,
            List<UserDefinition> users) {
        this(organization, roles, oversight, groups, users, null, null, null, null);
    }

    public Organization(Info organization, Roles roles, List<Oversight> oversight, List<GroupDefinition> groups,
            List<UserDefinition> users, Notice notice, Terms terms, MeetingDefaults meetings) {
        this(organization, roles, oversight, groups, users, notice, terms, meetings, null);
    }

    /**
     * The case sources (their codes) that weigh in the units' scores and that only the office, the inspectors and the
     * approvers may choose unless the file's {@code reporters:} names more groups for one; their labels for messages.
     * The rectification capability's restricted sources are these.
     */
    public static final Map<String, String> RESTRICTED_SOURCES = restrictedSources();

    private static Map<String, String> restrictedSources() {
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        sources.put("JOINT_INSPECTION", "联合检查、督导检查");
        sources.put("CITIZEN", "市民反映（12345）");
        sources.put("SPOT_CHECK", "市级明查暗访");
        return java.util.Collections.unmodifiableMap(sources);
    }

    /**
     * The groups the file's {@code reporters:} lets choose a restricted source ({@link #RESTRICTED_SOURCES}, by code)
     * besides the office, the inspectors and the approvers: 九亭镇's 城管中队 takes 投诉举报 (市民反映), its 执法整治组 does
     * 联合执法 (联合检查). The groups that share the 督查考核 ({@code roles.assessors}) also choose 联合检查、督导检查, the
     * source of what their 督促检查 finds (锦溪镇's 纪委监察, whose findings are 季检查（督促检查）, jxreview-s58 J9). Empty when
     * there are none.
     */
    public List<String> reportersOf(String source) {
        List<String> groups = reporters.get(source);
        List<String> named = groups == null ? List.of() : groups;
        if (!"JOINT_INSPECTION".equals(source) || roles == null || roles.assessors().isEmpty()) {
            return named;
        }
        return java.util.stream.Stream.concat(named.stream(), roles.assessors().stream()).distinct().toList();
    }

    /** What a meeting's notice and agenda say when the meeting names no place. */
    public static final String PLACE_TO_BE_ANNOUNCED = "另行通知";

    /**
     * The organisation's meetings ({@code meetings:}, optional): {@code place}, where they are held unless a meeting names
     * its own (a campaign cycle's {@code place}), as 镇政府三楼会议室. Unset, a notice says 地点：另行通知.
     */
    public record MeetingDefaults(String place) {
    }

    /** Where the organisation's meetings are held unless one names its own place ({@code meetings.place}); empty if unset. */
    public String meetingPlace() {
        return meetings == null || meetings.place() == null ? "" : meetings.place().strip();
    }

    /** What a 通报 says today when the file sets nothing: report back within 五个工作日, signed by the leading group. */
    public static final String DEFAULT_REPLY_WITHIN = "五个工作日";

    /**
     * The organisation's 通报 ({@code notice:}, optional): {@code replyWithin}, how long a named unit has to report its
     * rectification in writing (五个工作日); {@code signedBy}, the lines of the signature, the body that issues it and, if
     * any, a note such as （区绿化市容局代章）. Unset, today's text: 五个工作日 and the leading group's name.
     */
    public record Notice(String replyWithin, List<String> signedBy) {

        public List<String> signedBy() {
            return signedBy == null ? List.of() : signedBy;
        }
    }

    /**
     * The words of the organisation's plan for a case's units and plan item ({@code terms:}, optional), as its case ledger
     * heads their columns: 锦溪镇 牵头单位 / 责任单位 / 整治项目, 九亭镇 牵头部门 / 配合部门. Unset, the words of the pages
     * and forms (the 驾驶舱, the case page, 整改问题): 牵头单位 / 协办单位 / 整治项目 (sjreview-s57 D16: the district's ledger
     * said 主责单位 / 计划项目 beside a 驾驶舱 and 月报 saying 牵头单位 / 整治项目).
     */
    public record Terms(String leadUnit, String responsibleUnits, String planItem) {

        public static final Terms DEFAULT = new Terms("牵头单位", "协办单位", "整治项目");

        /** These words, each unset one the default's. */
        Terms orDefault() {
            return new Terms(or(leadUnit, DEFAULT.leadUnit), or(responsibleUnits, DEFAULT.responsibleUnits),
                    or(planItem, DEFAULT.planItem));
        }

        private static String or(String word, String otherwise) {
            return word == null || word.isBlank() ? otherwise : word.strip();
        }
    }

    /**
     * Who the organisation is; {@code id} is its tenant id, {@code parent} the district a town or street belongs to,
     * {@code map} (optional) where the case map opens when it has no case to show.
     */
    public record Info(String id, String name, Level level, String parent, String casePrefix, MapCentre map) {

        public Info(String id, String name, Level level, String parent, String casePrefix) {
            this(id, name, level, parent, casePrefix, null);
        }
    }

    /** The centre (WGS84 degrees) and zoom level (1–18) of the organisation's area on the case map. */
    public record MapCentre(Double lat, Double lng, Integer zoom) {
    }

    public enum Level {
        TOWN("镇"), STREET("街道"), DISTRICT("区");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The groups that play a fixed part in the processes: the office (re-dispatch, approvals, supervision, reviews),
     * the leading group (second extension, suspension), the approvers among its leaders, and who verifies a fix.
     * {@code officeLed}: the working groups the organisation's plan has the office lead (松江区's 区级联合检查组, "区市容专办
     * 牵头"), whose tasks are the office's own work.
     */
    public record Roles(String office, String leading, String approvers, String inspectors, List<String> assessors,
            List<String> officeLed) {

        /**
         * The groups that share the 督查考核 with the office ({@code assessors}, optional): they read the 驾驶舱 and every
         * case, as 锦溪镇's 纪委监察 ("镇纪委（监察室）会同…办公室共同负责…督查考核"); none where the file names none.
         */
        public List<String> assessors() {
            return assessors == null ? List.of() : assessors;
        }

        /** The groups the office leads ({@code office-led}, optional); none where the file names none. */
        public List<String> officeLed() {
            return officeLed == null ? List.of() : officeLed;
        }
    }

    /** A district group's rights over the district's towns and streets. */
    public record Oversight(String group, List<OversightRight> rights) {

        public List<OversightRight> rights() {
            return rights == null ? List.of() : rights;
        }
    }

    public enum OversightRight {
        READ, SUPERVISE
    }

    /**
     * {@code collective}: the group names several units together (各数字城管成员单位, whose people are the heads of member
     * units) and is no unit of its own, though its members are users rather than units under it ({@link #isCollective}).
     */
    public record GroupDefinition(String id, String name, GroupType type, String duties, String parent, Boolean collective) {
    }

    public record UserDefinition(String id, String name, String title, String email, List<String> groups,
            List<String> headOf) {

        public List<String> groups() {
            return groups == null ? List.of() : groups;
        }

        public List<String> headOf() {
            return headOf == null ? List.of() : headOf;
        }
    }

    public Organization {
        reporters = reporters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reporters));
        oversight = oversight == null ? List.of() : List.copyOf(oversight);
        groups = groups == null ? List.of() : List.copyOf(groups);
        users = users == null ? List.of() : List.copyOf(users);
    }

    public String id() {
        return organization.id();
    }

    /** The plan's words for a case's units and plan item ({@code terms:}), the defaults where the file sets none. */
    public Terms words() {
        return terms == null ? Terms.DEFAULT : terms.orDefault();
    }

    public String name() {
        return organization.name();
    }

    public Optional<GroupDefinition> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public boolean hasGroup(String id) {
        return group(id).isPresent();
    }

    /** The name the file gives one of the organisation's groups; its id when the file gives none. */
    public String groupName(String id) {
        return group(id).map(GroupDefinition::name).filter(name -> !name.isBlank()).orElse(id);
    }

    /** The groups as the file names them, each once, for a sentence: 督导检查组、创建工作办公室 (a town's office may also inspect). */
    public String namesOf(String... ids) {
        return Arrays.stream(ids).filter(Objects::nonNull).map(this::groupName).distinct().collect(Collectors.joining("、"));
    }

    /**
     * The names documents and notifications give the bodies that play the fixed parts, as the file names them
     * ({@code officeName}: 九亭镇 创建工作办公室, 锦溪镇 推进小组办公室; {@code leadingName}; {@code inspectorsName}).
     */
    public Map<String, String> roleNames() {
        return Map.of("officeName", groupName(roles.office()), "leadingName", groupName(roles.leading()),
                "inspectorsName", groupName(roles.inspectors()), "noticeIssuer", noticeSignature().get(0));
    }

    /** How long a unit named in a 通报 has to report back in writing (五个工作日 unless {@code notice.reply-within} says). */
    public String noticeReplyWithin() {
        return notice == null || notice.replyWithin() == null || notice.replyWithin().isBlank() ? DEFAULT_REPLY_WITHIN
                : notice.replyWithin().strip();
    }

    /** The 通报's signature, a line each ({@code notice.signed-by}); the leading group's name unless the file says. */
    public List<String> noticeSignature() {
        return notice == null || notice.signedBy().isEmpty() ? List.of(groupName(roles.leading()))
                : notice.signedBy().stream().map(String::strip).toList();
    }

    /**
     * Supervisors may open Cockpit, read every process of the organisation and start campaigns and assignments: the
     * office and the approvers (组长、副组长). The whole leading group is not: its members include every unit's head.
     */
    public boolean supervises(String groupId) {
        return roles != null && (groupId.equals(roles.office()) || groupId.equals(roles.approvers()));
    }

    /**
     * The groups that lead {@code group} when it is the organisation's leading group ({@code roles.leading}): its sub-groups
     * of type LEADING_GROUP ({@code parent} the leading group), as 九亭镇's 领导小组组长、副组长 and 锦溪镇's 推进小组组长、副组长;
     * empty for any other group, or when the file singles none out (松江区's 区市容专办领导 are all leaders). The leading
     * group's other members are there as their units' heads.
     */
    public List<String> leadersOf(String group) {
        if (roles == null || !group.equals(roles.leading())) {
            return List.of();
        }
        return groups.stream().filter(g -> g.type() == GroupType.LEADING_GROUP && group.equals(g.parent()))
                .map(GroupDefinition::id).toList();
    }

    /** Whether the group checks rectifications ({@code roles.inspectors}): it reads all cases and the 驾驶舱. */
    public boolean inspects(String groupId) {
        return roles != null && groupId.equals(roles.inspectors());
    }

    /**
     * Whether a task given to the group is the office's own work: the office itself, or a group the plan has it lead
     * ({@code roles.office-led}, as 松江区's 区级联合检查组). A 通报 does not name it to the units, and the office is not asked
     * to 督促落实 itself (sjreview-s57 D10); its late tasks stay in the office's own papers.
     */
    public boolean officesOwnWork(String groupId) {
        return roles != null && (groupId.equals(roles.office()) || roles.officeLed().contains(groupId));
    }

    /** Whether the file says the office leads the group ({@code roles.office-led}). */
    public boolean ledByOffice(String groupId) {
        return roles != null && roles.officeLed().contains(groupId);
    }

    /**
     * Whether the group shares the 督查考核 ({@code roles.assessors}): it reads all cases and the 驾驶舱, read-only; it
     * approves, starts and 督办s nothing for being one.
     */
    public boolean assesses(String groupId) {
        return roles != null && roles.assessors().contains(groupId);
    }

    /**
     * The groups that read the whole organisation — every case and the 驾驶舱 — for their role: its office, approvers,
     * inspectors and assessors (督查考核), in that order; none for an organisation without roles. The one list
     * {@code DashboardAccess} and {@code CaseVisibility} read (diffreview-s56 D8); a district's overseers come on top.
     */
    public List<String> wholeOrganizationReaders() {
        if (roles == null) {
            return List.of();
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(roles.office(), roles.approvers(), roles.inspectors()),
                roles.assessors().stream()).filter(Objects::nonNull).distinct().toList();
    }

    /** Whether one of {@code groups} reads the whole organisation ({@link #wholeOrganizationReaders}). */
    public boolean readsWholeOrganization(java.util.Collection<String> groups) {
        return wholeOrganizationReaders().stream().anyMatch(groups::contains);
    }

    /**
     * Whether the group opens the 驾驶舱 (in Cockpit) without supervising: those of {@link #wholeOrganizationReaders} who do
     * not 督办, the inspectors and the assessors.
     */
    public boolean readsDashboard(String groupId) {
        return inspects(groupId) || assesses(groupId);
    }

    /**
     * The organisation's villages and communities (村、社区: groups of type VILLAGE or COMMUNITY, 锦溪镇 卫星村、上下塘社区), in the
     * file's order: what a case's 村/社区 names where the organisation has any (jxreview-s58 J5).
     */
    public List<GroupDefinition> communities() {
        return groups.stream().filter(g -> g.type() == GroupType.VILLAGE || g.type() == GroupType.COMMUNITY).toList();
    }

    /** The village or community (村/社区) {@code nameOrId} names, by its name or its id; empty for any other text. */
    public Optional<GroupDefinition> community(String nameOrId) {
        String text = nameOrId == null ? "" : nameOrId.strip();
        return text.isEmpty() ? Optional.empty()
                : communities().stream().filter(g -> text.equals(g.name()) || text.equals(g.id())).findFirst();
    }

    /**
     * The town's villages, communities and residents' committees (村、社区、居委会: VILLAGE, COMMUNITY or COMMITTEE groups, 九亭镇
     * 第一居委会), in the file's order: what the 社区 of a district's case lying in the town names (szreview-s60 S4).
     */
    public List<GroupDefinition> neighbourhoods() {
        return groups.stream().filter(g -> g.type() == GroupType.VILLAGE || g.type() == GroupType.COMMUNITY
                || g.type() == GroupType.COMMITTEE).toList();
    }

    /** The village, community or residents' committee {@code nameOrId} names, by its name or its id; empty for any other. */
    public Optional<GroupDefinition> neighbourhood(String nameOrId) {
        String text = nameOrId == null ? "" : nameOrId.strip();
        return text.isEmpty() ? Optional.empty()
                : neighbourhoods().stream().filter(g -> text.equals(g.name()) || text.equals(g.id())).findFirst();
    }

    /** The kinds of group that do work as units (a case's lead, a campaign's participant): not the bodies that hand it out. */
    private static final java.util.Set<GroupType> UNIT_TYPES = java.util.Set.of(GroupType.UNIT, GroupType.COMMITTEE, GroupType.PROPERTY);

    /**
     * The units that stand under {@code groupId} ({@code parent: groupId}): 第一居委会、第二居委会 under 各居委会, in the file's
     * order; empty for a group with none.
     */
    public List<GroupDefinition> memberUnits(String groupId) {
        return groups.stream().filter(g -> groupId != null && groupId.equals(g.parent()) && UNIT_TYPES.contains(g.type())).toList();
    }

    /**
     * Whether the group is a collective of units (各居委会, 各物业公司): a unit with member units of its own, or one the
     * file marks {@code collective: true} (锦溪's 各数字城管成员单位, whose members are the heads of units in it as users).
     * It names them together in the plan; the work is each member's (each 居委会 answers for its own 居民区), so no one
     * works as it: it gets no case, no 协办, no rank and no 通报 of its own (jxreview-s58 J4).
     */
    public boolean isCollective(String groupId) {
        return group(groupId).map(g -> UNIT_TYPES.contains(g.type())
                && (Boolean.TRUE.equals(g.collective()) || !memberUnits(groupId).isEmpty())).orElse(false);
    }

    /**
     * The user's own groups and, for a subset of a leading group (组长、副组长 of 领导小组), the group above. A member unit of a
     * collective (第一居委会 of 各居委会) is a unit of its own: its staff are not in the collective, so that they see, claim
     * and complete their own unit's work only, never a sibling's.
     */
    List<String> effectiveGroups(UserDefinition user) {
        return user.groups().stream()
                .flatMap(id -> group(id).map(g -> g.parent() == null || UNIT_TYPES.contains(g.type()) ? List.of(id)
                        : List.of(id, g.parent())).orElse(List.of(id)).stream())
                .distinct()
                .toList();
    }
}
