package org.shirong.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesJvm;
import org.shirong.system.StartupRefusedException;

/** Every mistake in organization.yaml is named by file and field. */
@SharesJvm
class OrganizationLoaderTest {

    private static Organization read(String yaml) {
        return OrganizationLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "config/organization.yaml");
    }

    private static final String HEAD = """
            organization:
              name: 九亭镇
            groups:
              - { id: chengguan, name: 城管中队, type: UNIT }
            """;

    @Test
    void theShippedFileIsValid() throws Exception {
        try (var in = new FileInputStream("config/organizations/jiuting/organization.yaml")) {
            Organization organization = OrganizationLoader.read(in, "config/organizations/jiuting/organization.yaml");
            assertThat(organization.organization().name()).isEqualTo("九亭镇");
            assertThat(organization.organization().casePrefix()).isEqualTo("JT");
            assertThat(organization.groups()).hasSizeGreaterThan(20);
            assertThat(organization.roles().assessors()).as("九亭's plan names no 督查考核 besides the office").isEmpty();
        }
        try (var in = new FileInputStream("config/organizations/jinxi/organization.yaml")) {
            Organization jinxi = OrganizationLoader.read(in, "config/organizations/jinxi/organization.yaml");
            assertThat(jinxi.roles().assessors()).containsExactly("jxjiwei");
            assertThat(jinxi.assesses("jxjiwei")).isTrue();
            assertThat(jinxi.supervises("jxjiwei")).as("reads, approves nothing").isFalse();
        }
        // sjreview-s57 D10: 松江区's plan has the office lead the 区级联合检查组; 九亭镇's 督导检查组 stands beside its office
        Organization songjiang = Organizations.read("songjiang").of("songjiang");
        assertThat(songjiang.roles().officeLed()).containsExactly("sjlianjian");
        assertThat(songjiang.officesOwnWork("sjlianjian")).isTrue();
        assertThat(songjiang.officesOwnWork("sjshirongban")).isTrue();
        assertThat(songjiang.officesOwnWork("sjlvrongju")).isFalse();
        assertThat(Organizations.read("jiuting").of("jiuting").officesOwnWork("ducha")).isFalse();
    }

    @Test
    void anOfficeLedGroupMustBeAWorkingGroupOfTheFile() {
        assertThatThrownBy(() -> read("""
                organization:
                  id: jiuting
                  name: 九亭镇
                  level: TOWN
                  case-prefix: JT
                roles:
                  office: chuangban
                  leading: lingdao
                  approvers: lingdao
                  inspectors: chuangban
                  office-led: [ducha, chuangban]
                groups:
                  - { id: lingdao, name: 领导小组, type: LEADING_GROUP }
                  - { id: chuangban, name: 创建工作办公室, type: OFFICE }
                """))
                .hasMessageContaining("roles.office-led: 组 \"ducha\" 未在 groups 中定义")
                .hasMessageContaining("roles.office-led: 组 \"chuangban\" 是办公室或领导小组本身");
    }

    @Test
    void theHeaderAndTheRolesAreChecked() {
        assertThatThrownBy(() -> read("""
                organization:
                  id: Jiu-ting
                  name: 九亭镇
                  case-prefix: jt
                roles:
                  office: chuangban
                  leading: lingdao
                  approvers: lingdao
                  inspectors: ducha
                  assessors: [lingdao, jiwei]
                groups:
                  - { id: lingdao, name: 领导小组, type: LEADING_GROUP }
                """))
                .hasMessageContaining("organization.id: \"Jiu-ting\"")
                .hasMessageContaining("organization.level: 必须填写级别")
                .hasMessageContaining("organization.case-prefix: \"jt\"")
                .hasMessageContaining("roles.office: 组 \"chuangban\" 未在 groups 中定义")
                .hasMessageContaining("roles.inspectors: 组 \"ducha\" 未在 groups 中定义")
                .hasMessageContaining("roles.assessors: 组 \"jiwei\" 未在 groups 中定义")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("roles.assessors: 组 \"lingdao\""));
    }

    @Test
    void anIdOrCasePrefixUsedByTwoOrganisationsAndATownUnderATownAreRefused() {
        Organization jiuting = Organizations.read("jiuting").of("jiuting");
        Organization copy = new Organization(new Organization.Info("copy", "复制镇", Organization.Level.TOWN, "jiuting", "JT"),
                jiuting.roles(), List.of(), jiuting.groups(), List.of());
        assertThat(Organizations.crossChecks(List.of(jiuting, copy)))
                .anyMatch(p -> p.contains("id \"chengguan\" 已被组织 jiuting 使用"))
                .anyMatch(p -> p.contains("case-prefix \"JT\" 已被组织 jiuting 使用"))
                .anyMatch(p -> p.contains("organization.parent \"jiuting\" 不是区"));
    }

    /** A district's towns and streets stand among its units by their offices, named as the towns: not another town. */
    @Test
    void aDistrictNamesItsTownsByTheirOffices() {
        Organizations read = Organizations.read("songjiang", "jiuting", "shihudang", "jinxi");
        assertThat(read.townNamesByOffice("songjiang")).containsExactly(Map.entry("chuangban", "九亭镇"),
                Map.entry("shdshirongban", "石湖荡镇"));
        assertThat(read.townNamesByOffice("jiuting")).isEmpty();
    }

    /**
     * Each plan's 通报 is signed by its own body, as its file says ({@code notice.signed-by}): 九亭镇's leading group, 锦溪镇's
     * 推进小组, 松江区's 市容管理专项办公室 with the bureau's seal, not its 区市容专办领导; a town that sets nothing keeps today's
     * text (its leading group, 五个工作日), and a bad setting is refused naming its place.
     */
    @Test
    void eachPlansNoticeIsSignedByItsOwnBodyAndAFileSettingNothingKeepsTodaysText() {
        Organizations read = Organizations.read("songjiang", "jiuting", "shihudang", "jinxi");
        assertThat(read.of("jiuting").noticeSignature()).containsExactly("九亭镇创建工作领导小组");
        assertThat(read.of("jinxi").noticeSignature()).containsExactly("锦溪镇环境综合整治工作推进小组");
        assertThat(read.of("songjiang").noticeSignature()).containsExactly("松江区市容管理专项办公室", "（松江区绿化和市容管理局代章）");
        assertThat(read.of("songjiang").roleNames()).containsEntry("noticeIssuer", "松江区市容管理专项办公室")
                .containsEntry("leadingName", "区市容专办领导");
        Organization shihudang = read.of("shihudang");
        assertThat(shihudang.noticeSignature()).containsExactly(shihudang.groupName("shdlingdao"));
        assertThat(List.of("songjiang", "jiuting", "shihudang", "jinxi")).allSatisfy(id ->
                assertThat(read.of(id).noticeReplyWithin()).isEqualTo("五个工作日"));

        Organization set = read("""
                organization: { id: mouzhen, name: 某镇, level: TOWN, case-prefix: MZ }
                roles: { office: mzban, leading: mzlingdao, approvers: mzlingdao, inspectors: mzban }
                groups:
                  - { id: mzban, name: 创建办, type: OFFICE }
                  - { id: mzlingdao, name: 领导小组, type: LEADING_GROUP }
                notice:
                  reply-within: 三个工作日
                  signed-by: [某镇创建办]
                """);
        assertThat(set.noticeReplyWithin()).isEqualTo("三个工作日");
        assertThat(set.noticeSignature()).containsExactly("某镇创建办");
        assertThatThrownBy(() -> read(HEAD + "notice:\n  reply-within: \" \"\n  signed-by: [\"\", 乙, 丙, 丁]\n"))
                .hasMessageContaining("notice.reply-within: 写通报要求书面报告整改情况的期限")
                .hasMessageContaining("notice.signed-by: 落款最多 3 行（现有 4 行）")
                .hasMessageContaining("notice.signed-by[0]: 落款每行须填写");
        assertThatThrownBy(() -> read(HEAD + "notice:\n  signed: [某办]\n")).hasMessageContaining("notice.signed");
        // diffreview-s58 R6: words that are no number of working days would print one period in the 通报 while its
        // 书面报告整改情况 task counted another: refused naming the setting; 两 and digits are read
        for (String unreadable : List.of("一周", "3日", "七个自然日", "三三个工作日", "0个工作日")) {
            assertThatThrownBy(() -> read(HEAD + "notice:\n  reply-within: " + unreadable + "\n")).as(unreadable)
                    .hasMessageContaining("notice.reply-within: “" + unreadable + "”不是工作日数，整改报告任务无法按它计算期限");
        }
        assertThat(List.of("两个工作日", "十二个工作日", "10 个工作日", "五个工作日", "二十个工作日"))
                .extracting(w -> ReplyPeriods.workingDays(w).orElse(-1)).containsExactly(2, 12, 10, 5, 20);
        assertThat(read("""
                organization: { id: mouzhen, name: 某镇, level: TOWN, case-prefix: MZ }
                roles: { office: mzban, leading: mzlingdao, approvers: mzlingdao, inspectors: mzban }
                groups:
                  - { id: mzban, name: 创建办, type: OFFICE }
                  - { id: mzlingdao, name: 领导小组, type: LEADING_GROUP }
                notice:
                  reply-within: 两个工作日
                """).noticeReplyWithin()).isEqualTo("两个工作日");
    }

    /**
     * Each plan's words for a case's units and plan item ({@code terms:}): 锦溪镇 牵头单位 / 责任单位 / 整治项目, 九亭镇
     * 牵头部门 / 配合部门 and the default 计划项目, a file setting none (松江区) the defaults; a bad word is refused naming it.
     */
    @Test
    void eachPlansWordsForItsUnitsAreItsOwnAndAFileSettingNoneKeepsTheDefaults() {
        Organizations read = Organizations.read("songjiang", "jiuting", "jinxi");
        assertThat(read.of("jinxi").words()).isEqualTo(new Organization.Terms("牵头单位", "责任单位", "整治项目"));
        assertThat(read.of("jiuting").words()).isEqualTo(new Organization.Terms("牵头部门", "配合部门", "整治项目"));
        assertThat(read.of("songjiang").words()).isEqualTo(new Organization.Terms("牵头单位", "协办单位", "整治项目"));
        assertThatThrownBy(() -> read(HEAD + "terms:\n  lead-unit: \" \"\n  plan-item: 这是一个超过十个字的计划项目名称\n"))
                .hasMessageContaining("terms.lead-unit: 写方案中的用语")
                .hasMessageContaining("terms.plan-item: 写方案中的用语");
    }

    /**
     * An organisation's meeting place ({@code meetings.place}) for meetings that name none: no shipped plan names one, so
     * no shipped file sets it (their notices say 地点：另行通知); a bad one is refused naming the field.
     */
    @Test
    void anOrganisationMayNameItsMeetingPlaceAndNoShippedPlanDoes() {
        Organizations shipped = Organizations.read("songjiang", "jiuting", "jinxi");
        assertThat(List.of("songjiang", "jiuting", "jinxi")).allSatisfy(id -> assertThat(shipped.of(id).meetingPlace()).isEmpty());
        Organization set = read("""
                organization: { id: mouzhen, name: 某镇, level: TOWN, case-prefix: MZ }
                roles: { office: mzban, leading: mzlingdao, approvers: mzlingdao, inspectors: mzban }
                groups:
                  - { id: mzban, name: 创建办, type: OFFICE }
                  - { id: mzlingdao, name: 领导小组, type: LEADING_GROUP }
                meetings:
                  place: " 镇政府三楼会议室 "
                """);
        assertThat(set.meetingPlace()).isEqualTo("镇政府三楼会议室");
        assertThatThrownBy(() -> read(HEAD + "meetings:\n  place: \" \"\n")).hasMessageContaining("meetings.place: 写本组织会议的默认地点");
        assertThatThrownBy(() -> read(HEAD + "meetings:\n  room: 三楼\n")).hasMessageContaining("meetings.room");
    }

    @Test
    void userInAnUndefinedGroupIsNamed() {
        assertThatThrownBy(() -> read(HEAD + "users:\n  - { id: u1, name: 甲, groups: [lvrong] }\n"))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("config/organization.yaml")
                .hasMessageContaining("users[0].groups: 组 \"lvrong\" 未在 groups 中定义");
    }

    @Test
    void badIdsDuplicatesAndMissingNamesAreAllReported() {
        assertThatThrownBy(() -> read(HEAD + "  - { id: cheng-guan, name: 甲, type: UNIT }\n  - { id: chengguan, name: 乙, type: UNIT }\n"
                + "  - { id: x1, type: UNIT }\n"))
                .hasMessageContaining("groups[1].id: \"cheng-guan\" 只能包含英文字母和数字")
                .hasMessageContaining("groups[2].id: \"chengguan\" 重复")
                .hasMessageContaining("groups[3].name: 必须填写中文名称");
    }

    @Test
    void unknownFieldsAndTypesNameTheirPlace() {
        assertThatThrownBy(() -> read(HEAD + "  - { id: x1, name: 甲, type: UNIT, dutys: 错字 }\n"))
                .hasMessageContaining("groups[1].dutys");
        assertThatThrownBy(() -> read(HEAD + "  - { id: x1, name: 甲, type: BUREAU }\n"))
                .hasMessageContaining("groups[1].type");
    }

    @Test
    void badEmailAndParentAreReported() {
        assertThatThrownBy(() -> read(HEAD + "  - { id: jw1, name: 居委, type: COMMITTEE, parent: nobody }\n"
                + "users:\n  - { id: u1, name: 甲, email: not-an-address, groups: [chengguan] }\n"))
                .hasMessageContaining("groups[1].parent: \"nobody\"")
                .hasMessageContaining("users[0].email");
    }

    /**
     * poreview-s56 P6: a unit block pasted under the comment line that ends the groups list lands in the group above as
     * second name/type/duties keys, which silently renamed that unit; now refused naming the line and the key.
     */
    @Test
    void aKeyWrittenTwiceInOneItemIsRefusedNamingLineAndKey() {
        assertThatThrownBy(() -> read(HEAD + "  - id: jxshuzichengguan\n    name: 各数字城管成员单位\n    type: UNIT\n"
                + "  # - id: jxlvhua\n    name: 绿化养护公司\n    type: UNIT\n"))
                .hasMessageContaining("config/organization.yaml")
                .hasMessageContaining("第 9 行：键 name 在同一项中出现两次");
    }

    /** poreview-s56 P1: start-up reads every organisation's file before it stops, and names all that are wrong at once. */
    @Test
    void startUpNamesEveryBrokenOrganisationFileInOneRefusal(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        java.nio.file.Files.createDirectories(folder.resolve("aaa"));
        java.nio.file.Files.writeString(folder.resolve("aaa/organization.yaml"), "organization:\n  id: aaa\n name: 甲镇\n");
        java.nio.file.Files.createDirectories(folder.resolve("bbb"));
        java.nio.file.Files.writeString(folder.resolve("bbb/organization.yaml"), "organization: { id: bbb }\ngroups: []\ngroups: []\n");

        assertThatThrownBy(() -> new Organizations(new OrganizationProperties(List.of("aaa", "bbb", "jinxi"), folder.toString())))
                .isInstanceOf(org.shirong.system.StartupRefusedException.class)
                .hasMessageContaining(folder.resolve("aaa/organization.yaml") + " 有误")
                .hasMessageContaining("第 3 行第 2 列：缩进与上文不一致")
                .hasMessageContaining(folder.resolve("bbb/organization.yaml") + " 有误")
                .hasMessageContaining("第 3 行：键 groups 在同一项中出现两次");
    }

    /**
     * jtreview-s56 T9: an organisation names, per restricted case source, the groups that may also report it (九亭镇:
     * 城管中队 12345, 执法整治组 联合检查); a file naming none keeps today's rule. An unknown source or group stops the start,
     * naming the file and the line.
     */
    @Test
    void reportersOfRestrictedSourcesAreGroupsOfTheFileNamedByLine() throws Exception {
        try (var in = new FileInputStream("config/organizations/jiuting/organization.yaml")) {
            Organization jiuting = OrganizationLoader.read(in, "config/organizations/jiuting/organization.yaml");
            assertThat(jiuting.reportersOf("CITIZEN")).containsExactly("chengguan");
            assertThat(jiuting.reportersOf("JOINT_INSPECTION")).containsExactly("zhifa");
            assertThat(jiuting.reportersOf("SPOT_CHECK")).isEmpty();
        }
        assertThat(Organizations.read("jinxi").of("jinxi").reportersOf("CITIZEN")).as("a file naming none").isEmpty();
        assertThatThrownBy(() -> read(HEAD + """
                reporters:
                  CITIZEN: [chengguan, zhifa]
                  PATROL: [chengguan]
                  SPOT_CHECK: []
                """))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("config/organization.yaml")
                .hasMessageContaining("reporters.CITIZEN[1]（第 6 行）: 组 \"zhifa\" 未在 groups 中定义")
                .hasMessageContaining("reporters.PATROL（第 7 行）: \"PATROL\" 不是只限办公室、核查组和审批人选择的案件来源；可写 "
                        + "JOINT_INSPECTION（联合检查、督导检查）、CITIZEN（市民反映（12345））、SPOT_CHECK（市级明查暗访）")
                .hasMessageContaining("reporters.SPOT_CHECK（第 8 行）: 写还可选择该来源的组 id");
    }
}
