package org.shirong.demo;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Where the demo's made-up addresses lie, near the real roads they name, so that the case map (/shirong/map) has
 * points to show: latitude and longitude (WGS 84), as a phone's position would give them.
 */
final class DemoPlaces {

    private static final Map<String, double[]> PLACES = Map.ofEntries(
            Map.entry("九亭大街 256 号菜场东门", new double[] {31.118420, 121.323510}),
            Map.entry("沪亭北路九亭地铁站 2 号口", new double[] {31.125860, 121.318930}),
            Map.entry("涞坊路 500 弄沿街一侧", new double[] {31.112030, 121.331470}),
            Map.entry("易富路 88 弄 12 号楼道", new double[] {31.121770, 121.309820}),
            Map.entry("九新公路与伴亭路交叉口北侧", new double[] {31.129340, 121.327160}),
            Map.entry("伴亭路 1200 号至 1300 号", new double[] {31.133280, 121.329940}),
            Map.entry("沪松公路 1399 号后院", new double[] {31.115690, 121.301250}),
            Map.entry("九亭大街 318 号", new double[] {31.118950, 121.325870}),
            Map.entry("涞坊路跨河桥桥墩", new double[] {31.109640, 121.336020}),
            Map.entry("九亭公园南门", new double[] {31.122410, 121.315380}),
            Map.entry("九亭大街 100 号至 180 号", new double[] {31.117480, 121.318660}),
            Map.entry("锦溪镇长寿路与邵甸港路口", new double[] {31.180460, 120.905130}),
            Map.entry("锦溪农贸市场北门", new double[] {31.183020, 120.900870}),
            Map.entry("邵甸港卫星村段", new double[] {31.191750, 120.913420}),
            Map.entry("锦溪农贸市场水产区", new double[] {31.182640, 120.901350}),
            Map.entry("锦溪古镇东入口", new double[] {31.178930, 120.909760}),
            Map.entry("人民北路与荣乐中路路口", new double[] {31.014520, 121.228770}),
            Map.entry("沪亭北路九亭公交枢纽", new double[] {31.127040, 121.320510}),
            Map.entry("泗泾塘江川北路段", new double[] {31.121380, 121.262890}),
            Map.entry("新桥镇新站路工地", new double[] {31.064210, 121.318450}));

    private DemoPlaces() {
    }

    /** The place of a demo address: {latitude, longitude}; empty for an address not listed. */
    static Optional<BigDecimal[]> of(String address) {
        double[] p = PLACES.get(address);
        return p == null ? Optional.empty() : Optional.of(new BigDecimal[] {BigDecimal.valueOf(p[0]), BigDecimal.valueOf(p[1])});
    }
}
