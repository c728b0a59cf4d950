package org.shirong.rectification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.ApiError;
import org.springframework.stereotype.Component;

/**
 * Who may give a reported case a source or urgency that weighs in the units' scores ({@code config/scoring.yaml}
 * doubles the deductions of 市民反映 and 市级明查暗访 cases and scores urgent cases apart): 市民反映（12345）, 市级明查暗访
 * and 联合检查、督导检查 only the organisation's office, inspectors (督导检查组) and approvers (组长、副组长: not the
 * whole leading group, whose members include every unit's head), the district's groups that supervise it, and
 * administrators, and the groups its organization.yaml names for the source ({@code reporters:}: 九亭镇's 城管中队 for
 * 市民反映, which the plan charges with 投诉举报; its 执法整治组 for 联合检查); 紧急 the first of them, or anyone whose own
 * unit leads the case (reporting one's own unit's urgent problem aims at no one else). Everyone else reports 日常巡查,
 * 单位自查 or 满意度测评 cases (of those the organisation uses) of 一般 urgency and writes why it is urgent in the
 * description. 会议决定 is no one's to choose ({@link NewCaseValidator#checkReported}).
 */
@Component
class ReportingRights {

    /**
     * The sources only the office, the inspectors, the supervising district and the groups an organisation names for them
     * may choose: those organization.yaml's {@code reporters:} may name ({@link Organization#RESTRICTED_SOURCES}).
     */
    static final Set<CaseSource> RESTRICTED = Organization.RESTRICTED_SOURCES.keySet().stream().map(CaseSource::valueOf)
            .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(CaseSource.class)));
    /** The sources everyone may choose, of those the organisation uses ({@link CategoryCatalogue#sources}). */
    static final List<CaseSource> UNRESTRICTED = Arrays.stream(CaseSource.values())
            .filter(s -> s != CaseSource.MEETING && !RESTRICTED.contains(s)).toList();

    private final Organizations organizations;
    private final DispatchRules dispatchRules;
    private final CategoryCatalogue catalogue;

    ReportingRights(Organizations organizations, DispatchRules dispatchRules, CategoryCatalogue catalogue) {
        this.organizations = organizations;
        this.dispatchRules = dispatchRules;
        this.catalogue = catalogue;
    }

    /** What in {@code c} the caller may not choose when reporting in the organisation, one error per field; empty when none. */
    List<ApiError> refused(String organization, NewCase c, Authentication caller) {
        return of(organization, caller).refused(c);
    }

    /**
     * The caller's rights in the organisation, to check many reports (an import's rows): the lead unit the dispatch table
     * gives a category and source is looked up once.
     */
    Reporter of(String organization, Authentication caller) {
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        Organization o = organizations.of(organization);
        Set<String> supervisors = organizations.overseers(organization, Organization.OversightRight.SUPERVISE);
        boolean free = groups.contains(Groups.CAMUNDA_ADMIN) || groups.stream().anyMatch(g -> g.equals(o.roles().office())
                || g.equals(o.roles().inspectors()) || g.equals(o.roles().approvers()) || supervisors.contains(g));
        Set<CaseSource> granted = EnumSet.noneOf(CaseSource.class);
        RESTRICTED.stream().filter(s -> o.reportersOf(s.name()).stream().anyMatch(groups::contains)).forEach(granted::add);
        return new Reporter(organization, o, groups, free, granted, who(organization), new HashMap<>());
    }

    /**
     * The sources the caller may give a problem he reports in the organisation: those it uses ({@code sources:} of its
     * categories.yaml) that he may choose, for the 上报问题 page's picker and whether Tasklist and the pages offer it; the
     * report is checked the same way. 会议决定 is no one's to choose.
     */
    List<CaseSource> reportableSources(String organization, Authentication caller) {
        Reporter reporter = of(organization, caller);
        CaseSources used = catalogue.sources(organization);
        return Arrays.stream(CaseSource.values()).filter(s -> s != CaseSource.MEETING).filter(used::offers)
                .filter(s -> reporter.refused(new NewCase(null, null, Urgency.NORMAL.name(), s.name(), null, null, null)).isEmpty())
                .toList();
    }

    /**
     * Who may choose the restricted sources and 紧急 in the organisation, as a message names them: 锦溪镇的推进小组办公室、
     * 推进小组组长、副组长, and the district's groups that supervise it.
     */
    String who(String organization) {
        return who(organization, List.of());
    }

    /**
     * Who may choose a restricted source in the organisation: {@link #who(String)} and the groups its {@code reporters:}
     * names for it (九亭镇的创建工作办公室、督导检查组、领导小组组长、副组长、城管中队).
     */
    String who(String organization, CaseSource source) {
        return who(organization, organizations.of(organization).reportersOf(source.name()));
    }

    private String who(String organization, List<String> more) {
        Organization o = organizations.of(organization);
        Set<String> supervisors = organizations.overseers(organization, Organization.OversightRight.SUPERVISE);
        List<String> groups = new ArrayList<>(List.of(o.roles().office(), o.roles().inspectors(), o.roles().approvers()));
        groups.addAll(more);
        return o.name() + "的" + o.namesOf(groups.toArray(String[]::new))
                + (supervisors.isEmpty() ? "" : "和" + String.join("、", supervisors.stream().map(this::groupName).toList()));
    }

    /** One caller reporting in one organisation; {@code leads}: the lead unit by category and source, as looked up. */
    final class Reporter {

        private final String organization;
        private final Organization o;
        private final List<String> groups;
        private final boolean free;
        private final Set<CaseSource> granted;
        private final String who;
        private final Map<String, Optional<String>> leads;

        private Reporter(String organization, Organization o, List<String> groups, boolean free, Set<CaseSource> granted,
                String who, Map<String, Optional<String>> leads) {
            this.organization = organization;
            this.o = o;
            this.groups = groups;
            this.free = free;
            this.granted = granted;
            this.who = who;
            this.leads = leads;
        }

        /** What in {@code c} the caller may not choose, one error per field; empty when none. */
        List<ApiError> refused(NewCase c) {
            if (free) {
                return List.of();
            }
            List<ApiError> errors = new ArrayList<>();
            CaseSource.of(c.source()).filter(RESTRICTED::contains).filter(s -> !granted.contains(s)).ifPresent(s -> errors.add(
                    ApiError.field("source", "SOURCE_NOT_PERMITTED", "案件来源“" + catalogue.sources(organization).label(s) + "”只有"
                            + who(organization, s) + "可以选择；请选择" + catalogue.sources(organization).labelsOr(allowed())
                            + "，问题的由来和紧急情况请在描述中写明")));
            if (Urgency.URGENT.name().equals(c.urgency())) {
                String lead = leads.computeIfAbsent(c.category() + "|" + c.source(),
                        key -> Optional.ofNullable(leadUnit(organization, c))).orElse(null);
                if (lead == null || !groups.contains(lead)) {
                    errors.add(ApiError.field("urgency", "URGENCY_NOT_PERMITTED", "紧急程度“紧急”只有" + who
                            + "可以选择，或由本单位牵头的问题" + (lead == null ? "" : "（本问题由" + o.groupName(lead) + "牵头）")
                            + "；请选择一般，并在描述中写明为何紧急，由办公室判断"));
                }
            }
            return errors;
        }

        /** The sources the caller may choose besides the restricted ones not granted: everyone's, then those granted. */
        private List<CaseSource> allowed() {
            List<CaseSource> allowed = new ArrayList<>(UNRESTRICTED);
            allowed.addAll(granted);
            return allowed;
        }
    }

    /** The unit the dispatch table makes lead the case as reported; null when its category or source is not known. */
    private String leadUnit(String organization, NewCase c) {
        var source = CaseSource.of(c.source());
        if (c.category() == null || catalogue.find(organization, c.category()).isEmpty() || source.isEmpty()) {
            return null;
        }
        try {
            return dispatchRules.evaluate(organization, c.category(), Urgency.URGENT, source.get()).leadUnit();
        } catch (RuntimeException noDecision) {
            return null; // no rule for it: the office takes the case, which is not the reporter's own unit
        }
    }

    private String groupName(String group) {
        return organizations.ofGroup(group).map(o -> o.groupName(group)).orElse(group);
    }
}
