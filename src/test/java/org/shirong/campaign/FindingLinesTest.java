package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesJvm;

@SharesJvm
class FindingLinesTest {

    @Test
    void eachNonBlankLineIsOneFindingSeparatedByTabsOrBars() {
        List<Map<String, Object>> rows = FindingLines.parse("""
                九亭大街 18 号垃圾桶满溢｜九亭大街 18 号｜暴露垃圾｜沿街商铺门前

                涞寅路沿街晾晒\t涞寅路 200 号\tHANGING_LAUNDRY
                沪亭北路人行道破损|沪亭北路 300 号
                """);

        assertThat(rows).extracting(r -> r.get("line") + ":" + r.get("title") + "/" + r.get("address") + "/" + r.get("category")
                + "/" + r.get("description")).containsExactly(
                "1:九亭大街 18 号垃圾桶满溢/九亭大街 18 号/暴露垃圾/沿街商铺门前",
                "3:涞寅路沿街晾晒/涞寅路 200 号/HANGING_LAUNDRY/",
                "4:沪亭北路人行道破损/沪亭北路 300 号//");
    }

    @Test
    void theFifthAndSixthColumnsAreTheTerritoryAndCommunityAndFourColumnLinesStayAsTheyWere() {
        List<Map<String, Object>> rows = FindingLines.parse("""
                涞坊路垃圾｜涞坊路 1 号｜暴露垃圾｜路口｜九亭镇｜涞坊社区
                涞坊路晾晒｜涞坊路 2 号｜｜｜｜涞坊社区第 2 网格
                九亭大街 18 号垃圾桶满溢｜九亭大街 18 号｜暴露垃圾｜沿街商铺门前
                """);

        assertThat(rows).extracting(r -> r.get("title") + "/" + r.get("description") + "/" + r.get("territory") + "/" + r.get("community"))
                .containsExactly("涞坊路垃圾/路口/九亭镇/涞坊社区", "涞坊路晾晒///涞坊社区第 2 网格", "九亭大街 18 号垃圾桶满溢/沿街商铺门前//");
    }

    @Test
    void aLineWithoutSeparatorsIsAllTitle() {
        assertThat(FindingLines.parse("只写了问题")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("title", "只写了问题").containsEntry("address", ""));
    }

    @Test
    void semicolonsAreTextSoTheIssuesLinesAreReadIntact() {
        List<Map<String, Object>> rows = FindingLines.parse("""
                垃圾桶满溢｜九亭大街 18 号｜暴露垃圾｜现场核查：属实；已告知物业限期清运
                垃圾桶满溢；有异味｜九亭大街 18 号｜暴露垃圾
                """);

        assertThat(rows).extracting(r -> r.get("title") + "/" + r.get("address") + "/" + r.get("category") + "/" + r.get("description"))
                .containsExactly("垃圾桶满溢/九亭大街 18 号/暴露垃圾/现场核查：属实；已告知物业限期清运",
                        "垃圾桶满溢；有异味/九亭大街 18 号/暴露垃圾/");
    }

    /** sjreview-s57 D17: the seventh column is the survey's 小项, which the ledger's 小项 column shows. */
    @Test
    void theSeventhColumnIsTheSubItem() {
        assertThat(FindingLines.parse("""
                候车亭座椅缺失｜荣乐东路 100 号｜公共设施｜｜岳阳街道｜｜公交候车亭
                涞坊路垃圾｜涞坊路 1 号｜暴露垃圾
                """)).extracting(r -> r.get("title") + "/" + r.get("territory") + "/" + r.get("subItem"))
                .containsExactly("候车亭座椅缺失/岳阳街道/公交候车亭", "涞坊路垃圾//");
    }

    @Test
    void aLineWithMoreThanSevenColumnsIsRefusedByItsNumberNotCutShort() {
        assertThatThrownBy(() -> FindingLines.parse("""
                涞坊路垃圾｜涞坊路 1 号｜暴露垃圾

                涞坊路晾晒｜涞坊路 2 号｜晾晒｜路口｜九亭镇｜涞坊社区｜第 2 网格｜另一栏
                """))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("第 3 行：有 8 栏，最多 7 栏：问题描述｜地点｜问题类别｜补充说明｜属地｜社区｜小项")
                .hasMessageNotContaining("第 1 行");
        assertThat(FindingLines.parse("涞坊路垃圾\t涞坊路 1 号\t暴露垃圾\t\t\t\t\t")).as("empty trailing cells of a pasted row")
                .singleElement().satisfies(r -> assertThat(r).containsEntry("category", "暴露垃圾"));
    }
}
