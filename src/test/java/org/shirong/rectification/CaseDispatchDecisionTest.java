package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.shirong.calendar.LimitUnit;
import org.shirong.system.SharesJvm;

/**
 * The 案件派遣 decision ({@code config/organizations/<组织>/CaseDispatch.dmn}) evaluated by the plain DMN engine, as
 * Shirong parses it: every rule gives the units and limit agreed here, every category of the
 * catalogue reaches a rule of its own, every unit exists in the organisation, and anything else goes
 * to the office.
 */
@SharesJvm
class CaseDispatchDecisionTest {

    private static final Path FILE = Path.of("config/organizations/jiuting/CaseDispatch.dmn");
    private static final String CATCH_ALL = "Rule_CatchAll";
    /** Hours in a working day (08:30–11:30 and 13:00–17:00), only to compare limits given in different units. */
    private static final int HOURS_PER_WORKING_DAY = 7;

    /** Rule, the case that should reach it, and what it should give: the specification of the table. */
    private static final String RULES = """
            Rule_ExposedGarbageUrgent,          EXPOSED_GARBAGE,                  URGENT, PATROL,           huanwei,   'zongguan',                          2,  WORKING_HOURS
            Rule_ExposedGarbage,                EXPOSED_GARBAGE,                  NORMAL, SELF_INSPECTION,  huanwei,   'zongguan',                          4,  WORKING_HOURS
            Rule_RoadUncleanUrgent,             ROAD_UNCLEAN,                     URGENT, JOINT_INSPECTION, huanwei,   'zongguan',                          1,  WORKING_HOURS
            Rule_RoadUnclean,                   ROAD_UNCLEAN,                     NORMAL, SURVEY,           huanwei,   'zongguan',                          2,  WORKING_HOURS
            Rule_PublicToilet,                  PUBLIC_TOILET,                    NORMAL, CITIZEN,          huanwei,   'zongguan',                          2,  WORKING_HOURS
            Rule_LitterBinUrgent,               LITTER_BIN,                       URGENT, SPOT_CHECK,       huanwei,   'zongguan',                          2,  WORKING_HOURS
            Rule_LitterBin,                     LITTER_BIN,                       NORMAL, MEETING,          huanwei,   'zongguan',                          1,  WORKING_DAYS
            Rule_IllegalStallUrgent,            ILLEGAL_STALL,                    URGENT, PATROL,           chengguan, 'shichang',                          2,  WORKING_HOURS
            Rule_IllegalStall,                  ILLEGAL_STALL,                    NORMAL, SELF_INSPECTION,  chengguan, 'shichang',                          1,  WORKING_DAYS
            Rule_CrossDoorBusiness,             CROSS_DOOR_BUSINESS,              NORMAL, JOINT_INSPECTION, chengguan, 'shichang',                          1,  WORKING_DAYS
            Rule_RoadOccupyingBusinessUrgent,   ROAD_OCCUPYING_BUSINESS,          URGENT, SURVEY,           chengguan, 'shichang,paichusuo',                2,  WORKING_HOURS
            Rule_RoadOccupyingBusiness,         ROAD_OCCUPYING_BUSINESS,          NORMAL, CITIZEN,          chengguan, 'shichang',                          1,  WORKING_DAYS
            Rule_UnlicensedBusiness,            UNLICENSED_BUSINESS,              NORMAL, SPOT_CHECK,       shichang,  'chengguan',                         5,  WORKING_DAYS
            Rule_PiledItemsUrgent,              PILED_ITEMS,                      URGENT, MEETING,          chengguan, 'huanwei,wuye',                      4,  WORKING_HOURS
            Rule_PiledItems,                    PILED_ITEMS,                      NORMAL, PATROL,           chengguan, 'huanwei,wuye',                      2,  WORKING_DAYS
            Rule_IllegalPosting,                ILLEGAL_POSTING,                  NORMAL, SELF_INSPECTION,  huanwei,   'chengguan,juweihui',                1,  WORKING_DAYS
            Rule_Graffiti,                      GRAFFITI,                         NORMAL, JOINT_INSPECTION, huanwei,   'chengguan,juweihui',                3,  WORKING_DAYS
            Rule_HangingLaundry,                HANGING_LAUNDRY,                  NORMAL, SURVEY,           juweihui,  'wuye',                              1,  WORKING_DAYS
            Rule_StairwellClutter,              STAIRWELL_CLUTTER,                NORMAL, CITIZEN,          wuye,      'juweihui,chengjian',                3,  WORKING_DAYS
            Rule_DoorDutyUnfulfilled,           DOOR_DUTY_UNFULFILLED,            NORMAL, SPOT_CHECK,       chengguan, 'lvrong',                            3,  WORKING_DAYS
            Rule_OutdoorAdvertisingUrgent,      OUTDOOR_ADVERTISING,              URGENT, MEETING,          chengguan, 'lvrong,shichang',                   4,  WORKING_HOURS
            Rule_OutdoorAdvertising,            OUTDOOR_ADVERTISING,              NORMAL, PATROL,           chengguan, 'lvrong,shichang',                   10, WORKING_DAYS
            Rule_IllegalConstructionUrgent,     ILLEGAL_CONSTRUCTION,             URGENT, SELF_INSPECTION,  chengguan, 'guijian,juweihui',                  4,  WORKING_HOURS
            Rule_IllegalConstruction,           ILLEGAL_CONSTRUCTION,             NORMAL, JOINT_INSPECTION, chengguan, 'guijian,juweihui',                  20, WORKING_DAYS
            Rule_GreenSpaceMaintenanceUrgent,   GREEN_SPACE_MAINTENANCE,          URGENT, SURVEY,           nongfu,    'lvrong',                            4,  WORKING_HOURS
            Rule_GreenSpaceMaintenance,         GREEN_SPACE_MAINTENANCE,          NORMAL, CITIZEN,          nongfu,    'lvrong',                            5,  WORKING_DAYS
            Rule_RoadDamageUrgent,              ROAD_DAMAGE,                      URGENT, SPOT_CHECK,       guijian,   'chengjian',                         4,  WORKING_HOURS
            Rule_RoadDamage,                    ROAD_DAMAGE,                      NORMAL, MEETING,          guijian,   'chengjian',                         5,  WORKING_DAYS
            Rule_SewerBlockedUrgent,            SEWER_BLOCKED,                    URGENT, PATROL,           guijian,   'chengjian',                         4,  WORKING_HOURS
            Rule_SewerBlocked,                  SEWER_BLOCKED,                    NORMAL, SELF_INSPECTION,  guijian,   'chengjian',                         2,  WORKING_DAYS
            Rule_IllegalParkingUrgent,          ILLEGAL_PARKING,                  URGENT, JOINT_INSPECTION, paichusuo, 'chengguan',                         2,  WORKING_HOURS
            Rule_IllegalParking,                ILLEGAL_PARKING,                  NORMAL, SURVEY,           paichusuo, 'chengguan',                         1,  WORKING_DAYS
            Rule_SurveyBuildings,               SURVEY_BUILDINGS,                 NORMAL, CITIZEN,          chengguan, 'guijian,juweihui',                  10, WORKING_DAYS
            Rule_SurveyResidentialAreas,        SURVEY_RESIDENTIAL_AREAS,         NORMAL, SPOT_CHECK,       juweihui,  'wuye,chengjian',                    5,  WORKING_DAYS
            Rule_SurveyUrbanRoads,              SURVEY_URBAN_ROADS,               NORMAL, MEETING,          huanwei,   'zongguan,guijian,chengguan',        3,  WORKING_DAYS
            Rule_SurveyPublicFacilities,        SURVEY_PUBLIC_FACILITIES,         NORMAL, PATROL,           huanwei,   'zongguan,guijian',                  5,  WORKING_DAYS
            Rule_SurveyUrbanGreenery,           SURVEY_URBAN_GREENERY,            NORMAL, SELF_INSPECTION,  nongfu,    'lvrong',                            5,  WORKING_DAYS
            Rule_SurveySignsAndAdvertising,     SURVEY_SIGNS_AND_ADVERTISING,     NORMAL, JOINT_INSPECTION, chengguan, 'lvrong,shichang',                   10, WORKING_DAYS
            Rule_SurveyPublicPlaces,            SURVEY_PUBLIC_PLACES,             NORMAL, SURVEY,           lvrong,    'huanwei,shichang,chengguan',        5,  WORKING_DAYS
            Rule_SurveyUrbanWaters,             SURVEY_URBAN_WATERS,              NORMAL, CITIZEN,          lvrong,    'chengyun,huanwei',                  5,  WORKING_DAYS
            Rule_SurveyConstructionSites,       SURVEY_CONSTRUCTION_SITES,        NORMAL, SPOT_CHECK,       guijian,   'chengguan',                         3,  WORKING_DAYS
            Rule_SurveyVehicleAppearance,       SURVEY_VEHICLE_APPEARANCE,        NORMAL, MEETING,          chengguan, 'huanwei,paichusuo',                 5,  WORKING_DAYS
            Rule_SurveyServiceStandards,        SURVEY_SERVICE_STANDARDS,         NORMAL, PATROL,           lvrong,    'huanwei,chengguan,chengjian',       5,  WORKING_DAYS
            Rule_CatchAll,                      NO_SUCH_CATEGORY,                 NORMAL, SELF_INSPECTION,  chuangban, '',                                  5,  WORKING_DAYS
            """;

    private static final List<String> matchedRules = new ArrayList<>();
    private static DmnEngine engine;
    private static DmnDecision decision;
    private static DmnModelInstance model;

    private record Outcome(String rule, String leadUnit, String responsibleUnits, int limitAmount, String limitUnit) {

        int workingHours() {
            return switch (LimitUnit.valueOf(limitUnit)) {
                case WORKING_HOURS -> limitAmount;
                case WORKING_DAYS -> limitAmount * HOURS_PER_WORKING_DAY;
                // A calendar day holds on average 5/7 of a working day.
                case CALENDAR_DAYS -> limitAmount * HOURS_PER_WORKING_DAY * 5 / 7;
            };
        }
    }

    @BeforeAll
    static void parseTheDecisionAsShirongDoes() throws IOException {
        DmnDecisionTableEvaluationListener recordMatches = event -> {
            matchedRules.clear();
            event.getMatchingRules().forEach(r -> matchedRules.add(r.getId()));
        };
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recordMatches))
                .buildEngine();
        try (InputStream in = Files.newInputStream(FILE)) {
            decision = engine.parseDecision(CaseDispatch.KEY, in);
        }
        model = Dmn.readModelFromFile(FILE.toFile());
    }

    private static Outcome evaluate(String category, String urgency, String source) {
        VariableMap variables = Variables.createVariables()
                .putValue(CaseDispatch.IN_CATEGORY, category)
                .putValue(CaseDispatch.IN_URGENCY, urgency)
                .putValue(CaseDispatch.IN_SOURCE, source);
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
        assertThat(result.getResultList()).as("%s/%s/%s", category, urgency, source).hasSize(1);
        assertThat(matchedRules).hasSize(1);
        var entries = result.getSingleResult();
        Number amount = entries.getEntry(CaseDispatch.OUT_LIMIT_AMOUNT);
        return new Outcome(matchedRules.get(0), entries.getEntry(CaseDispatch.OUT_LEAD_UNIT),
                entries.getEntry(CaseDispatch.OUT_RESPONSIBLE_UNITS), amount.intValue(),
                entries.getEntry(CaseDispatch.OUT_LIMIT_UNIT));
    }

    /** 九亭's categories that apply: the 931 items stay in its file only so that cases of its old stand-in campaign keep their names. */
    private static List<Category> catalogue() {
        return CategoryCatalogue.load("organizations/jiuting/categories.yaml").stream().filter(Category::applicable).toList();
    }

    private static Set<String> organisationGroupIds() throws IOException {
        var root = new ObjectMapper(new YAMLFactory()).readTree(new File("config/organizations/jiuting/organization.yaml"));
        Set<String> ids = new HashSet<>();
        root.path("groups").forEach(g -> ids.add(g.path("id").asText()));
        return ids;
    }

    /** Input entry text by input label ("category", …) for every rule, in table order. */
    private static Map<String, Map<String, String>> inputEntriesByRule() {
        List<String> inputs = model.getModelElementsByType(Input.class).stream()
                .map(i -> i.getInputExpression().getText().getTextContent().trim()).toList();
        Map<String, Map<String, String>> byRule = new LinkedHashMap<>();
        for (Rule rule : model.getModelElementsByType(Rule.class)) {
            Map<String, String> entries = new HashMap<>();
            var cells = List.copyOf(rule.getInputEntries());
            for (int i = 0; i < cells.size(); i++) {
                entries.put(inputs.get(i), cells.get(i).getText().getTextContent().trim());
            }
            byRule.put(rule.getId(), entries);
        }
        return byRule;
    }

    /** Output entry text by output name for every rule, in table order. */
    private static Map<String, Map<String, String>> outputEntriesByRule() {
        List<String> outputs = model.getModelElementsByType(Output.class).stream().map(Output::getName).toList();
        Map<String, Map<String, String>> byRule = new LinkedHashMap<>();
        for (Rule rule : model.getModelElementsByType(Rule.class)) {
            Map<String, String> entries = new HashMap<>();
            var cells = List.copyOf(rule.getOutputEntries());
            for (int i = 0; i < cells.size(); i++) {
                entries.put(outputs.get(i), cells.get(i).getText().getTextContent().trim());
            }
            byRule.put(rule.getId(), entries);
        }
        return byRule;
    }

    private static String unquote(String text) {
        return text.replaceAll("^\"|\"$", "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = RULES)
    void eachRuleGivesItsUnitsAndLimit(String rule, String category, String urgency, String source, String leadUnit,
            String responsibleUnits, int limitAmount, String limitUnit) {
        assertThat(evaluate(category, urgency, source))
                .isEqualTo(new Outcome(rule, leadUnit, responsibleUnits, limitAmount, limitUnit));
    }

    @Test
    void everyRuleOfTheTableIsSpecifiedAboveInTableOrder() {
        List<String> specified = RULES.lines().map(line -> line.split(",")[0].trim()).toList();
        assertThat(specified).containsExactlyElementsOf(inputEntriesByRule().keySet());
    }

    @Test
    void everyCategoryReachesARuleOfItsOwnForNormalUrgencyFromEverySource() {
        Map<String, Map<String, String>> inputs = inputEntriesByRule();
        for (Category category : catalogue()) {
            for (CaseSource source : CaseSource.values()) {
                Outcome outcome = evaluate(category.code(), Urgency.NORMAL.name(), source.name());
                assertThat(inputs.get(outcome.rule()).get(CaseDispatch.IN_CATEGORY))
                        .as("%s (%s) from %s reached %s", category.code(), category.name(), source, outcome.rule())
                        .isEqualTo("\"" + category.code() + "\"");
            }
        }
    }

    @Test
    void urgentCasesAreNeverGivenMoreTimeThanNormalOnes() {
        for (Category category : catalogue()) {
            Outcome normal = evaluate(category.code(), Urgency.NORMAL.name(), CaseSource.PATROL.name());
            Outcome urgent = evaluate(category.code(), Urgency.URGENT.name(), CaseSource.PATROL.name());
            assertThat(urgent.workingHours()).as(category.code()).isLessThanOrEqualTo(normal.workingHours());
            assertThat(urgent.leadUnit()).as(category.code()).isEqualTo(normal.leadUnit());
        }
    }

    @Test
    void everyUnitNamedByAnyRuleIsAGroupOfTheOrganisation() throws IOException {
        Set<String> groups = organisationGroupIds();
        List<String> problems = new ArrayList<>();
        outputEntriesByRule().forEach((rule, outputs) -> {
            String lead = unquote(outputs.get(CaseDispatch.OUT_LEAD_UNIT));
            if (!groups.contains(lead)) {
                problems.add(rule + " leadUnit " + lead);
            }
            String responsible = unquote(outputs.get(CaseDispatch.OUT_RESPONSIBLE_UNITS));
            Arrays.stream(responsible.split(",")).filter(id -> !id.isEmpty())
                    .filter(id -> !groups.contains(id) || id.equals(lead))
                    .forEach(id -> problems.add(rule + " responsibleUnits " + id));
        });
        assertThat(problems).as("不在 organization.yaml 中（或与牵头单位重复）的单位").isEmpty();
    }

    @Test
    void everyCellUsesKnownCodesAndOnlyTheLastRuleCatchesAll() {
        Set<String> categories = catalogue().stream().map(c -> "\"" + c.code() + "\"").collect(Collectors.toSet());
        Set<String> urgencies = quoted(Urgency.values());
        Set<String> sources = quoted(CaseSource.values());
        Set<String> units = quoted(LimitUnit.values());
        Map<String, Map<String, String>> outputs = outputEntriesByRule();
        List<String> rules = List.copyOf(inputEntriesByRule().keySet());
        inputEntriesByRule().forEach((rule, inputs) -> {
            String category = inputs.get(CaseDispatch.IN_CATEGORY);
            if (rule.equals(CATCH_ALL)) {
                assertThat(inputs.values()).as(rule).containsOnly("-");
            } else {
                assertThat(categories).as(rule).contains(category);
            }
            assertThat(inputs.get(CaseDispatch.IN_URGENCY)).as(rule).isIn(union(urgencies, "-"));
            assertThat(Arrays.stream(inputs.get(CaseDispatch.IN_SOURCE).split(",")).map(String::trim).toList())
                    .as(rule).allMatch(s -> s.equals("-") || sources.contains(s));
            assertThat(outputs.get(rule).get(CaseDispatch.OUT_LIMIT_UNIT)).as(rule).isIn(units);
            assertThat(Integer.parseInt(outputs.get(rule).get(CaseDispatch.OUT_LIMIT_AMOUNT))).as(rule).isPositive();
        });
        assertThat(rules.get(rules.size() - 1)).isEqualTo(CATCH_ALL);
    }

    @Test
    void theTableOffersTheValuesOfTheJavaEnums() {
        Map<String, String> inputValues = model.getModelElementsByType(Input.class).stream()
                .filter(i -> i.getInputValues() != null)
                .collect(Collectors.toMap(i -> i.getInputExpression().getText().getTextContent().trim(),
                        i -> i.getInputValues().getText().getTextContent()));
        assertThat(inputValues).containsOnly(
                Map.entry(CaseDispatch.IN_URGENCY, String.join(",", quotedInOrder(Urgency.values()))),
                Map.entry(CaseDispatch.IN_SOURCE, String.join(",", quotedInOrder(CaseSource.values()))));
        Output limitUnit = model.getModelElementsByType(Output.class).stream()
                .filter(o -> o.getName().equals(CaseDispatch.OUT_LIMIT_UNIT)).findFirst().orElseThrow();
        assertThat(limitUnit.getOutputValues().getText().getTextContent())
                .isEqualTo(String.join(",", quotedInOrder(LimitUnit.values())));
    }

    @ParameterizedTest
    @EnumSource(Urgency.class)
    void anUnknownCategoryGoesToTheOfficeForManualDispatch(Urgency urgency) {
        Outcome expected = new Outcome(CATCH_ALL, "chuangban", "", 5, LimitUnit.WORKING_DAYS.name());
        assertThat(evaluate("NO_SUCH_CATEGORY", urgency.name(), CaseSource.CITIZEN.name())).isEqualTo(expected);
        assertThat(evaluate(null, urgency.name(), CaseSource.MEETING.name())).isEqualTo(expected);
    }

    @Test
    void aCaseWithoutUrgencyOrSourceIsStillDispatchedByItsCategory() {
        assertThat(evaluate("EXPOSED_GARBAGE", null, null))
                .isEqualTo(new Outcome("Rule_ExposedGarbage", "huanwei", "zongguan", 4, LimitUnit.WORKING_HOURS.name()));
    }

    /**
     * jxreview-s58 J10: a patrol category that counts under a plan item of 锦溪's 931 template (categories.yaml
     * {@code item:}) is led by that item's 牵头单位, at every urgency and from every source: the item's row in the
     * 驾驶舱 and 月报 and its 季检查 sheet score its lead on the cases it leads (乱张贴 went to 环卫所 while it counted
     * under 城管中队's 规范户外广告设置).
     */
    @Test
    void aJinxiCategoryCountedUnderAPlanItemIsLedByThatItemsLead() throws IOException {
        DmnDecision jinxi;
        try (InputStream in = Files.newInputStream(Path.of("config/organizations/jinxi/CaseDispatch.dmn"))) {
            jinxi = engine.parseDecision(CaseDispatch.KEY, in);
        }
        Map<String, String> leads = new HashMap<>();
        new ObjectMapper(new YAMLFactory()).readTree(new File("config/organizations/jinxi/campaigns/jinxi-2017-931.yaml"))
                .path("items").forEach(i -> leads.put(i.path("category").asText(), i.path("lead").asText()));
        List<Category> counted = CategoryCatalogue.load("organizations/jinxi/categories.yaml").stream()
                .filter(c -> c.item() != null).toList();
        assertThat(counted).extracting(Category::code).contains("ILLEGAL_POSTING");
        for (Category c : counted) {
            for (Urgency urgency : Urgency.values()) {
                for (CaseSource source : CaseSource.values()) {
                    String lead = engine.evaluateDecisionTable(jinxi, Variables.createVariables()
                            .putValue(CaseDispatch.IN_CATEGORY, c.code()).putValue(CaseDispatch.IN_URGENCY, urgency.name())
                            .putValue(CaseDispatch.IN_SOURCE, source.name())).getSingleResult().getEntry(CaseDispatch.OUT_LEAD_UNIT);
                    assertThat(lead).as("%s（%s）%s/%s", c.name(), c.item(), urgency, source).isEqualTo(leads.get(c.item()));
                }
            }
        }
    }

    private static Set<String> quoted(Enum<?>[] values) {
        return Set.copyOf(quotedInOrder(values));
    }

    private static List<String> quotedInOrder(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> "\"" + v.name() + "\"").toList();
    }

    private static Set<String> union(Set<String> values, String extra) {
        Set<String> all = new HashSet<>(values);
        all.add(extra);
        return all;
    }
}
