package org.shirong.organization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shirong.system.ConfigFile;
import org.shirong.system.ConfigYaml;
import org.shirong.system.StartupRefusedException;

/** Reads and checks one organisation's {@code organization.yaml}; every problem names the file and the field. */
final class OrganizationLoader {

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]+");
    static final Pattern TENANT_ID = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern CASE_PREFIX = Pattern.compile("[A-Z]{1,6}");
    private static final ObjectMapper YAML = ConfigYaml.mapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private OrganizationLoader() {
    }

    /** The organisation of {@code config/<file>} (else the bundled copy), checked on its own. */
    static Organization load(String file) {
        return ConfigFile.read(file, "组织机构文件", OrganizationLoader::read, OrganizationLoader::refused);
    }

    static Organization read(InputStream in, String fileName) {
        Organization organization;
        String text;
        try {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            organization = YAML.readValue(text, Organization.class);
        } catch (JsonMappingException e) {
            if (ConfigYaml.isSyntax(e)) {
                throw refused(fileName, List.of(ConfigYaml.problem(e)));
            }
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            var location = e.getLocation();
            throw refused(fileName, List.of("%s（第 %d 行）: %s".formatted(field.isEmpty() ? "文件" : field,
                    location == null ? 0 : location.getLineNr(), e.getOriginalMessage())));
        } catch (IOException e) {
            throw refused(fileName, List.of(ConfigYaml.problem(e)));
        }
        if (organization == null) {
            throw refused(fileName, List.of("文件为空"));
        }
        List<String> problems = check(organization);
        checkReporters(problems, organization, text);
        if (!problems.isEmpty()) {
            throw refused(fileName, problems);
        }
        return organization;
    }

    private static List<String> check(Organization org) {
        List<String> problems = new ArrayList<>();
        checkInfo(problems, org.organization());
        Set<String> groupIds = new HashSet<>();
        for (int i = 0; i < org.groups().size(); i++) {
            var group = org.groups().get(i);
            String at = "groups[" + i + "]";
            checkId(problems, at, group.id(), groupIds);
            if (blank(group.name())) {
                problems.add(at + ".name: 必须填写中文名称");
            }
            if (group.type() == null) {
                problems.add(at + ".type: 必须填写类型（LEADING_GROUP、OFFICE、WORKING_GROUP、UNIT、COMMITTEE、COMMUNITY、VILLAGE、PROPERTY）");
            }
        }
        for (int i = 0; i < org.groups().size(); i++) {
            var group = org.groups().get(i);
            if (group.parent() != null && org.group(group.parent()).map(p -> p.parent() != null).orElse(true)) {
                problems.add("groups[%d].parent: \"%s\" 不是本文件中的顶层单位".formatted(i, group.parent()));
            }
        }
        Set<String> userIds = new HashSet<>();
        for (int i = 0; i < org.users().size(); i++) {
            var user = org.users().get(i);
            String at = "users[" + i + "]";
            checkId(problems, at, user.id(), userIds);
            if (blank(user.name())) {
                problems.add(at + ".name: 必须填写姓名");
            }
            if (user.email() != null && !user.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add(at + ".email: \"" + user.email() + "\" 不是有效的邮箱地址");
            }
            if (user.groups().isEmpty()) {
                problems.add(at + ".groups: 至少属于一个组");
            }
            user.groups().stream().filter(g -> !groupIds.contains(g))
                    .forEach(g -> problems.add(at + ".groups: 组 \"" + g + "\" 未在 groups 中定义"));
            user.headOf().stream().filter(g -> !user.groups().contains(g))
                    .forEach(g -> problems.add(at + ".head-of: \"" + g + "\" 不在该用户的 groups 中"));
        }
        checkRoles(problems, org);
        checkNotice(problems, org.notice());
        checkTerms(problems, org.terms());
        checkMeetings(problems, org.meetings());
        return problems;
    }

    private static void checkInfo(List<String> problems, Organization.Info info) {
        if (info == null) {
            problems.add("organization: 必须填写本组织的 id、name、level 与 case-prefix");
            return;
        }
        if (blank(info.id()) || !TENANT_ID.matcher(info.id()).matches()) {
            problems.add("organization.id: \"" + info.id() + "\" 必须是小写英文字母开头的字母和数字（如 jiuting）");
        }
        if (blank(info.name())) {
            problems.add("organization.name: 必须填写镇（街道、区）的名称");
        }
        Organization.MapCentre map = info.map();
        if (map != null && (map.lat() == null || map.lng() == null || map.zoom() == null || map.lat() < -90 || map.lat() > 90
                || map.lng() < -180 || map.lng() > 180 || map.zoom() < 1 || map.zoom() > 18)) {
            problems.add("organization.map: 须写明 lat（纬度 -90 至 90）、lng（经度 -180 至 180）和 zoom（缩放级别 1 至 18），如"
                    + " { lat: 31.13, lng: 121.32, zoom: 13 }");
        }
        if (info.level() == null) {
            problems.add("organization.level: 必须填写级别（TOWN 镇、STREET 街道、DISTRICT 区）");
        }
        if (blank(info.casePrefix()) || !CASE_PREFIX.matcher(info.casePrefix()).matches()) {
            problems.add("organization.case-prefix: \"" + info.casePrefix() + "\" 必须是 1 到 6 个大写英文字母（如 JT）");
        }
    }

    private static void checkNotice(List<String> problems, Organization.Notice notice) {
        if (notice == null) {
            return;
        }
        String reply = notice.replyWithin();
        if (reply != null && (reply.isBlank() || reply.strip().length() > 20 || reply.chars().anyMatch(Character::isISOControl))) {
            problems.add("notice.reply-within: 写通报要求书面报告整改情况的期限，一行、不超过 20 个字，如“五个工作日”"
                    + "（不写则为五个工作日）");
        } else if (reply != null && ReplyPeriods.workingDays(reply).isEmpty()) {
            // the 通报 prints these words and its 书面报告整改情况 task is due by them: both must mean the same (diffreview-s58 R6)
            problems.add("notice.reply-within: “" + reply.strip() + "”不是工作日数，整改报告任务无法按它计算期限；请写 "
                    + ReplyPeriods.FORMS + "（不写则为五个工作日）");
        }
        if (notice.signedBy().size() > 3) {
            problems.add("notice.signed-by: 落款最多 3 行（现有 " + notice.signedBy().size() + " 行）");
        }
        for (int i = 0; i < notice.signedBy().size(); i++) {
            String line = notice.signedBy().get(i);
            if (line == null || line.isBlank() || line.strip().length() > 60 || line.chars().anyMatch(Character::isISOControl)) {
                problems.add("notice.signed-by[" + i + "]: 落款每行须填写，一行、不超过 60 个字，如“九亭镇创建工作领导小组”");
            }
        }
    }

    private static void checkMeetings(List<String> problems, Organization.MeetingDefaults meetings) {
        if (meetings == null || meetings.place() == null) {
            return;
        }
        String place = meetings.place();
        if (place.isBlank() || place.strip().length() > 100 || place.chars().anyMatch(Character::isISOControl)) {
            problems.add("meetings.place: 写本组织会议的默认地点，一行、不超过 100 个字，如“镇政府三楼会议室”"
                    + "（不写则会议通知写“地点：另行通知”）");
        }
    }

    private static void checkTerms(List<String> problems, Organization.Terms terms) {
        if (terms == null) {
            return;
        }
        checkTerm(problems, "lead-unit", terms.leadUnit(), "牵头单位");
        checkTerm(problems, "responsible-units", terms.responsibleUnits(), "责任单位");
        checkTerm(problems, "plan-item", terms.planItem(), "整治项目");
    }

    private static void checkTerm(List<String> problems, String field, String word, String example) {
        if (word != null && (word.isBlank() || word.strip().length() > 10 || word.chars().anyMatch(Character::isISOControl))) {
            problems.add("terms." + field + ": 写方案中的用语，一行、不超过 10 个字，如“" + example + "”（不写则用默认用语）");
        }
    }

    private static void checkRoles(List<String> problems, Organization org) {
        var roles = org.roles();
        if (roles == null) {
            problems.add("roles: 必须指定 office、leading、approvers、inspectors 各由哪个组担任");
            return;
        }
        checkRole(problems, org, "office", roles.office());
        checkRole(problems, org, "leading", roles.leading());
        checkRole(problems, org, "approvers", roles.approvers());
        checkRole(problems, org, "inspectors", roles.inspectors());
        for (String group : roles.assessors()) {
            if (blank(group) || !org.hasGroup(group)) {
                problems.add("roles.assessors: 组 \"" + group + "\" 未在 groups 中定义（填共同负责督查考核、查看驾驶舱的组 id，可不写）");
            }
        }
        for (String group : roles.officeLed()) {
            if (blank(group) || !org.hasGroup(group)) {
                problems.add("roles.office-led: 组 \"" + group + "\" 未在 groups 中定义（填方案规定由办公室牵头的工作组 id，可不写）");
            } else if (group.equals(roles.office()) || group.equals(roles.leading())) {
                problems.add("roles.office-led: 组 \"" + group + "\" 是办公室或领导小组本身，不必再写（只写由办公室牵头的工作组）");
            }
        }
        for (int i = 0; i < org.oversight().size(); i++) {
            String group = org.oversight().get(i).group();
            if (!org.hasGroup(group)) {
                problems.add("oversight[%d].group: 组 \"%s\" 未在 groups 中定义".formatted(i, group));
            }
            if (org.oversight().get(i).rights().isEmpty()) {
                problems.add("oversight[%d].rights: 至少填写一项（READ 查看、SUPERVISE 督办）".formatted(i));
            }
        }
    }

    /**
     * {@code reporters:}: each key a restricted case source's code, each value the ids of groups of this file; a problem
     * names the line, as Jackson's own do.
     */
    private static void checkReporters(List<String> problems, Organization org, String text) {
        if (org.reporters().isEmpty()) {
            return;
        }
        Map<String, Integer> lines = lines(text);
        String sources = Organization.RESTRICTED_SOURCES.entrySet().stream().map(e -> e.getKey() + "（" + e.getValue() + "）")
                .collect(Collectors.joining("、"));
        for (Map.Entry<String, List<String>> entry : org.reporters().entrySet()) {
            String at = "reporters." + entry.getKey();
            String place = at + "（第 " + lines.getOrDefault(at, 0) + " 行）";
            if (!Organization.RESTRICTED_SOURCES.containsKey(entry.getKey())) {
                problems.add(place + ": \"" + entry.getKey() + "\" 不是只限办公室、核查组和审批人选择的案件来源；可写 " + sources
                        + "（其他来源人人可选，不必写）");
                continue;
            }
            if (entry.getValue() == null || entry.getValue().isEmpty()) {
                problems.add(place + ": 写还可选择该来源的组 id，如 [chengguan]；不再另给时删除这一行");
                continue;
            }
            for (int i = 0; i < entry.getValue().size(); i++) {
                String group = entry.getValue().get(i);
                if (blank(group) || !org.hasGroup(group)) {
                    String item = at + "[" + i + "]";
                    problems.add("%s（第 %d 行）: 组 \"%s\" 未在 groups 中定义".formatted(item,
                            lines.getOrDefault(item, lines.getOrDefault(at, 0)), group));
                }
            }
        }
    }

    /** The line of each field and list item of a YAML text, by path ({@code reporters.CITIZEN[0]}). */
    private static Map<String, Integer> lines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (var parser = YAML.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                String path = parser.getParsingContext().pathAsPointer().toString().replaceFirst("^/", "")
                        .replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
                lines.putIfAbsent(path, parser.currentLocation().getLineNr());
            }
        } catch (IOException e) {
            // read once already: the lines are only for the messages
        }
        return lines;
    }

    private static void checkRole(List<String> problems, Organization org, String role, String group) {
        if (blank(group)) {
            problems.add("roles." + role + ": 必须填写担任该角色的组");
        } else if (!org.hasGroup(group)) {
            problems.add("roles." + role + ": 组 \"" + group + "\" 未在 groups 中定义");
        }
    }

    private static void checkId(List<String> problems, String at, String id, Set<String> seen) {
        if (blank(id)) {
            problems.add(at + ".id: 必须填写");
        } else if (!ID.matcher(id).matches()) {
            problems.add(at + ".id: \"" + id + "\" 只能包含英文字母和数字");
        } else if (!seen.add(id)) {
            problems.add(at + ".id: \"" + id + "\" 重复");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static StartupRefusedException refused(String fileName, List<String> problems) {
        return new StartupRefusedException("组织机构文件 " + fileName + " 有误：\n  - " + String.join("\n  - ", problems),
                "请修改该文件后重新启动。");
    }
}
