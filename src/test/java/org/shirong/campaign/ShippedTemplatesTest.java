package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shirong.campaign.CampaignTemplate.Cycle;
import org.shirong.campaign.CampaignTemplate.Item;
import org.shirong.campaign.CampaignTemplate.Participant;
import org.shirong.campaign.CampaignTemplate.Phase;
import org.shirong.campaign.CampaignTemplate.TaskDefinition;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.Category;
import org.shirong.rectification.CategoryGroup;
import org.shirong.system.SharesJvm;

/**
 * The three shipped templates say what their plans say, and give each item the same units as the
 * 案件派遣 decision ({@code config/organizations/<组织>/CaseDispatch.dmn}).
 */
@SharesJvm
class ShippedTemplatesTest {

    private static TemplateReferences references;
    private static Map<String, CampaignTemplate> shipped;

    @BeforeAll
    static void loadShippedTemplates() {
        references = TemplateFixture.references();
        shipped = Stream.of("jiuting", "jinxi", "songjiang").flatMap(id -> CampaignTemplates.load(
                        Path.of("config/organizations", id, "campaigns"), "config/organizations/" + id + "/campaigns/",
                        TemplateFixture.references(id)).stream())
                .collect(Collectors.toMap(CampaignTemplate::id, Function.identity()));
    }

    @Test
    void jiutingHasThePlansPhasesWithTheirLengthsAndThe14DutyEntriesAsParticipants() {
        CampaignTemplate t = shipped.get("jiuting-2023-standard-town");

        assertThat(t.phases()).extracting(Phase::name).containsExactly("前期准备", "宣传动员和自查整改", "总结迎检");
        assertThat(t.phases()).extracting(Phase::from).extracting(LocalDate::toString)
                .containsExactly("2023-03-01", "2023-06-01", "2023-11-01");
        assertThat(t.phases()).extracting(Phase::to).extracting(LocalDate::toString)
                .containsExactly("2023-05-31", "2023-10-31", "2023-12-31");
        assertThat(t.phases()).extracting(Phase::length).containsExactly(Period.ofMonths(3), Period.ofMonths(5), Period.ofMonths(2));
        assertThat(t.participants()).extracting(Participant::group).containsExactly("dangqun", "guijian", "lvrong", "zongguan",
                "huanwei", "pingan", "shefa", "chengjian", "chengyun", "chengguan", "paichusuo", "shichang", "nongfu",
                "juwei01", "juwei02", "wuye01", "wuye02");
        // 13、各居委会 and 14、各物业公司 take part as each committee and company, with the duties the plan gives them all
        assertThat(t.participants()).filteredOn(p -> p.id().equals("juwei02")).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("第二居委会");
            assertThat(p.duties()).startsWith("负责居民区的环境卫生综合整治工作");
        });
        // Ids, names and duties come from organization.yaml: the template only names the group.
        Participant dangqun = t.participants().get(0);
        assertThat(dangqun.id()).isEqualTo("dangqun");
        assertThat(dangqun.name()).isEqualTo("党群办");
        assertThat(dangqun.duties()).startsWith("负责创建工作宣传发动工作");
        assertThat(t.participants().get(3).duties()).isEqualTo(t.participants().get(4).duties()).contains("垃圾日产日清");
        assertThat(t.participants()).noneMatch(Participant::standIn);
    }

    @Test
    void jiutingHasTheNineTasksOfThePlanInTheirPhases() {
        CampaignTemplate t = shipped.get("jiuting-2023-standard-town");

        assertThat(t.tasks()).extracting(TaskDefinition::name).containsExactly("完善组织网络", "拟订工作方案并明确职责", "签订目标责任书",
                "宣传发动", "对照标准全面自查", "核查整改落实情况", "迎接明查暗访", "台账整理归档", "考核评估与表彰");
        assertThat(t.tasks()).extracting(TaskDefinition::who).containsExactly("chuangban", "chuangban", "each-unit",
                "xuanchuan", "each-unit", "chuangban", "chuangban", "each-unit", "zuzhang");
        assertThat(t.tasks()).extracting(TaskDefinition::phase).containsExactly("preparation", "preparation", "preparation",
                "mobilisation", "mobilisation", "mobilisation", "acceptance", "acceptance", "acceptance");
        assertThat(t.task("selfInspection")).get().extracting(TaskDefinition::findings).isEqualTo(CaseSource.SELF_INSPECTION);
        assertThat(t.task("acceptSpotChecks")).get().extracting(TaskDefinition::findings).isEqualTo(CaseSource.SPOT_CHECK);
        assertThat(t.task("rectificationCheckpoint")).get().extracting(TaskDefinition::kind).isEqualTo(TaskKind.CHECKPOINT);
        assertThat(t.task("publicity")).get().extracting(TaskDefinition::kind).isEqualTo(TaskKind.TASK);
        assertThat(t.cycles()).extracting(Cycle::kind)
                .containsExactly(CycleKind.MEETING, CycleKind.REPORT, CycleKind.INSPECTION, CycleKind.INSPECTION, CycleKind.ASSESSMENT);
        // jtreview-s59 T8: the plan's 执法整治组 has work of its own, its findings 联合检查 cases
        Cycle enforcement = t.cycle("jointEnforcement").orElseThrow();
        assertThat(enforcement.who()).isEqualTo("zhifa");
        assertThat(enforcement.findings()).isEqualTo(CaseSource.JOINT_INSPECTION);
        assertThat(enforcement.phases()).containsExactly("mobilisation", "acceptance");
    }

    @Test
    void jiutingsWorkMeetingFiresTwiceAMonthOnThe5thAndThe20thAt9() throws Exception {
        Cycle meeting = shipped.get("jiuting-2023-standard-town").cycle("jointMeeting").orElseThrow();
        assertThat(meeting.process()).isEqualTo("JointMeetingProcess");
        CronTimer timer = CronTimer.parse(meeting.cron());
        ZoneId zone = ZoneId.systemDefault();

        LocalDateTime first = next(timer, LocalDateTime.of(2023, 6, 1, 0, 0), zone);
        LocalDateTime second = next(timer, first, zone);
        LocalDateTime third = next(timer, second, zone);

        assertThat(List.of(first, second, third)).containsExactly(LocalDateTime.of(2023, 6, 5, 9, 0),
                LocalDateTime.of(2023, 6, 20, 9, 0), LocalDateTime.of(2023, 7, 5, 9, 0));
    }

    @Test
    void jinxiListsThe931ItemsThatApplyWithTheUnitsOfTheDispatchDecision() throws IOException {
        CampaignTemplate t = shipped.get("jinxi-2017-931");

        assertThat(t.items()).extracting(Item::category).containsExactly("RECTIFY_URBAN_FRINGE", "RECTIFY_OLD_ESTATES",
                "RECTIFY_TOWN_RIVERS", "RECTIFY_FLOOD_PRONE_AREAS", "RECTIFY_CONSTRUCTION_SITES", "RECTIFY_FARMERS_MARKETS",
                "REGULATE_ROAD_OCCUPYING_BUSINESS", "REGULATE_OUTDOOR_ADVERTISING", "UPGRADE_LONG_TERM_MANAGEMENT");
        assertThat(t.items()).extracting(Item::category).doesNotContain("RECTIFY_URBAN_VILLAGES", "RECTIFY_BACK_STREETS",
                "RECTIFY_SHANTY_TOWNS", "REGULATE_VEHICLE_PARKING");
        assertThat(t.items()).extracting(Item::name).startsWith("整治镇郊结合部").endsWith("提升锦溪镇长效管理水平");
        assertThat(t.items()).allMatch(i -> "rectification".equals(i.finishBy()));
        assertThat(t.items()).as("931: every case of an item is done by the end of 整治, whatever found it")
                .allMatch(i -> i.sources().isEmpty());
        assertSameUnitsAsTheDispatchDecision("jinxi", t.items());
        // Every unit named by an item takes part, except 创建办, where the office that runs the campaign sits, and
        // 各数字城管成员单位, the member units' heads named together, no unit of its own (jxreview-s58 J4)
        var organization = TemplateFixture.references("jinxi").organization();
        assertThat(organization.isCollective("jxshuzichengguan")).isTrue();
        assertThat(t.participants()).extracting(Participant::group).containsExactlyInAnyOrderElementsOf(t.items().stream()
                .flatMap(i -> Stream.concat(Stream.of(i.lead()), i.responsible().stream()))
                .filter(g -> !g.equals("jxchuangjian") && !organization.isCollective(g)).distinct().toList());
        assertThat(t.phases()).extracting(Phase::name).containsExactly("明确任务制定方案", "深入推进全面整治", "考核评估表彰先进");
    }

    /**
     * jxreview-s55 J13: 镇政府与有关部门签订目标责任书 one by one. 各数字城管成员单位 takes part (it is 提升长效管理水平's
     * 责任单位) but is no department: its people are its member units' heads, so one letter for it was signed by whoever
     * claimed it first for all fifteen, and 城管中队's head had two. Each unit of an item signs its own, and nobody sees two.
     */
    @Test
    void jinxisResponsibilityLettersAreOnePerUnitAndNonePerCollectiveOfUnitHeads() {
        CampaignTemplate t = shipped.get("jinxi-2017-931");
        TaskDefinition sign = t.task("signResponsibilityLetter").orElseThrow();
        var organization = TemplateFixture.references("jinxi").organization();
        List<TaskAssignments.Assignment> letters = TaskAssignments.expand(t, sign.who(), sign.units(), sign.name(),
                code -> java.util.Optional.empty(), Map.of());

        assertThat(letters).extracting(TaskAssignments.Assignment::groupId).doesNotHaveDuplicates()
                .doesNotContain("jxshuzichengguan").contains("jxchengguan", "jxjianguan", "jxshuili", "jxxuanchuan")
                .containsExactlyInAnyOrderElementsOf(t.participants().stream().map(Participant::group)
                        .filter(g -> !g.equals("jxshuzichengguan")).toList());
        for (var user : organization.users()) {
            assertThat(letters).as("the letters %s (%s) can claim", user.id(), user.name())
                    .filteredOn(a -> user.groups().contains(a.groupId())).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(letters).filteredOn(a -> a.groupId().equals("jxchengguan")).singleElement()
                .extracting(TaskAssignments.Assignment::name).isEqualTo("签订目标责任书（城管中队）");
    }

    @Test
    void noShippedTemplateTellsStaffThePlansOwnYear() {
        // A campaign started from a template runs in another year than its plan (s52 J7: "编制 2017 年度行动计划" in 2027).
        for (CampaignTemplate t : shipped.values()) {
            Stream.concat(t.tasks().stream().map(TaskDefinition::requirement), t.cycles().stream().map(Cycle::requirement))
                    .filter(Objects::nonNull)
                    .forEach(r -> assertThat(r).as("%s: %s", t.id(), r).doesNotContainPattern("(19|20)\\d\\d\\s*年"));
        }
        assertThat(shipped.get("jinxi-2017-931").task("draftPlan")).get().extracting(TaskDefinition::requirement).asString()
                .contains("编制本年度行动计划");
    }

    @Test
    void theTownsAssessmentsAndMeetingRecordsGoToTheOfficeOrTheLeadersNotToEveryUnitHeadOfTheLeadingGroup() {
        // 推进小组 (jxlingdao) and 领导小组 (lingdao) count every member unit's head: a task for them is "向你单位下达" to
        // the very units being assessed (s52 J6/J15).
        for (String id : List.of("jinxi-2017-931", "jiuting-2023-standard-town")) {
            CampaignTemplate t = shipped.get(id);
            assertThat(Stream.concat(t.tasks().stream().map(TaskDefinition::who), t.cycles().stream().map(Cycle::who)))
                    .as(id).doesNotContain("jxlingdao", "lingdao");
        }
        CampaignTemplate jinxi = shipped.get("jinxi-2017-931");
        assertThat(jinxi.cycle("quarterlyMeeting")).get().extracting(Cycle::who).isEqualTo("jxtuijinban");
        assertThat(jinxi.cycle("annualAssessment")).get().extracting(Cycle::who).isEqualTo("jxtuijinban");
        assertThat(jinxi.task("finalAcceptance")).get().extracting(TaskDefinition::who).isEqualTo("jxtuijinban");
        assertThat(jinxi.task("commendAdvanced")).get().extracting(TaskDefinition::who).isEqualTo("jxzuzhang");
        // 镇纪委（监察室）会同推进小组办公室共同负责督查考核 (s52 J11): 季检查 and 年考核 are 纪委监察's too
        assertThat(jinxi.cycle("quarterlyCheck")).get().extracting(Cycle::with).isEqualTo(List.of("jxjiwei"));
        assertThat(jinxi.cycle("annualAssessment")).get().extracting(Cycle::with).isEqualTo(List.of("jxjiwei"));
        CampaignTemplate jiuting = shipped.get("jiuting-2023-standard-town");
        assertThat(jiuting.cycle("annualAssessment")).get().extracting(Cycle::who).isEqualTo("chuangban");
    }

    @Test
    void jinxiRunsTheMonthlyReportItemChecksQuarterlyCheckAndMeetingAndAnnualAssessment() {
        CampaignTemplate t = shipped.get("jinxi-2017-931");

        assertThat(t.cycles()).extracting(Cycle::name)
                .containsExactly("月报告", "推进小组办公室例会", "牵头单位月度检查", "季检查", "季度专项工作会议", "年考核");
        // jxreview-s58 J11: 六（一）“办公室实施定期例会”: the office's own 例会, monthly by default, ranking by the quarter the
        // 季度专项工作会议 通报s, not by the month; the 月报告 and the 例会 rank no planning time (score-phases)
        Cycle officeMeeting = t.cycle("officeMeeting").orElseThrow();
        assertThat(officeMeeting.kind()).isEqualTo(CycleKind.MEETING);
        assertThat(officeMeeting.who()).isEqualTo("jxtuijinban");
        assertThat(officeMeeting.process()).isEqualTo("JointMeetingProcess");
        assertThat(officeMeeting.cron()).isEqualTo("0 0 9 25 * ?");
        assertThat(officeMeeting.scorePeriod()).isEqualTo(ScoredPeriod.PREVIOUS_QUARTER);
        assertThat(officeMeeting.scorePhases()).containsExactly("rectification", "assessment");
        assertThat(t.cycle("monthlyReport")).get().extracting(Cycle::scorePhases).isEqualTo(List.of("rectification", "assessment"));
        Cycle itemCheck = t.cycle("itemMonthlyCheck").orElseThrow();
        assertThat(itemCheck.who()).isEqualTo(CampaignTemplate.EACH_ITEM_LEAD);
        assertThat(itemCheck.phases()).containsExactly("rectification");
        assertThat(t.cycle("annualAssessment")).get().extracting(Cycle::scorePeriod).isEqualTo(ScoredPeriod.PREVIOUS_YEAR);
    }

    @Test
    void songjiangHasTheElevenSurveyCategoriesTheSixTownsAndTheOnSiteRuleForCitizenCases() throws IOException {
        CampaignTemplate t = shipped.get("songjiang-2024-satisfaction");
        List<String> surveyCategories = List.of("SURVEY_BUILDINGS", "SURVEY_RESIDENTIAL_AREAS", "SURVEY_URBAN_ROADS",
                "SURVEY_PUBLIC_FACILITIES", "SURVEY_URBAN_GREENERY", "SURVEY_SIGNS_AND_ADVERTISING", "SURVEY_PUBLIC_PLACES",
                "SURVEY_URBAN_WATERS", "SURVEY_CONSTRUCTION_SITES", "SURVEY_VEHICLE_APPEARANCE", "SURVEY_SERVICE_STANDARDS");

        assertThat(t.items()).extracting(Item::category).containsExactlyElementsOf(surveyCategories);
        assertThat(surveyCategories).allMatch(c -> TemplateFixture.references("songjiang").category(c).map(Category::group).orElseThrow() == CategoryGroup.SURVEY);
        assertThat(t.items()).allMatch(i -> "shortfalls".equals(i.finishBy()));
        // 二（一）: the survey report's point problems are to be fixed 4月上旬前, not whatever else is found in phase 1 (sjreview F16)
        assertThat(t.items()).allSatisfy(i -> assertThat(i.sources()).containsExactly(CaseSource.SURVEY));
        assertThat(t.phase("shortfalls")).get().extracting(Phase::to).isEqualTo(LocalDate.of(2024, 4, 10));
        assertSameUnitsAsTheDispatchDecision("songjiang", t.items());
        // The district's departments and all its towns and streets take part, each town in its own organisation, no stand-in.
        assertThat(t.participants()).filteredOn(p -> p.organization() != null).extracting(Participant::name)
                .contains("九亭镇", "石湖荡镇", "新桥镇", "车墩镇", "叶榭镇", "岳阳街道").hasSize(17);
        assertThat(t.participants()).noneMatch(Participant::standIn);
        assertThat(t.participants()).filteredOn(p -> List.of("jiuting", "shihudang", "xinqiao", "chedun", "yexie", "yueyang")
                .contains(Objects.toString(p.organization(), ""))).allMatch(p -> p.duties().contains("整改措施和提升计划"));
        assertThat(t.task("submitImprovementPlan")).get().extracting(TaskDefinition::who).isEqualTo(CampaignTemplate.EACH_UNIT);
        // 工作要求（一）、（四）and 主要任务（六）（七）are addressed to every department and town, not to the office alone
        assertThat(t.tasks()).filteredOn(d -> List.of("establishTaskForce", "publicity", "summariseExperience").contains(d.id()))
                .extracting(TaskDefinition::who).containsOnly(CampaignTemplate.EACH_UNIT).hasSize(3);
        assertThat(t.task("establishTaskForce")).get().extracting(TaskDefinition::phase).isEqualTo("shortfalls");
        assertThat(t.cycle("jointInspection")).get().extracting(Cycle::categories).isEqualTo(surveyCategories);
        assertThat(t.rules().verifyCitizenCasesOnSite()).isTrue();
        assertThat(shipped.get("jiuting-2023-standard-town").rules().verifyCitizenCasesOnSite()).isFalse();
    }

    private static void assertSameUnitsAsTheDispatchDecision(String organization, List<Item> items) throws IOException {
        DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision decision;
        try (InputStream in = Files.newInputStream(Path.of("config/organizations", organization, "CaseDispatch.dmn"))) {
            decision = engine.parseDecision("CaseDispatch", in);
        }
        for (Item item : items) {
            var result = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("category", item.category())
                    .putValue("urgency", "NORMAL").putValue("source", "PATROL")).getSingleResult();
            assertThat(item.lead()).as(item.category()).isEqualTo(result.getEntry("leadUnit"));
            assertThat(item.responsible()).as(item.category())
                    .containsExactlyElementsOf(Arrays.stream(((String) result.getEntry("responsibleUnits")).split(","))
                            .filter(unit -> !unit.isEmpty()).toList());
        }
    }

    private static LocalDateTime next(CronTimer timer, LocalDateTime after, ZoneId zone) {
        Date due = timer.getDueDate(Date.from(after.atZone(zone).toInstant()));
        return LocalDateTime.ofInstant(due.toInstant(), zone);
    }

    /** Issue 11: the 要求 box of every task a shipped template hands out shows what the plan asks, office tasks included. */
    @Test
    void everyTaskAndCycleOfTheShippedTemplatesSaysWhatThePlanRequires() {
        assertThat(shipped).hasSize(3);
        for (CampaignTemplate t : shipped.values()) {
            assertThat(t.tasks()).as(t.id() + " 的任务要求").allSatisfy(task -> assertThat(task.requirement())
                    .as(t.id() + " 任务 " + task.id()).isNotBlank().hasSizeGreaterThan(8));
            assertThat(t.cycles()).as(t.id() + " 的周期工作要求").allSatisfy(cycle -> assertThat(cycle.requirement())
                    .as(t.id() + " 周期 " + cycle.id()).isNotBlank().hasSizeGreaterThan(8));
        }
        CampaignTemplate jiuting = shipped.get("jiuting-2023-standard-town");
        TaskDefinition office = jiuting.task("buildOrganisation").orElseThrow();
        assertThat(office.who()).isEqualTo("chuangban");
        assertThat(TaskAssignments.requirement(jiuting, office.requirement(), office.name(), ""))
                .isEqualTo("完善组织网络，健全领导机构和工作班子，全面部署和推进创建工作。");
        TaskDefinition eachUnit = jiuting.task("signResponsibilityLetter").orElseThrow();
        assertThat(TaskAssignments.requirement(jiuting, eachUnit.requirement(), eachUnit.name(), "本单位职责：清扫保洁"))
                .startsWith("与镇政府签订创建目标责任书").endsWith("\n本单位职责：清扫保洁");
        // jtreview-s56 T14: "签订后上传责任书" and the 台账 to archive are required uploads, as 锦溪镇's 台帐 are
        assertThat(eachUnit.attachmentsRequired()).isTrue();
        assertThat(jiuting.task("archiveRecords").orElseThrow().attachmentsRequired()).isTrue();
        assertThat(TaskAssignments.requirement(jiuting, null, "临时任务", ""))
                .isEqualTo("按《" + jiuting.name() + "》完成“临时任务”。");
    }
}
