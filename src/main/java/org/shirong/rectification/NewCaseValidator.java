package org.shirong.rectification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.shirong.system.ApiError;
import org.shirong.system.Degrees;
import org.shirong.system.TextInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Checks a reported problem field by field; every problem is named, in Chinese, with a stable code. */
@Component
class NewCaseValidator {

    /** How much of what was written a message quotes back (an import repeats it for every row). */
    private static final int QUOTED = 40;

    private final CategoryCatalogue catalogue;
    private final TerritoryDirectory territories;
    private final ObjectProvider<CampaignPlans> campaignPlans;

    NewCaseValidator(CategoryCatalogue catalogue, TerritoryDirectory territories, ObjectProvider<CampaignPlans> campaignPlans) {
        this.catalogue = catalogue;
        this.territories = territories;
        this.campaignPlans = campaignPlans;
    }

    /** A case reported from outside a campaign's own work (the form, an import): its campaign must still be running. */
    List<ApiError> check(String organization, NewCase c) {
        return check(organization, c, false);
    }

    /**
     * A case a person reports (the form, {@code POST /api/cases}, an import row): as {@link #check(String, NewCase)}, and
     * neither a reference in Shirong's own namespaces ({@link OwnReferences#reserved}: the meeting, 门责 hand-over or
     * campaign finding that owns it would take the case for its own) nor the source 会议决定, which only a meeting's
     * decision reports, nor a source the organisation does not use ({@link CategoryCatalogue#sources}: 锦溪 has no survey).
     */
    List<ApiError> checkReported(String organization, NewCase c) {
        List<ApiError> errors = check(organization, c, false);
        if (OwnReferences.reserved(c.externalRef())) {
            errors.add(ApiError.field("externalRef", "RESERVED_EXTERNAL_REF", "外部编号不能以 " + OwnReferences.reservedPrefixes()
                    + " 开头（不分大小写、全角半角）：这些编号由本系统的会议决定、门责移交执法和活动发现的问题使用。"
                    + "请填写 12345 工单号、测评点位编号等外部编号，没有的可不填"));
        }
        if (CaseSource.MEETING.name().equals(c.source())) {
            errors.add(ApiError.field("source", "MEETING_SOURCE", "案件来源不能填“会议决定”：会议决定的案件在会议记录中填写决定事项后由系统立案。"
                    + "请选择实际发现问题的来源（如日常巡查、单位自查）"));
        } else {
            CaseSources sources = catalogue.sources(organization);
            CaseSource.of(c.source()).filter(s -> !sources.offers(s)).ifPresent(s -> errors.add(ApiError.field("source",
                    "SOURCE_NOT_USED", territories.name(organization) + "不使用案件来源“" + sources.label(s) + "”（可选："
                            + sources.choices() + "）")));
            surveyCategory(errors, organization, c, sources);
        }
        return errors;
    }

    /**
     * A survey 大类 ({@link CategoryGroup#SURVEY}) is chosen only for a 满意度测评 case where the organisation has other
     * categories too (九亭): a problem found any other way goes under its patrol category and that category's deadline
     * (the 上报问题 page offers the 大类 only for the source 满意度测评). An organisation with only the 大类 (松江区) uses
     * them for any source.
     */
    private void surveyCategory(List<ApiError> errors, String organization, NewCase c, CaseSources sources) {
        CaseSource source = CaseSource.of(c.source()).orElse(CaseSource.SURVEY);
        List<Category> own = catalogue.all(organization);
        if (source == CaseSource.SURVEY || blank(c.category()) || own.stream().allMatch(k -> k.group() == CategoryGroup.SURVEY)) {
            return;
        }
        own.stream().filter(k -> k.code().equals(c.category()) && k.group() == CategoryGroup.SURVEY).findFirst()
                .ifPresent(k -> errors.add(ApiError.field("category", "SURVEY_CATEGORY_NEEDS_SURVEY_SOURCE", "问题类别“" + k.name()
                        + "”是满意度测评大类，只用于来源为“" + sources.label(CaseSource.SURVEY) + "”的案件；来源为“"
                        + sources.label(source) + "”的问题请选日常巡查等类别（按其时限整改）")));
    }

    /**
     * {@code campaignWork}: the case comes from the campaign's own work (a finding, a meeting decision), which carries
     * on after the campaign ended and still counts for it.
     */
    List<ApiError> check(String organization, NewCase c, boolean campaignWork) {
        List<ApiError> errors = new ArrayList<>();
        if (blank(c.title())) {
            errors.add(ApiError.field("title", "REQUIRED", "请填写问题标题"));
        } else {
            characters(errors, "title", "问题标题", c.title(), false);
            if (c.title().length() > 200) {
                errors.add(ApiError.field("title", "TOO_LONG", "问题标题不能超过 200 个字"));
            }
        }
        if (blank(c.category())) {
            errors.add(ApiError.field("category", "REQUIRED", "请选择问题类别"));
        } else {
            // Only a town's self-inspection in its district's campaign files a case under the district's categories: the
            // findings of its 全面自查自纠, and what it reports itself for that campaign (sjreview D2), under those alone.
            boolean forDistrict = !campaignWork && districtSelfInspection(organization, c);
            java.util.Optional<Category> known = campaignWork ? catalogue.find(organization, c.category())
                    : (forDistrict ? catalogue.ofDistrict(organization) : catalogue.all(organization)).stream()
                            .filter(k -> k.code().equals(c.category())).findFirst();
            if (known.isEmpty() && forDistrict) {
                errors.add(ApiError.field("category", "UNKNOWN_CATEGORY", "计入" + territories.name(campaignOrganization(c))
                        + "活动 " + TextInput.shortened(c.campaign().strip(), QUOTED) + " 的问题请选区的问题类别（可选："
                        + catalogue.ofDistrict(organization).stream().map(Category::name).collect(java.util.stream.Collectors.joining("、"))
                        + "）：本镇自查的问题按区的大类计入该活动的整治项目"));
            } else if (known.isEmpty()) {
                errors.add(ApiError.field("category", "UNKNOWN_CATEGORY", "未知的问题类别："
                        + catalogue.names(organization).unknown(c.category()).replaceFirst("^没有问题类别", "")));
            } else if (!known.get().applicable()) {
                errors.add(ApiError.field("category", "CATEGORY_NOT_APPLICABLE", known.get().notApplicable()));
            }
        }
        if (c.urgency() != null && !isOneOf(c.urgency(), Urgency.values())) {
            errors.add(ApiError.field("urgency", "INVALID_URGENCY", "紧急程度只能是 一般（NORMAL）或 紧急（URGENT）"));
        }
        if (blank(c.source())) {
            errors.add(ApiError.field("source", "REQUIRED", "请填写案件来源"));
        } else if (!isOneOf(c.source(), CaseSource.values())) {
            errors.add(ApiError.field("source", "INVALID_SOURCE", "未知的案件来源：" + TextInput.shortened(c.source(), QUOTED) + "（可选："
                    + catalogue.sources(organization).choices() + "）"));
        }
        if (c.location() == null || blank(c.location().address())) {
            errors.add(ApiError.field("location.address", "REQUIRED", "请填写问题地点"));
        } else {
            characters(errors, "location.address", "地点", c.location().address(), false);
            if (c.location().address().length() > 500) {
                errors.add(ApiError.field("location.address", "TOO_LONG", "地点不能超过 500 个字"));
            }
            characters(errors, "location.gridCell", "网格编号", c.location().gridCell(), false);
            if (c.location().gridCell() != null && c.location().gridCell().length() > 64) {
                errors.add(ApiError.field("location.gridCell", "TOO_LONG", "网格编号不能超过 64 个字符"));
            }
            Degrees.outOfRange("location.lat", "纬度", c.location().lat(), 90).ifPresent(errors::add);
            Degrees.outOfRange("location.lng", "经度", c.location().lng(), 180).ifPresent(errors::add);
            if (c.location().lat() == null && c.location().lng() != null) {
                errors.add(ApiError.field("location.lat", "REQUIRED", "经纬度须同时填写：已填经度，请填写纬度（lat）"));
            } else if (c.location().lng() == null && c.location().lat() != null) {
                errors.add(ApiError.field("location.lng", "REQUIRED", "经纬度须同时填写：已填纬度，请填写经度（lng）"));
            }
        }
        if (c.location() != null) {
            territory(errors, organization, c.location().territory());
            pointProblemTerritory(errors, organization, c);
            characters(errors, "location.community", "社区（村、网格）", c.location().community(), false);
            if (c.location().community() != null && c.location().community().strip().length() > 100) {
                errors.add(ApiError.field("location.community", "TOO_LONG", "社区（村、网格）不能超过 100 个字"));
            }
            community(errors, organization, c.location());
        }
        campaign(errors, organization, c, campaignWork);
        subItem(errors, organization, c);
        characters(errors, "description", "问题描述", c.description(), true);
        if (c.description() != null && c.description().length() > 4000) {
            errors.add(ApiError.field("description", "TOO_LONG", "问题描述不能超过 4000 个字"));
        }
        characters(errors, "externalRef", "外部编号", c.externalRef(), false);
        if (c.externalRef() != null && c.externalRef().length() > 128) {
            errors.add(ApiError.field("externalRef", "TOO_LONG", "外部编号不能超过 128 个字符"));
        }
        return errors;
    }

    /**
     * Where the organisation has villages or communities ({@link TerritoryDirectory#communities}: 锦溪镇 卫星村、上下塘社区), the
     * case's 村/社区 is one of them (by name or group id) or none: that 村/社区 reads the case and is told of it (jxreview-s58
     * J5), which a name it does not know would silently undo. A district's case lying in a town names one of the town's
     * 村、社区、居委会 where the town has any (九亭镇 第一居委会, which then reads it: szreview-s60 S4). Elsewhere it stays free
     * text (网格).
     */
    private void community(List<ApiError> errors, String organization, NewCase.Location location) {
        String given = location.community();
        String territory = blank(location.territory()) ? territories.inAddress(organization, location.address()).orElse(organization)
                : territories.resolve(organization, location.territory()).orElse(organization);
        List<String> known = territories.communities(organization, territory);
        if (blank(given) || known.isEmpty() || territories.community(organization, territory, given).isPresent()) {
            return;
        }
        String kinds = territory.equals(organization) ? "村或社区" : "村、社区或居委会";
        errors.add(ApiError.field("location.community", "UNKNOWN_COMMUNITY", "村/社区须为" + territories.name(territory)
                + "的" + kinds + "（可选：" + String.join("、", known) + "），没有“" + TextInput.shortened(given.strip(), QUOTED)
                + "”；问题不在某个" + kinds.replace("或", "、") + "的，可不填"));
    }

    /** The campaign the case is reported for, when one is named: one of the organisation's, and running. */
    void campaign(List<ApiError> errors, String organization, NewCase c, boolean campaignWork) {
        if (blank(c.campaign())) {
            return;
        }
        String code = c.campaign().strip();
        CampaignPlans plans = campaignPlans.getIfAvailable();
        var plan = plans == null ? java.util.Optional.<CampaignPlans.PlanFacts>empty() : plans.plan(organization, code, c.category());
        boolean ofAnother = plan.isPresent() && !campaignWork && plans.campaign(code)
                .map(CampaignPlans.Campaign::organization).filter(organization::equals).isEmpty();
        if (ofAnother && !plans.takesPart(organization, code)) {
            errors.add(ApiError.field("campaign", "UNKNOWN_CAMPAIGN", territories.name(organization) + "没有参加"
                    + territories.name(campaignOrganization(c)) + "活动 " + TextInput.shortened(code, QUOTED)
                    + "，不能将案件计入该活动"));
        } else if (ofAnother && !CaseSource.SELF_INSPECTION.name().equals(c.source())) {
            // A town takes part in its district's campaign with what its own self-inspection finds (plan 二（三）: 自查自纠
            // is continuous, reported to the district office): the 全面自查自纠 task's lines, and afterwards any case it
            // reports under the source 单位自查 (sjreview D2). Other sources are its own work: say where the problem goes.
            errors.add(ApiError.field("campaign", "CAMPAIGN_TAKES_SELF_INSPECTION", territories.name(organization) + "参加的"
                    + territories.name(campaignOrganization(c)) + "活动 " + TextInput.shortened(code, QUOTED)
                    + " 只计入本单位自查发现的问题：请将案件来源选为“" + catalogue.sources(organization).label(CaseSource.SELF_INSPECTION)
                    + "”并选区的问题类别，或在该活动下达给本单位的“全面自查自纠”任务中逐行录入；其他来源的问题是本组织自己的案件，请不填活动"));
        } else if (ofAnother && !plan.get().running()) {
            errors.add(ApiError.field("campaign", "CAMPAIGN_ENDED", "活动 " + code + " 已结束或已撤销，不能再计入新的案件"));
        } else if (ofAnother) {
            return;
        } else if (plan.isEmpty()) {
            errors.add(ApiError.field("campaign", "UNKNOWN_CAMPAIGN", "本组织没有编号为 " + TextInput.shortened(code, QUOTED) + " 的活动"));
        } else if (!plan.get().running() && !campaignWork) {
            errors.add(ApiError.field("campaign", "CAMPAIGN_ENDED", "活动 " + code + " 已结束或已撤销，不能再计入新的案件"));
        }
    }

    /**
     * Whether {@code c} is a town's or street's own self-inspection case for its district's campaign that it takes part
     * in (source 单位自查, {@link CampaignPlans#takesPart}): filed under the district's categories, counted for that
     * campaign (sjreview D2).
     */
    private boolean districtSelfInspection(String organization, NewCase c) {
        CampaignPlans plans = campaignPlans.getIfAvailable();
        return plans != null && !blank(c.campaign()) && CaseSource.SELF_INSPECTION.name().equals(c.source())
                && plans.takesPart(organization, c.campaign().strip());
    }

    /** The organisation of the campaign {@code c} names (known to exist). */
    private String campaignOrganization(NewCase c) {
        return campaignPlans.getObject().campaign(c.campaign().strip()).map(CampaignPlans.Campaign::organization).orElseThrow();
    }

    /** The survey 小项, when one is named: one of the category's. */
    private void subItem(List<ApiError> errors, String organization, NewCase c) {
        if (blank(c.subItem()) || blank(c.category())) {
            return;
        }
        String subItem = c.subItem().strip();
        catalogue.find(organization, c.category()).ifPresent(category -> {
            if (category.items().isEmpty()) {
                errors.add(ApiError.field("subItem", "NO_SUB_ITEMS", "问题类别“" + category.name() + "”没有小项，请不要填写小项"));
            } else if (!category.items().contains(subItem)) {
                errors.add(ApiError.field("subItem", "UNKNOWN_SUB_ITEM", "问题类别“" + category.name() + "”没有小项“" + TextInput.shortened(subItem, QUOTED)
                        + "”（可选：" + String.join("、", category.items()) + "）"));
            }
        });
    }

    /** The 属地, when one is given: the case's organisation or, for a district, one of its towns and streets. */
    private void territory(List<ApiError> errors, String organization, String territory) {
        if (territory == null || blank(territory)) {
            return;
        }
        int before = errors.size();
        characters(errors, "location.territory", "属地", territory, false);
        if (errors.size() == before && territories.resolve(organization, territory).isEmpty()) {
            errors.add(ApiError.field("location.territory", "UNKNOWN_TERRITORY",
                    "未知的属地：" + TextInput.shortened(territory.strip(), QUOTED)
                    + "（请填写问题所在镇、街道的名称或代码：本组织，或区所辖的镇、街道）"));
        }
    }

    /**
     * A district's point problem (满意度测评点位问题) lies in one of its towns or streets, which cooperates on it as its 属地
     * (plan 二（一）: 区级部门牵头、属地街镇配合): without a 属地 and an address that begins with no town's or street's name it
     * would be filed under the district, where no town sees it (sjreview D4).
     */
    private void pointProblemTerritory(List<ApiError> errors, String organization, NewCase c) {
        if (CaseSource.SURVEY.name().equals(c.source()) && blank(c.location().territory()) && !blank(c.location().address())
                && territories.hasTowns(organization) && territories.inAddress(organization, c.location().address()).isEmpty()) {
            errors.add(ApiError.field("location.territory", "TERRITORY_REQUIRED", "请填写属地街镇：满意度测评点位问题由区级部门牵头、"
                    + "属地街镇配合，请写明问题所在的镇、街道（如 九亭镇 或 九亭），或让地点以镇、街道名称开头（如 九亭镇沪亭北路 2 号）"));
        }
    }

    /** Control characters (or broken ones) in a text field: a NUL would fail the insert on PostgreSQL. */
    private static void characters(List<ApiError> errors, String field, String label, String value, boolean multiLine) {
        TextInput.problem(label, value, multiLine)
                .ifPresent(message -> errors.add(ApiError.field(field, "INVALID_CHARACTER", message)));
    }

    private static boolean isOneOf(String value, Enum<?>[] values) {
        return Arrays.stream(values).anyMatch(v -> v.name().equals(value));
    }

    private static boolean blank(String s) {
        return TextInput.isBlank(s);
    }
}
