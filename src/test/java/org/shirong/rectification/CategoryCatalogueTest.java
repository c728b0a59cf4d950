package org.shirong.rectification;

import org.shirong.organization.Organizations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesJvm;
import org.shirong.system.StartupRefusedException;

/** The shipped catalogue is complete, and every mistake in categories.yaml is named by file and field. */
@SharesJvm
class CategoryCatalogueTest {

    private static List<Category> read(String yaml) {
        return CategoryCatalogue.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "config/categories.yaml");
    }

    private static final String HEAD = """
            categories:
              - { code: EXPOSED_GARBAGE, name: 暴露垃圾, group: PATROL }
            """;

    @Test
    void eachOrganisationHasItsPlansCategories() {
        CategoryCatalogue catalogue = new CategoryCatalogue(Organizations.read("jiuting", "jinxi", "songjiang"));
        List<Category> all = catalogue.all("jiuting");
        Map<CategoryGroup, List<Category>> byGroup = all.stream().collect(Collectors.groupingBy(Category::group));

        assertThat(byGroup.get(CategoryGroup.PATROL)).hasSizeBetween(15, 20).allMatch(c -> c.items().isEmpty());
        assertThat(byGroup.get(CategoryGroup.CAMPAIGN_931)).as("kept for 九亭's old stand-in campaign only").hasSize(13)
                .noneMatch(Category::applicable);
        Map<CategoryGroup, List<Category>> jinxi = catalogue.all("jinxi").stream().collect(Collectors.groupingBy(Category::group));
        assertThat(jinxi.get(CategoryGroup.CAMPAIGN_931)).hasSize(13);
        assertThat(jinxi.get(CategoryGroup.CAMPAIGN_931).stream().filter(c -> !c.applicable()).map(Category::name))
                .containsExactly("整治城中村", "整治背街小巷", "整治棚户区", "规范车辆停放");
        assertThat(catalogue.all("songjiang")).allMatch(c -> c.group() == CategoryGroup.SURVEY).hasSize(11);
        assertThat(byGroup.get(CategoryGroup.SURVEY)).extracting(Category::name).containsExactly(
                "建(构)筑物", "居住区", "城市道路", "公共设施", "城市绿化", "标识标牌与广告设施", "公共场所", "城市水域", "工地",
                "车容车貌", "服务规范");
        assertThat(byGroup.get(CategoryGroup.SURVEY).stream().mapToInt(c -> c.items().size()).sum()).isEqualTo(35);
    }

    /** jxreview J9/J16/J22: 锦溪's patrol categories name the 931 item they count toward; its sources have no survey. */
    @Test
    void jinxisPatrolCategoriesCountTowardItsItemsAndItsSourcesHaveNoSurvey() {
        CategoryCatalogue catalogue = new CategoryCatalogue(Organizations.read("jiuting", "jinxi"));

        assertThat(catalogue.find("jinxi", "ILLEGAL_STALL")).get().extracting(Category::item).isEqualTo("REGULATE_ROAD_OCCUPYING_BUSINESS");
        assertThat(catalogue.find("jinxi", "OUTDOOR_ADVERTISING")).get().extracting(Category::item).isEqualTo("REGULATE_OUTDOOR_ADVERTISING");
        assertThat(catalogue.find("jinxi", "EXPOSED_GARBAGE")).get().extracting(Category::item).isNull();
        assertThat(catalogue.all("jinxi")).extracting(Category::name).doesNotContain("机动车乱停放")
                .noneMatch(n -> n.contains("二无一白") || n.contains("门责"));
        assertThat(catalogue.sources("jinxi").offered()).containsExactly(CaseSource.PATROL, CaseSource.SELF_INSPECTION,
                CaseSource.JOINT_INSPECTION, CaseSource.CITIZEN);
        assertThat(catalogue.sources("jinxi").importDefault()).as("an import must name its source").isNull();
        assertThat(catalogue.sources("jiuting")).isEqualTo(CaseSources.ALL);
    }

    @Test
    void aWrongItemOrSourceIsNamedByField() {
        assertThatThrownBy(() -> read(HEAD + """
                  - { code: ILLEGAL_STALL, name: 乱设摊, group: PATROL, item: NO_SUCH_ITEM }
                  - { code: RECTIFY_BACK_STREETS, name: 整治背街小巷, group: CAMPAIGN_931, applicable: false }
                  - { code: GRAFFITI, name: 乱涂写, group: PATROL, item: RECTIFY_BACK_STREETS }
                sources:
                  offered: [PATROL, 会议决定, 路人]
                  import-default: SURVEY
                """)).isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("categories[1].item: 本文件中没有类别 \"NO_SUCH_ITEM\"")
                .hasMessageContaining("categories[3].item: \"RECTIFY_BACK_STREETS\"（整治背街小巷）方案标注不适用")
                .hasMessageContaining("sources.offered[1]: 会议决定不用列出")
                .hasMessageContaining("sources.offered[2]: \"路人\" 不是已知的案件来源")
                .hasMessageContaining("sources.import-default: \"SURVEY\" 须是 sources.offered 中的一项");
    }

    @Test
    void findsACategoryByItsCode() {
        CategoryCatalogue catalogue = new CategoryCatalogue(Organizations.read("jiuting"));

        assertThat(catalogue.find("jiuting", "ILLEGAL_CONSTRUCTION")).get()
                .isEqualTo(new Category("ILLEGAL_CONSTRUCTION", "违法搭建", CategoryGroup.PATROL, List.of(), true));
        assertThat(catalogue.find("jiuting", "SURVEY_RESIDENTIAL_AREAS")).get().extracting(Category::items).asList().contains("小区环境卫生");
        assertThat(catalogue.find("jiuting", "NO_SUCH_CATEGORY")).isEmpty();
        assertThat(catalogue.find("jiuting", null)).isEmpty();
    }

    @Test
    void aCategoryIsApplicableUnlessTheFileSaysOtherwise() {
        List<Category> read = read(HEAD + "  - { code: RECTIFY_SHANTY_TOWNS, name: 整治棚户区, group: CAMPAIGN_931, applicable: false }\n");

        assertThat(read).extracting(Category::applicable).containsExactly(true, false);
    }

    @Test
    void badAndDuplicateCodesAndMissingNamesAreAllReported() {
        assertThatThrownBy(() -> read(HEAD + "  - { code: exposed-garbage, name: 甲, group: PATROL }\n"
                + "  - { code: EXPOSED_GARBAGE, name: 乙, group: PATROL }\n"
                + "  - { code: ROAD_UNCLEAN, group: PATROL }\n"
                + "  - { name: 丙, group: PATROL }\n"))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("config/categories.yaml")
                .hasMessageContaining("categories[1].code: \"exposed-garbage\" 只能使用大写英文字母、数字和下划线")
                .hasMessageContaining("categories[2].code: \"EXPOSED_GARBAGE\" 与 categories[0] 重复")
                .hasMessageContaining("categories[3].name: 必须填写中文名称")
                .hasMessageContaining("categories[4].code: 必须填写");
    }

    @Test
    void aMissingOrUnknownGroupIsNamed() {
        assertThatThrownBy(() -> read(HEAD + "  - { code: ROAD_UNCLEAN, name: 道路不洁 }\n"))
                .hasMessageContaining("categories[1].group: 必须填写分组（PATROL 日常巡查问题");
        assertThatThrownBy(() -> read(HEAD + "  - { code: ROAD_UNCLEAN, name: 道路不洁, group: DAILY }\n"))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("categories[1].group（第 3 行）: \"DAILY\" 不是已知的分组");
    }

    @Test
    void anUnknownFieldIsNamed() {
        assertThatThrownBy(() -> read(HEAD + "  - { code: ROAD_UNCLEAN, nmae: 道路不洁, group: PATROL }\n"))
                .hasMessageContaining("categories[1].nmae");
    }

    @Test
    void onlySurveyCategoriesHaveItemsAndTheyMustHaveSome() {
        assertThatThrownBy(() -> read(HEAD + "  - { code: SURVEY_WATERS, name: 城市水域, group: SURVEY }\n"
                + "  - { code: ROAD_UNCLEAN, name: 道路不洁, group: PATROL, items: [人行道] }\n"
                + "  - { code: SURVEY_ROADS, name: 城市道路, group: SURVEY, items: [道路保洁, '', 道路保洁] }\n"))
                .hasMessageContaining("categories[1].items: 满意度测评类别必须列出小项")
                .hasMessageContaining("categories[2].items: 只有满意度测评（SURVEY）类别有小项")
                .hasMessageContaining("categories[3].items[1]: 小项名称不能为空")
                .hasMessageContaining("categories[3].items[2]: \"道路保洁\" 重复");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> read("")).hasMessageContaining("categories: 至少需要一个类别");
        assertThatThrownBy(() -> read("categories: []\n")).hasMessageContaining("categories: 至少需要一个类别");
    }

    @Test
    void aMissingFileIsRefusedNamingWhereItWasLookedFor() {
        assertThatThrownBy(() -> CategoryCatalogue.load("no-such-categories.yaml"))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("no-such-categories.yaml")
                .hasMessageContaining("找不到问题类别文件");
    }
}
