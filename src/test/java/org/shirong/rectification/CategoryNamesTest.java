package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesJvm;

@SharesJvm
class CategoryNamesTest {

    private final CategoryNames names = new CategoryNames(inOrder(
            "EXPOSED_GARBAGE", "暴露垃圾",
            "LITTER_BIN", "果壳箱/废物箱（满溢、破损、缺失）",
            "OUTDOOR_ADVERTISING", "户外广告（违规设置/破损）",
            "OUTDOOR_ADVERTISING_RULES", "户外广告（设置规范）"));

    @Test
    void aCategoryIsNamedByItsNameItsCodeOrItsOnlyShortName() {
        assertThat(names.codeOf("暴露垃圾")).contains("EXPOSED_GARBAGE");
        assertThat(names.codeOf(" exposed_garbage ")).contains("EXPOSED_GARBAGE");
        assertThat(names.codeOf("果壳箱/废物箱（满溢、破损、缺失）")).contains("LITTER_BIN");
        assertThat(names.codeOf("果壳箱/废物箱")).contains("LITTER_BIN");
    }

    @Test
    void aShortNameTwoCategoriesShareNamesNeither() {
        assertThat(names.codeOf("户外广告")).isEmpty();
        assertThat(names.unknown("户外广告")).isEqualTo("没有问题类别“户外广告”，是否指：户外广告（违规设置/破损）、户外广告（设置规范）？");
    }

    @Test
    void anUnknownNameSuggestsTheNamesCloseToItOrTheFormsList() {
        assertThat(names.codeOf("垃圾")).isEmpty();
        assertThat(names.unknown("垃圾")).isEqualTo("没有问题类别“垃圾”，是否指：暴露垃圾？");
        assertThat(names.unknown("违章")).isEqualTo("没有问题类别“违章”（请按表单上列出的类别名称填写）");
    }

    @Test
    void aTypoOfACharacterOrTwoIsANearMiss() {
        assertThat(names.unknown("暴露垃级")).isEqualTo("没有问题类别“暴露垃级”，是否指：暴露垃圾？");
        assertThat(names.suggestions("户外广吿")).containsExactly("户外广告（违规设置/破损）", "户外广告（设置规范）");
        assertThat(CategoryNames.near(java.util.List.of("小区环境卫生", "小区停车秩序"), "小区环境卫")).containsExactly("小区环境卫生");
        assertThat(names.suggestions("违章搭建")).isEmpty();
    }

    private static Map<String, String> inOrder(String... codesAndNames) {
        Map<String, String> nameByCode = new LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            nameByCode.put(codesAndNames[i], codesAndNames[i + 1]);
        }
        return nameByCode;
    }
}
