package org.shirong.campaign;

import static org.shirong.system.ChineseDates.MINUTE;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.campaign.CampaignRecords.TaskRow;
import org.shirong.organization.Organization;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.CategoryCatalogue;
import org.shirong.rectification.CategoryNames;
import org.shirong.rectification.NewCase;
import org.shirong.rectification.OwnReferences;
import org.shirong.rectification.RectificationCases;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.TextInput;
import org.springframework.stereotype.Service;

/**
 * What a campaign task's form hands in: the 办理情况 of a task, the findings of an inspection (each a
 * rectification case under the task's case source, linked to the campaign), or the office's
 * confirmation at a checkpoint. Runs in the task's completion transaction: a refusal saves nothing.
 */
@Service
class CampaignTaskResults {

    static final String RECTIFIED_YES = "yes";
    static final String RECTIFIED_NO = "no";
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private final CampaignRecords records;
    private final CategoryCatalogue catalogue;
    private final RectificationCases cases;
    private final ObjectMapper json;
    private final OrganizationRecords organization;
    private final CampaignTemplates templates;
    private final Organizations organizations;
    private final java.time.ZoneId zone;

    CampaignTaskResults(CampaignRecords records, CategoryCatalogue catalogue, RectificationCases cases, ObjectMapper json,
            OrganizationRecords organization, CampaignTemplates templates, Organizations organizations,
            org.shirong.calendar.WorkingCalendar calendar) {
        this.zone = calendar.zone();
        this.organizations = organizations;
        this.organization = organization;
        this.templates = templates;
        this.records = records;
        this.catalogue = catalogue;
        this.cases = cases;
        this.json = json;
    }

    /**
     * The categories a finding of the task may name, for the form: 名称（代码）, one group per line. They are those of the
     * campaign's organisation, where its findings are reported, also for a town doing a district campaign's task.
     */
    String categoryList(long taskId) {
        return catalogue.all(organization(task(taskId))).stream().filter(c -> c.applicable())
                .collect(Collectors.groupingBy(c -> c.group().label(), java.util.LinkedHashMap::new,
                        Collectors.mapping(c -> c.name(), Collectors.joining("、"))))
                .entrySet().stream().map(e -> e.getKey() + "：" + e.getValue()).collect(Collectors.joining("\n"));
    }

    /**
     * What the checkpoint shows before the office claims it: it was issued with the campaign, long before the cases it
     * checks were found, so a list made then would read "已全部结案" while cases are open (sjreview F18).
     */
    static final String OPEN_CASES_ON_CLAIM = "认领本任务时，这里列出本活动届时尚未结案的问题（按整治项目和牵头单位）。"
            + "认领前可在活动驾驶舱查看在办、超期的案件。";

    /**
     * The campaign's open cases for the checkpoint as they are now, by plan item (the template's 整治项目 or survey
     * category) and lead unit, each with its 属地 in a district's campaign; the last line says when the list was made.
     */
    String openCasesText(long taskId) {
        TaskRow task = task(taskId);
        List<CampaignRecords.OpenCase> all = records.openCases(task.campaignCode());
        List<CampaignRecords.OpenCase> open = checked(task, all);
        String asOf = "\n（截至" + MINUTE.format(ClockUtil.getCurrentTime().toInstant().atZone(zone)) + "；重新认领本任务即按当时情况重新列出）";
        String others = all.size() == open.size() ? "" : "\n另有 " + (all.size() - open.size())
                + " 件本活动的其他案件（街镇和部门自查、市民反映等，不属于方案整治项目的来源）未结案，不在本次核查之列，可在活动驾驶舱查看。";
        if (open.isEmpty()) {
            return "本活动查出的" + scope(task) + "已全部结案。" + others + asOf;
        }
        String district = records.find(task.campaignCode()).map(CampaignRecords.Campaign::tenantId).orElse(null);
        Map<String, String> places = new java.util.HashMap<>();
        if (district != null) {
            organizations.within(district).forEach(o -> places.put(o.id(), o.name()));
        }
        String tenant = organization(task);
        Map<String, String> unitNames = organization.unitNames(tenant);
        Set<String> items = records.find(task.campaignCode()).flatMap(c -> templates.find(c.tenantId(), c.templateId()))
                .map(t -> t.items().stream().map(CampaignTemplate.Item::category).collect(Collectors.toSet())).orElse(Set.of());
        Map<String, Map<String, List<CampaignRecords.OpenCase>>> grouped = open.stream().collect(Collectors.groupingBy(
                c -> items.contains(c.planItem()) ? catalogue.find(tenant, c.planItem()).map(k -> k.name()).orElse(c.planItem()) : "其他问题",
                TreeMap::new, Collectors.groupingBy(c -> c.heldBy() == null ? "尚未派遣" : unitNames.getOrDefault(c.heldBy(), c.heldBy()),
                        TreeMap::new, Collectors.toList())));
        StringBuilder text = new StringBuilder("本活动查出的" + scope(task) + "中尚有 " + open.size() + " 件未结案（按整治项目和牵头单位）：");
        grouped.forEach((item, units) -> {
            text.append("\n【").append(item).append("】");
            units.forEach((unit, cases) -> {
                text.append("\n  ").append(unit).append("：");
                cases.forEach(c -> text.append("\n    · %s %s（%s）".formatted(c.caseNo(), c.title(), CaseStatus.valueOf(c.status()).label()
                        + (places.containsKey(c.territory()) ? "，属地 " + places.get(c.territory()) : ""))));
            });
        });
        return text.append(others).append(asOf).toString();
    }

    /**
     * The open cases the checkpoint checks: those of the template's 整治项目 found by the sources the item names (松江's
     * 4月上旬 is for the survey report's 点位问题, {@code sources: [SURVEY]}, sjreview D8), as the finish-by rule counts
     * them; every open case when no item names its sources.
     */
    private List<CampaignRecords.OpenCase> checked(TaskRow task, List<CampaignRecords.OpenCase> open) {
        List<CampaignTemplate.Item> items = items(task);
        if (items.stream().allMatch(i -> i.sources().isEmpty())) {
            return open;
        }
        return open.stream().filter(c -> items.stream().anyMatch(i -> i.category().equals(c.planItem())
                && (i.sources().isEmpty() || i.sources().stream().anyMatch(s -> s.name().equals(c.source()))))).toList();
    }

    /** What the checkpoint checks, in its words: 点位问题 where the items are the survey's, else 问题. */
    private String scope(TaskRow task) {
        List<CampaignTemplate.Item> items = items(task);
        return !items.isEmpty() && items.stream().allMatch(i -> i.sources().equals(List.of(CaseSource.SURVEY))) ? "点位问题" : "问题";
    }

    private List<CampaignTemplate.Item> items(TaskRow task) {
        return records.find(task.campaignCode()).flatMap(c -> templates.find(c.tenantId(), c.templateId()))
                .map(CampaignTemplate::items).orElse(List.of());
    }

    void done(long taskId, String result, String user) {
        records.completeTask(taskId, result, user, ClockUtil.getCurrentTime().toInstant());
    }

    /**
     * The office's conclusion at a checkpoint. "全部整改到位" while cases of the campaign are still open needs a written
     * reason for each of them in {@code reasons}, one per line: 案件编号｜理由 (｜ or |); otherwise it is refused, naming them.
     */
    void confirm(long taskId, String allRectified, String reasons, String comment, String user) {
        if (!RECTIFIED_YES.equals(allRectified) && !RECTIFIED_NO.equals(allRectified)) {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_ALL_RECTIFIED, "请选择核查结论");
        }
        if (RECTIFIED_NO.equals(allRectified)) {
            if (comment.isEmpty()) {
                throw new FormFieldValidationException(CampaignTaskProcess.VAR_RESULT, "尚有问题未整改时，请在说明中写明哪些问题、如何督办");
            }
            done(taskId, "核查结论：尚有问题未整改。" + comment, user);
            return;
        }
        List<String> open = checked(task(taskId), records.openCases(task(taskId).campaignCode())).stream()
                .map(CampaignRecords.OpenCase::caseNo).toList();
        Map<String, String> given = new java.util.LinkedHashMap<>(OpenCaseReasons.parse(reasons,
                records.caseNumbers(task(taskId).campaignCode())));
        given.keySet().retainAll(open);
        List<String> missing = open.stream().filter(caseNo -> !given.containsKey(caseNo)).toList();
        if (!missing.isEmpty()) {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_OPEN_CASE_REASONS, ("本活动尚有 %d 件%s未结案，不能确认“全部整改到位”，"
                    + "除非逐件写明理由（每行：案件编号｜理由）。缺少理由的案件：%s").formatted(open.size(),
                    "点位问题".equals(scope(task(taskId))) ? "点位问题" : "案件", String.join("、", missing)));
        }
        String explained = given.isEmpty() ? "" : "未结案件的理由：" + given.entrySet().stream()
                .map(e -> e.getKey() + "：" + e.getValue()).collect(Collectors.joining("；")) + "。";
        done(taskId, "核查结论：全部整改到位。" + explained + comment, user);
    }

    void recordFindings(long taskId, Object findingsValue, String result, String user) {
        recordFindings(taskId, findingsValue, "", result, user);
    }

    /**
     * The findings as cases; {@code defaultCommunity} is the 社区 of each finding that names none. A finding of a
     * plan item's category is dispatched with that item's responsible units, who each cooperate on it (协办).
     */
    void recordFindings(long taskId, Object findingsValue, String defaultCommunity, String result, String user) {
        TextInput.problem("默认社区（村、网格）", defaultCommunity, false).ifPresent(message -> {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_DEFAULT_COMMUNITY, message);
        });
        TaskRow task = task(taskId);
        List<Map<String, Object>> rows = rows(findingsValue);
        if (!TextInput.isBlank(defaultCommunity)) {
            rows.stream().filter(r -> text(r.get("community")).isEmpty())
                    .forEach(r -> r.put("community", defaultCommunity.strip()));
        }
        if (rows.isEmpty() && result.isEmpty()) {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_FINDINGS, "请逐行填写发现的问题；未发现问题的，请在办理情况中说明");
        }
        var template = records.find(task.campaignCode()).flatMap(c -> templates.find(c.tenantId(), c.templateId()));
        boolean siteCheck = template.map(t -> t.findingsNeedSiteCheck(task.findingsSource())).orElse(false);
        List<NewCase> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String at = row(rows.get(i), i);
            try {
                NewCase c = newCase(task, rows.get(i), i, at, siteCheck);
                List<ApiError> refused = cases.problemsOfCampaignWork(caseOrganization(task), c);
                if (refused.isEmpty()) {
                    found.add(c);
                } else {
                    problems.add(at + "：" + refused.stream().map(ApiError::message).collect(Collectors.joining("；")));
                }
            } catch (FormFieldValidationException refused) {
                problems.add(refused.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_FINDINGS, String.join("\n", problems));
        }
        List<String> caseNos = new ArrayList<>();
        boolean townsOwn = ownTerritory(task) != null;
        for (int i = 0; i < found.size(); i++) {
            try {
                String category = found.get(i).category();
                // A town's own findings are dispatched by its own table to its own units: the district plan item's
                // responsible departments are not brought in.
                List<String> responsible = townsOwn ? null : template.flatMap(t -> t.items().stream()
                        .filter(item -> category.equals(item.category()) && !item.responsible().isEmpty()).findFirst())
                        .map(CampaignTemplate.Item::responsible).orElse(null);
                caseNos.add(cases.reportCampaignWork(caseOrganization(task), found.get(i), user,
                        new RectificationCases.Directions(null, responsible, null,
                                new RectificationCases.EnteredBy(task.groupId(), task.name(), task.itemCategory()))).record().caseNo());
            } catch (InvalidRequestException refused) {
                throw new FormFieldValidationException(CampaignTaskProcess.VAR_FINDINGS, "第 " + rows.get(i).getOrDefault("line", i + 1) + " 行："
                        + refused.errors().stream().map(ApiError::message).collect(Collectors.joining("；")));
            }
        }
        String summary = caseNos.isEmpty() ? "未发现问题。" : "发现问题 " + caseNos.size() + " 条，已立案：" + String.join("、", caseNos) + "。";
        done(taskId, summary + result, user);
    }

    /**
     * Where a finding naming no 属地 lies: a town or street doing its district's campaign task (全面自查自纠) inspects
     * its own territory, so there; otherwise the campaign's organisation itself (null).
     */
    private String ownTerritory(TaskRow task) {
        String campaignOrganization = organization(task);
        return organizations.within(campaignOrganization).stream().map(Organization::id)
                .filter(id -> id.equals(task.unitId())).findFirst().orElse(null);
    }

    /**
     * The organisation a finding of the task becomes a case of. A town or street doing its district's campaign task
     * (全面自查自纠) fixes what it finds itself (松江方案 二（三）; 三（二）“各街镇要落实属地责任”): its findings are cases of
     * its own organisation (its case numbers, its own dispatch table and units), still counted for the district's
     * campaign, whose office reads and supervises them as it does the town's other cases. A unit of the campaign's own
     * organisation reports into it (a department's findings are district cases).
     */
    private String caseOrganization(TaskRow task) {
        String own = ownTerritory(task);
        return own != null ? own : organization(task);
    }

    /** Whether {@code written} (an id or a name) names the town or street {@code town}. */
    private boolean namesTown(String town, String written) {
        return town.equals(written) || organizations.find(town).map(Organization::name).filter(written::equals).isPresent();
    }

    /** The organisation the task's campaign runs in. */
    private String organization(TaskRow task) {
        return records.find(task.campaignCode()).map(CampaignRecords.Campaign::tenantId).orElseThrow();
    }

    /** Where a finding was written: its line of the text, or its place in the form's list. */
    private static String row(Map<String, Object> row, int index) {
        return row.containsKey("line") ? "第 " + row.get("line") + " 行" : "第 " + (index + 1) + " 条问题";
    }

    private NewCase newCase(TaskRow task, Map<String, Object> row, int index, String at, boolean siteCheck) {
        String title = text(row.get("title"));
        String category = text(row.get("category"));
        String address = text(row.get("address"));
        if (title.isEmpty()) {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_FINDINGS, at + "：请填写问题描述（第一列）");
        }
        if (category.isEmpty() && task.itemCategory() != null) {
            category = task.itemCategory();
        }
        if (category.isEmpty()) {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_FINDINGS, at + "：请填写问题类别（第三列，如 暴露垃圾）");
        }
        CategoryNames names = catalogue.names(organization(task));
        String named = category;
        category = names.codeOf(named).orElseThrow(() ->
                new FormFieldValidationException(CampaignTaskProcess.VAR_FINDINGS, at + "：" + names.unknown(named)));
        if (address.isEmpty()) {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_FINDINGS, at + "：请填写地点（第二列）");
        }
        if (siteCheck && text(row.get("description")).isEmpty()) {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_FINDINGS,
                    at + "：本活动规定市民反映的问题须到现场核查后再立案，请在第四列写明现场核查情况");
        }
        String own = ownTerritory(task);
        String territory = blankToNull(text(row.get("territory")));
        if (own != null && territory != null && !namesTown(own, territory)) {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_FINDINGS, at + "：本镇（街道）自查的问题只能在本镇（街道），"
                    + "请删去属地“" + territory + "”或改为" + organizations.find(own).map(Organization::name).orElse(own));
        }
        // A town's own case lies in the town itself (no 属地 to name).
        return new NewCase(title, category, null, task.findingsSource(), new NewCase.Location(address, null, null, null,
                        own != null ? null : territory, blankToNull(text(row.get("community")))),
                text(row.get("description")), OwnReferences.campaignFinding(task.campaignCode(), task.id(), index + 1),
                task.campaignCode(), blankToNull(text(row.get("subItem"))));
    }

    private List<Map<String, Object>> rows(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text && !text.strip().startsWith("[")) {
            return FindingLines.parse(text);
        }
        try {
            return value instanceof List<?> list ? json.convertValue(list, ROWS) : json.readValue(value.toString(), ROWS);
        } catch (Exception e) {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_FINDINGS, "发现的问题无法读取，请重新填写");
        }
    }

    TaskRow task(long taskId) {
        return records.task(taskId).orElseThrow(() -> new IllegalStateException("活动任务 " + taskId + " 不存在"));
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static String text(Object value) {
        return Objects.toString(value, "").strip();
    }
}
