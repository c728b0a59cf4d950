package org.shirong.demo;

import java.util.List;

/**
 * What the demo contains: one campaign in each shipped organisation, from its own template, and its cases, each
 * reported on a day of the replayed weeks and taken to one state. The problems are the kind the three plans name
 * (九亭's 日常巡查 categories, 锦溪's 931 items, 松江区's survey categories), at made-up addresses.
 */
final class DemoPlan {

    /** How far a case is taken: left 待认领, claimed, submitted, closed, left to run overdue, 延期 asked, 挂账 approved. */
    enum Goal { DISPATCHED, IN_RECTIFICATION, AWAITING_VERIFICATION, CLOSED, OVERDUE, EXTENSION_ASKED, SUSPENDED }

    /**
     * {@code phaseLengths}: the plan's length of each phase, which the office gives as the phase dates when it starts the
     * campaign outside the plan's calendar months (null: the template's own dates). 九亭's demo starts in late October:
     * by the template's calendar its 前期准备 would run to the next 31 May, seven months of the plan's three, while units
     * already sign 目标责任书 and report monthly (jtreview-s59 T9).
     */
    record Campaign(String organization, String officeGroup, String template, String code, String name,
            List<java.time.Period> phaseLengths) {

        Campaign(String organization, String officeGroup, String template, String code, String name) {
            this(organization, officeGroup, template, code, name, null);
        }
    }

    /** A case reported by the campaign's office on {@code day} (days after the demo's first day) at {@code hour}. */
    record Case(String campaign, int day, int hour, String title, String category, String urgency, String source,
            String address, String territory, String community, String description, Goal goal) {
    }

    /**
     * Cases the dispatch table gives to a collective (各物业公司) whose member the case does not tell (the demo's zones come
     * after the cases): the office assigns them, by title, to the member unit, an hour after they are reported.
     */
    static final java.util.Map<String, String> ASSIGNED_BY_OFFICE = java.util.Map.of("易富路某小区楼道堆物", "wuye01");

    /** Days replayed before today: six weeks, so that at least one meeting scores a month with cases. */
    static final int DAYS = 42;

    static final List<Campaign> CAMPAIGNS = List.of(
            // 方案：前期准备 3 个月、宣传动员和自查整改 5 个月、总结迎检 2 个月
            new Campaign("jiuting", "chuangban", "jiuting-2023-standard-town", "JT-DEMO", "九亭镇创建市容环境综合管理达标镇（演示）",
                    List.of(java.time.Period.ofMonths(3), java.time.Period.ofMonths(5), java.time.Period.ofMonths(2))),
            new Campaign("jinxi", "jxtuijinban", "jinxi-2017-931", "JX-DEMO", "锦溪镇“931”环境综合整治行动（演示）"),
            new Campaign("songjiang", "sjshirongban", "songjiang-2024-satisfaction", "SJ-DEMO", "松江区市容环境满意度测评提升（演示）"));

    static final List<Case> CASES = List.of(
            // 九亭镇：前几天的巡查问题由五个单位牵头，月底前到期，供例会议程排名和通报。
            new Case("JT-DEMO", 0, 10, "九亭大街菜场门口暴露垃圾", "EXPOSED_GARBAGE", "NORMAL", "PATROL",
                    "九亭大街 256 号菜场东门", null, "九亭社区", "菜场东门外堆放生活垃圾约 6 袋，有异味", Goal.CLOSED),
            new Case("JT-DEMO", 0, 14, "沪亭北路地铁站出口乱设摊", "ILLEGAL_STALL", "NORMAL", "PATROL",
                    "沪亭北路九亭地铁站 2 号口", null, null, "傍晚有 3 处流动摊贩占用人行道", Goal.CLOSED),
            new Case("JT-DEMO", 1, 9, "涞坊路小区沿街阳台乱晾晒", "HANGING_LAUNDRY", "NORMAL", "SELF_INSPECTION",
                    "涞坊路 500 弄沿街一侧", null, "第一居委会", "临街阳台外挑晾晒衣物，影响街景", Goal.OVERDUE),
            new Case("JT-DEMO", 1, 15, "易富路某小区楼道堆物", "STAIRWELL_CLUTTER", "NORMAL", "SELF_INSPECTION",
                    "易富路 88 弄 12 号楼道", null, "易富社区", "一至三楼楼道堆放纸板和旧家具，堵塞通道", Goal.CLOSED),
            new Case("JT-DEMO", 2, 10, "九新公路人行道破损", "ROAD_DAMAGE", "NORMAL", "PATROL",
                    "九新公路与伴亭路交叉口北侧", null, null, "人行道地砖松动破损约 4 平方米", Goal.CLOSED),
            new Case("JT-DEMO", 2, 16, "伴亭路电线杆乱张贴小广告", "ILLEGAL_POSTING", "NORMAL", "PATROL",
                    "伴亭路 1200 号至 1300 号", null, null, "电线杆和配电箱上张贴办证、租房小广告 20 余处", Goal.SUSPENDED),
            // 九亭镇：最近几天的问题，处在各个办理环节。
            new Case("JT-DEMO", 38, 10, "沪松公路违法搭建彩钢板房", "ILLEGAL_CONSTRUCTION", "NORMAL", "SELF_INSPECTION",
                    "沪松公路 1399 号后院", null, null, "后院新搭彩钢板房约 30 平方米，未见审批手续", Goal.EXTENSION_ASKED),
            new Case("JT-DEMO", 39, 10, "九亭大街店招破损", "OUTDOOR_ADVERTISING", "NORMAL", "PATROL",
                    "九亭大街 318 号", null, "九亭社区", "沿街店招灯箱破损，面板脱落有坠落隐患", Goal.IN_RECTIFICATION),
            new Case("JT-DEMO", 40, 10, "涞坊路桥墩乱涂写", "GRAFFITI", "NORMAL", "PATROL",
                    "涞坊路跨河桥桥墩", null, null, "桥墩两侧喷涂字迹约 5 平方米", Goal.AWAITING_VERIFICATION),
            new Case("JT-DEMO", 41, 10, "九亭公园门口果壳箱满溢", "LITTER_BIN", "NORMAL", "SURVEY",
                    "九亭公园南门", null, null, "满意度测评点位问题：果壳箱满溢、周边有散落垃圾", Goal.DISPATCHED),
            new Case("JT-DEMO", 41, 11, "沿街商户门责告知书未张贴", "DOOR_DUTY_UNFULFILLED", "NORMAL", "PATROL",
                    "九亭大街 100 号至 180 号", null, "九亭社区", "8 家沿街商户未张贴《责任告知书》，门前有堆物", Goal.DISPATCHED),
            // 锦溪镇：“931”整治项目（提交整改须附整改前照片）。
            new Case("JX-DEMO", 3, 10, "长寿路口暴露垃圾", "EXPOSED_GARBAGE", "NORMAL", "PATROL",
                    "锦溪镇长寿路与邵甸港路口", null, null, "路口绿化带内倾倒生活垃圾", Goal.CLOSED),
            new Case("JX-DEMO", 5, 10, "菜市场外占道设摊", "ILLEGAL_STALL", "NORMAL", "PATROL",
                    "锦溪农贸市场北门", null, "上下塘社区", "早市时段市场外人行道设摊 5 处", Goal.OVERDUE),
            new Case("JX-DEMO", 30, 10, "邵甸港河面漂浮物", "RECTIFY_TOWN_RIVERS", "NORMAL", "SELF_INSPECTION",
                    "邵甸港卫星村段", null, "卫星村", "河面漂浮水草和塑料垃圾约 200 米", Goal.IN_RECTIFICATION),
            new Case("JX-DEMO", 37, 10, "农贸市场内排水沟堵塞", "RECTIFY_FARMERS_MARKETS", "NORMAL", "SELF_INSPECTION",
                    "锦溪农贸市场水产区", null, null, "水产区排水沟堵塞积水，地面湿滑", Goal.AWAITING_VERIFICATION),
            new Case("JX-DEMO", 41, 10, "古镇入口户外广告未经审批", "REGULATE_OUTDOOR_ADVERTISING", "NORMAL", "PATROL",
                    "锦溪古镇东入口", null, "上下塘社区", "新设大型喷绘广告牌，未见设置许可", Goal.DISPATCHED),
            // 松江区：满意度测评点位问题，区级部门牵头，属地街镇配合。
            new Case("SJ-DEMO", 4, 10, "人民北路人行道积尘", "SURVEY_URBAN_ROADS", "NORMAL", "SURVEY",
                    "人民北路与荣乐中路路口", "岳阳街道", null, "测评点位：人行道积尘、路缘石有油污", Goal.CLOSED),
            new Case("SJ-DEMO", 6, 10, "九亭镇公交站候车亭破损", "SURVEY_PUBLIC_PLACES", "NORMAL", "SURVEY",
                    "沪亭北路九亭公交枢纽", "九亭镇", null, "测评点位：候车亭玻璃破损、座椅缺失", Goal.OVERDUE),
            new Case("SJ-DEMO", 38, 10, "泗泾塘沿岸垃圾", "SURVEY_URBAN_WATERS", "NORMAL", "SURVEY",
                    "泗泾塘江川北路段", "泗泾镇", null, "测评点位：沿岸堆积垃圾、河面有漂浮物", Goal.IN_RECTIFICATION),
            new Case("SJ-DEMO", 41, 10, "新桥镇工地围挡破损", "SURVEY_CONSTRUCTION_SITES", "NORMAL", "SURVEY",
                    "新桥镇新站路工地", "新桥镇", null, "测评点位：工地围挡破损、出入口道路有泥浆", Goal.DISPATCHED));

    private DemoPlan() {
    }
}
