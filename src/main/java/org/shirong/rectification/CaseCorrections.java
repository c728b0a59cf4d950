package org.shirong.rectification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.notification.ProcessNotices;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.ApiError;
import org.shirong.system.ConflictException;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.SystemAccess;
import org.shirong.system.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 更正 of a case not yet closed, by its organisation's office: a mistyped title, address or description, or the wrong
 * category. A category goes only where the dispatch table sends it to the unit that leads the case now: another lead
 * unit is a re-dispatch (回退 and 改派) or a new report, not a correction. The deadlines, the 协办 and the dispatch stay as
 * they are; the plan item of a campaign's case follows the category. A district's case may be given another of the
 * district's towns as its 属地 (sjreview-s54 D6: the town answered 非本镇属地): the 协办 moves with it
 * ({@link CaseCooperation#territoryMoved}); or the office keeps the 属地 the town disputed (属地无误), and the town is asked
 * again ({@link CaseCooperation#territoryConfirmed}). The 村/社区 may be set, changed or cleared (jxreview-s58 J5): where the
 * organisation has villages or communities only to one of them, and the new one is told of the case (【辖区问题】), the
 * former one that it no longer lies in its area ({@link CommunityUpdates#movedAway}). The timeline records what was and is and why; the case's instances
 * and their open tasks show the corrected title and address at once. The case is locked for the check and the write: a
 * case ended meanwhile, or a 属地 dispute settled meanwhile, is 409, with nothing saved.
 */
@Service
class CaseCorrections {

    static final int MAX_TITLE = 200;
    static final int MAX_ADDRESS = 500;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_REASON = 2000;

    /**
     * What the office corrects: any of title, address, description, category (code or name) and 属地 (a town of the
     * district, by id, name or short name), or {@code territoryConfirmed} (the 属地 the town disputed is right), with why.
     */
    record Correction(String title, String address, String description, String category, String territory,
            Boolean territoryConfirmed, String community, String reason) {
    }

    /** The case as corrected; {@code askedToCooperate}: the town's office given a 记录协办情况 by it (new 属地, or asked again). */
    record Corrected(String caseNo, String title, String address, String description, String category, String categoryName,
            String territory, String territoryName, String community, String askedToCooperate, String by, String detail) {
    }

    private final RectificationCases cases;
    private final TerritoryChecks territoryChecks;
    private final CaseRecords records;
    private final ReadableCases readable;
    private final CaseOffice office;
    private final CategoryCatalogue catalogue;
    private final DispatchRules dispatchRules;
    private final CaseParties parties;
    private final Organizations organizations;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final SystemAccess systemAccess;
    private final TerritoryDirectory territories;
    private final CaseCooperation cooperation;
    private final CooperatorsLine cooperatorsLine;
    private final ProcessNotices notices;
    private final CommunityUpdates communityUpdates;

    CaseCorrections(RectificationCases cases, CaseRecords records, ReadableCases readable, CaseOffice office,
            CategoryCatalogue catalogue, DispatchRules dispatchRules, CaseParties parties, Organizations organizations,
            RuntimeService runtimeService, TaskService taskService, SystemAccess systemAccess, TerritoryDirectory territories,
            CaseCooperation cooperation, TerritoryChecks territoryChecks, CooperatorsLine cooperatorsLine, ProcessNotices notices,
            CommunityUpdates communityUpdates) {
        this.notices = notices;
        this.communityUpdates = communityUpdates;
        this.cooperatorsLine = cooperatorsLine;
        this.territoryChecks = territoryChecks;
        this.territories = territories;
        this.cooperation = cooperation;
        this.cases = cases;
        this.records = records;
        this.readable = readable;
        this.office = office;
        this.catalogue = catalogue;
        this.dispatchRules = dispatchRules;
        this.parties = parties;
        this.organizations = organizations;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.systemAccess = systemAccess;
    }

    @Transactional
    public Corrected correct(String caseNo, Correction given, Authentication caller) {
        CaseRecord read = readable.get(caseNo, caller);
        office.notOffice(caller, read, "更正案件信息").ifPresent(refusal -> {
            throw refusal;
        });
        String tenant = read.tenantId();
        List<ApiError> errors = new ArrayList<>();
        String title = text(errors, "title", "问题标题", given.title(), MAX_TITLE, false);
        String address = text(errors, "address", "问题地点", given.address(), MAX_ADDRESS, false);
        String description = given.description() == null ? null : given.description().strip();
        if (description != null) {
            TextInput.problem("问题描述", description, true).ifPresent(p -> errors.add(ApiError.field("description", "INVALID_TEXT", p)));
            if (description.length() > MAX_DESCRIPTION) {
                errors.add(ApiError.field("description", "TOO_LONG", "问题描述不能超过 " + MAX_DESCRIPTION + " 个字"));
            }
        }
        String category = null;
        if (given.category() != null) {
            category = catalogue.find(tenant, given.category().strip()).filter(Category::applicable).map(Category::code)
                    .or(() -> catalogue.names(tenant).codeOf(given.category())).orElse(null);
            if (category == null) {
                errors.add(ApiError.field("category", "UNKNOWN_CATEGORY", "未知的问题类别："
                        + catalogue.names(tenant).unknown(given.category()).replaceFirst("^没有问题类别", "")));
            }
        }
        String territory = territory(errors, tenant, given.territory());
        String community = community(errors, tenant, territory != null ? territory : read.territory(), given.community());
        boolean confirmed = Boolean.TRUE.equals(given.territoryConfirmed());
        if (confirmed && given.territory() != null) {
            errors.add(ApiError.field("territoryConfirmed", "CONFLICTING_FIELDS",
                    "确认属地无误（territoryConfirmed）时不能同时更正属地（territory）：二者只能选一"));
        }
        if (title == null && address == null && description == null && given.category() == null && given.territory() == null
                && given.community() == null && !confirmed && errors.isEmpty()) {
            errors.add(ApiError.field("title", "NOTHING_TO_CORRECT", nothingToCorrect(read)));
        }
        if (TextInput.isBlank(given.reason())) {
            errors.add(ApiError.field("reason", "REQUIRED", "请填写更正说明"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String why = ReasonField.checked("更正说明", given.reason(), MAX_REASON);
        CaseRecord c = records.lock(caseNo);
        notCorrectable(c).ifPresent(refusal -> {
            throw refusal;
        });
        String newCategory = category == null ? c.category() : category;
        if (!newCategory.equals(c.category())) {
            sameLeadUnit(c, newCategory);
        }
        String newTitle = title == null ? c.title() : title;
        String newAddress = address == null ? c.address() : address;
        String newDescription = description == null ? c.description() : description;
        List<String> changes = new ArrayList<>();
        change(changes, "标题", c.title(), newTitle);
        change(changes, "地点", c.address(), newAddress);
        change(changes, "描述", Objects.toString(c.description(), ""), Objects.toString(newDescription, ""));
        change(changes, "问题类别", categoryName(c.tenantId(), c.category()), categoryName(c.tenantId(), newCategory));
        String newTerritory = territory == null ? c.territory() : territory;
        change(changes, "属地", c.territory() == null ? "" : territories.name(c.territory()),
                newTerritory == null ? "" : territories.name(newTerritory));
        // "" clears it: the problem lies in no 村/社区; moved to another town without one given, the old town's 村/社区 goes
        // with it, so that a same-named 居委会 of the new town does not read the case (diffreview-s61 M3)
        boolean movedTown = !Objects.equals(newTerritory, c.territory());
        String newCommunity = community == null ? (movedTown ? null : c.community()) : community.isEmpty() ? null : community;
        change(changes, "村/社区", Objects.toString(c.community(), ""), Objects.toString(newCommunity, ""));
        if (confirmed) {
            changes.add("属地无误：仍为" + territories.name(c.territory()) + "，请其重新记录协办情况");
        }
        if (changes.isEmpty()) {
            throw new InvalidRequestException(ApiError.field(given.territory() != null ? "territory"
                    : given.community() != null ? "community" : "title", "UNCHANGED",
                    "填写的内容与案件现有信息相同，没有需要更正的内容"));
        }
        String detail = String.join("；", changes) + "。更正说明：" + why;
        String actor = caller.getUserId();
        cases.corrected(c, newTitle, newAddress, newDescription, newCategory, newTerritory, newCommunity, actor, detail);
        CaseRecord corrected = cases.get(caseNo);
        String asked = null;
        if (!Objects.equals(newTerritory, c.territory())) {
            asked = cooperation.territoryMoved(corrected, c.territory(), why).orElse(null);
        } else if (confirmed) {
            asked = cooperation.territoryConfirmed(corrected);
        }
        boolean partiesChanged = !Objects.equals(newTerritory, c.territory()) || confirmed;
        if (partiesChanged) {
            territoryChecks.settled(caseNo);
        }
        showOnInstances(c, corrected, newTitle, newAddress, newDescription, partiesChanged);
        if (!Objects.equals(newCommunity, c.community())) {
            communityOnInstance(c.processInstanceId(), newCommunity);
            if (newCommunity != null) {
                tellCommunity(corrected);
            }
            if (c.community() != null) {
                communityUpdates.movedAway(corrected, c.community(), newCommunity, why, cases.shownAddress(corrected, newAddress),
                        String.valueOf(RectificationCases.now().toEpochMilli()));
            }
        }
        return new Corrected(caseNo, newTitle, newAddress, newDescription, newCategory, categoryName(c.tenantId(), newCategory),
                newTerritory, newTerritory == null ? null : territories.name(newTerritory), newCommunity, asked, actor, detail);
    }

    /**
     * What to change, by the labels the 更正 form shows for the case (jxreview-s60 J7: the message named English variable
     * names, and 属地 and 属地无误 to 锦溪, whose form has neither): 属地 only in a district with towns, 村/社区 only where the
     * organisation has villages or communities, 属地无误 only while the 属地 town disputes the case.
     */
    private String nothingToCorrect(CaseRecord c) {
        List<String> fields = new ArrayList<>(List.of("问题标题", "地点", "描述", "问题类别"));
        if (territories.hasTowns(c.tenantId())) {
            fields.add("属地");
        }
        if (!territories.communities(c.tenantId(), c.territory()).isEmpty()) {
            fields.add("村/社区");
        }
        String last = fields.remove(fields.size() - 1);
        return "请改动至少一栏：" + String.join("、", fields) + "或" + last
                + (territoryDisputed(c) ? "，或确认属地无误" : "");
    }

    private boolean territoryDisputed(CaseRecord c) {
        return parties.of(c.caseNo()).stream().anyMatch(p -> p.reason() == CaseParties.Reason.TERRITORY && p.done()
                && p.outcome() == CaseParties.Outcome.NOT_TERRITORY && !p.formerTerritory(c.territory()));
    }

    /**
     * The 村/社区 given: null when not given, "" to clear it; where the organisation has villages or communities (a district's
     * case in a town: where the town has 村、社区、居委会) one of them (by name or group id) as its name, elsewhere the text;
     * refused naming the field otherwise.
     */
    private String community(List<ApiError> errors, String tenant, String territory, String given) {
        if (given == null || TextInput.isBlank(given)) {
            return given == null ? null : "";
        }
        List<String> known = territories.communities(tenant, territory);
        Optional<String> problem = TextInput.problem("村/社区", given, false);
        if (problem.isPresent() || given.strip().length() > 100) {
            errors.add(ApiError.field("community", problem.isPresent() ? "INVALID_TEXT" : "TOO_LONG",
                    problem.orElse("村/社区不能超过 100 个字")));
            return null;
        }
        if (known.isEmpty()) {
            return given.strip();
        }
        String where = territory == null || territory.equals(tenant) ? tenant : territory;
        String kinds = where.equals(tenant) ? "村或社区" : "村、社区或居委会";
        return territories.community(tenant, territory, given).orElseGet(() -> {
            errors.add(ApiError.field("community", "UNKNOWN_COMMUNITY", "村/社区须为" + territories.name(where) + "的" + kinds + "（可选："
                    + String.join("、", known) + "），没有“" + TextInput.shortened(given.strip(), 40) + "”；不在某个"
                    + kinds.replace("或", "、") + "的请留空"));
            return null;
        });
    }

    /** The 村/社区 the case's forms show ({@link RectificationProcess#VAR_CASE_COMMUNITY}), kept only while it has one. */
    private void communityOnInstance(String instance, String community) {
        systemAccess.run(() -> {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
                if (community == null) {
                    runtimeService.removeVariable(instance, RectificationProcess.VAR_CASE_COMMUNITY);
                } else {
                    runtimeService.setVariable(instance, RectificationProcess.VAR_CASE_COMMUNITY, community);
                }
            }
            return null;
        });
    }

    /**
     * 【辖区问题】 to the 村/社区 the case now names (jxreview-s58 J5), as at its dispatch: once per case and 村/社区, not when it
     * leads or cooperates on the case.
     */
    private void tellCommunity(CaseRecord c) {
        var organization = organizations.of(c.tenantId());
        organization.community(c.community()).map(Organization.GroupDefinition::id)
                .filter(group -> !group.equals(c.leadUnit()) && parties.of(c.caseNo()).stream().noneMatch(p -> p.unitId().equals(group))
                        && (c.responsibleUnits() == null || !java.util.Arrays.asList(c.responsibleUnits().split(",")).contains(group)))
                .ifPresent(group -> {
                    Map<String, Object> values = new HashMap<>();
                    values.put("caseNo", c.caseNo());
                    values.put("title", c.title());
                    values.put("address", cases.shownAddress(c, c.address()));
                    values.put("communityName", organization.groupName(group));
                    values.put("leadUnitName", c.leadUnit() == null ? "" : organization.groupName(c.leadUnit()));
                    notices.sendToGroup(c.caseNo(), RectificationProcess.TEMPLATE_CASE_IN_COMMUNITY, "1", values,
                            CasePageController.pageUrl(c.caseNo()), group, c.tenantId());
                });
    }

    /**
     * The 属地 given (stripped), as the town's id, null when not given; refused naming the field when blank, or not a town or
     * street of the case's organisation (a district): a town's case lies in the town, a district's own place has no 协办.
     */
    private String territory(List<ApiError> errors, String tenant, String given) {
        if (given == null) {
            return null;
        }
        if (TextInput.isBlank(given)) {
            errors.add(ApiError.field("territory", "REQUIRED", "属地不能为空；不更正时请不要填写 territory"));
            return null;
        }
        if (!territories.hasTowns(tenant)) {
            errors.add(ApiError.field("territory", "NO_TOWNS", "本组织没有下属街镇，案件的属地不能更正"));
            return null;
        }
        Optional<String> town = territories.resolve(tenant, given).filter(id -> !id.equals(tenant));
        if (town.isEmpty()) {
            errors.add(ApiError.field("territory", "UNKNOWN_TERRITORY", "属地须为" + territories.name(tenant) + "的街镇，“"
                    + TextInput.shortened(given.strip(), 20) + "”不是"));
            return null;
        }
        return town.get();
    }

    /** Whether the caller may correct the case (which it reads) now, as {@link #correct} would accept it. */
    boolean mayCorrect(CaseRecord c, Authentication caller) {
        return office.notOffice(caller, c, "更正案件信息").isEmpty() && notCorrectable(c).isEmpty();
    }

    private static Optional<ConflictException> notCorrectable(CaseRecord c) {
        if (c.status().ended()) {
            return Optional.of(new ConflictException("CASE_" + c.status().name(), "案件 " + c.caseNo() + " 已" + c.status().label()
                    .replaceFirst("^已", "") + "，不能更正"));
        }
        if (c.processInstanceId() == null) {
            return Optional.of(new ConflictException("CASE_NOT_IN_HANDLING", "案件 " + c.caseNo() + " 没有在办的整改流程，不能更正"));
        }
        return Optional.empty();
    }

    /** A category the dispatch table gives another lead unit than the case's: a re-dispatch, not a correction (409). */
    private void sameLeadUnit(CaseRecord c, String category) {
        String lead = dispatchRules.evaluate(c.tenantId(), category, c.urgency(), c.source()).leadUnit();
        if (!Objects.equals(lead, c.leadUnit())) {
            var o = organizations.of(c.tenantId());
            throw new ConflictException("CATEGORY_CHANGES_LEAD_UNIT", "按派遣规则，“" + categoryName(c.tenantId(), category)
                    + "”由" + o.groupName(lead) + "牵头办理，本案现由" + o.groupName(c.leadUnit()) + "牵头：更改牵头单位请由牵头单位回退、"
                    + "办公室重新派遣，或将本案作废后按正确类别重新上报");
        }
    }

    /**
     * The case's instance and its open 协办 hold the title, address and description their tasks and notices show; with
     * {@code partiesChanged} (another 属地, or the town asked again) the open 整改问题 names whom the lead unit works with now.
     */
    private void showOnInstances(CaseRecord c, CaseRecord corrected, String title, String address, String description,
            boolean partiesChanged) {
        String shownBefore = cases.shownAddress(c, c.address());
        String shown = cases.shownAddress(corrected, address);
        List<String> instances = new ArrayList<>();
        instances.add(c.processInstanceId());
        parties.of(c.caseNo()).stream().filter(p -> p.endedAt() == null).map(CaseParties.Party::processInstanceId)
                .filter(Objects::nonNull).forEach(instances::add);
        systemAccess.run(() -> {
            for (String instance : instances) {
                if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
                    continue;
                }
                Map<String, Object> variables = new HashMap<>();
                variables.put(RectificationProcess.VAR_TITLE, title);
                variables.put(RectificationProcess.VAR_ADDRESS, instance.equals(c.processInstanceId()) ? shown : address);
                variables.put(RectificationProcess.VAR_DESCRIPTION, description == null ? "" : description);
                runtimeService.setVariables(instance, variables);
                taskService.createTaskQuery().processInstanceId(instance).list().forEach(task -> {
                    String name = task.getName() == null ? "" : task.getName();
                    int cut = name.indexOf(" · " + c.caseNo());
                    task.setName(CaseTaskListener.name(cut < 0 ? name : name.substring(0, cut), c.caseNo(), title,
                            instance.equals(c.processInstanceId()) ? shown : address));
                    if (task.getDescription() != null) {
                        task.setDescription(task.getDescription().replace(c.title(), title).replace(shownBefore, shown)
                                .replace(c.address(), address));
                    }
                    if (partiesChanged && RectificationProcess.TASK_RECTIFY.equals(task.getTaskDefinitionKey())) {
                        // diffreview-s57 R2: not the town the case no longer lies in
                        task.setDescription(TextInput.shortened(CooperatorsLine.replaced(task.getDescription(),
                                cooperatorsLine.of(c.caseNo(), task.getTenantId())), 4000));
                    }
                    taskService.saveTask(task);
                });
            }
            return null;
        });
    }

    private String categoryName(String tenant, String code) {
        return catalogue.find(tenant, code).map(Category::name).orElse(code);
    }

    private static void change(List<String> changes, String label, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(label + "：“" + TextInput.shortened(before, 60) + "”改为“" + TextInput.shortened(after, 60) + "”");
        }
    }

    /** A one-line field given (stripped), null when not given; refused when blank, too long or with control characters. */
    private static String text(List<ApiError> errors, String field, String label, String given, int max, boolean multiLine) {
        if (given == null) {
            return null;
        }
        if (TextInput.isBlank(given)) {
            errors.add(ApiError.field(field, "REQUIRED", label + "不能为空；不更正时请不要填写 " + field));
            return null;
        }
        Optional<String> problem = TextInput.problem(label, given, multiLine);
        if (problem.isPresent()) {
            errors.add(ApiError.field(field, "INVALID_TEXT", problem.get()));
            return null;
        }
        String text = given.strip();
        if (text.length() > max) {
            errors.add(ApiError.field(field, "TOO_LONG", label + "不能超过 " + max + " 个字"));
            return null;
        }
        return text;
    }
}
