package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingLinesTest {

    @Test
    void eachNonBlankLineIsOneFindingWhateverTheSeparator() {
        List<Map<String, Object>> rows = FindingLines.parse("""
                九亭大街 18 号垃圾桶满溢｜九亭大街 18 号｜暴露垃圾｜沿街商铺门前

                涞寅路沿街晾晒\t涞寅路 200 号\tHANGING_LAUNDRY
                沪亭北路人行道破损;沪亭北路 300 号
                """);

        assertThat(rows).extracting(r -> r.get("line") + ":" + r.get("title") + "/" + r.get("address") + "/" + r.get("category")
                + "/" + r.get("description")).containsExactly(
                "1:九亭大街 18 号垃圾桶满溢/九亭大街 18 号/暴露垃圾/沿街商铺门前",
                "3:涞寅路沿街晾晒/涞寅路 200 号/HANGING_LAUNDRY/",
                "4:沪亭北路人行道破损/沪亭北路 300 号//");
    }

    @Test
    void aLineWithoutSeparatorsIsAllTitle() {
        assertThat(FindingLines.parse("只写了问题")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("title", "只写了问题").containsEntry("address", ""));
    }
}
