package org.shirong.campaign;

import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.shirong.organization.Organizations;
import org.shirong.system.TaskNames;
import org.springframework.stereotype.Component;

/**
 * Create (and, for the checkpoint and the findings, assignment) listener of the user tasks of {@code CampaignTaskProcess}:
 * names the task after the campaign task and its campaign's code (签订目标责任书（城管中队） · JT-2026-DB: a task of an
 * earlier campaign may still be open beside it) and gives the form what it shows: the
 * categories a finding may name (and, for an inspection that scores, the score-sheet items), or the campaign's open cases as
 * they are when the office claims the checkpoint (before that, a line saying so: a list made at issue goes stale). A findings
 * task claimed without its form's help (created before the help existed) gets it then. A unit's 报送 shows its figures of
 * the period ({@link ReportFigures}), made at issue and again when it is claimed.
 */
@Component
class CampaignTaskListener implements TaskListener {

    private final CampaignTaskResults results;
    private final InspectionScores inspectionScores;
    private final TaskNames taskNames;
    private final Organizations organizations;
    private final ReportFigures reportFigures;

    CampaignTaskListener(CampaignTaskResults results, InspectionScores inspectionScores, TaskNames taskNames,
            Organizations organizations, ReportFigures reportFigures) {
        this.reportFigures = reportFigures;
        this.results = results;
        this.inspectionScores = inspectionScores;
        this.taskNames = taskNames;
        this.organizations = organizations;
    }

    /** The form's help on the 属地 column, shown for a district's campaign only (a town's has no 属地 to name, jxreview-s55 J3). */
    static final String VAR_TERRITORY_HELP = "territoryHelp";
    static final String TERRITORY_HELP = "属地一栏写问题所在的镇或街道，可写简称如 九亭；不填时按地点开头的镇、街道名称认定，"
            + "测评点位问题两者必有其一。";
    /**
     * Added where neither the organisation nor any of its towns has 村/社区 (groups of type VILLAGE or COMMUNITY, as 锦溪镇's;
     * a town's 居委会 too): its 社区 column is a note, which neither is checked nor lets anyone read the case.
     */
    static final String COMMUNITY_NOTE = "社区一栏只作记录：本组织没有设村、社区，填写的社区（居委会、网格）不会因此查看案件或收到通知。";

    /**
     * A district whose towns have 村、社区、居委会 (九亭镇 第一居委会): a finding in such a town names one of them or none, and
     * that one reads the case (szreview-s60 S4); in the other towns the column is a note.
     */
    private String communityHelp(String district) {
        String named = organizations.within(district).stream().filter(town -> !town.neighbourhoods().isEmpty())
                .map(town -> town.name() + "的问题须填其村、社区或居委会（" + town.neighbourhoods().stream().map(g -> g.name())
                        .collect(Collectors.joining("、")) + "）或留空")
                .collect(Collectors.joining("；"));
        return named.isEmpty() ? COMMUNITY_NOTE : "社区一栏：" + named + "，所填的村、社区或居委会可查看该案件；"
                + "其他镇、街道没有设村、社区，社区一栏只作记录。";
    }

    /**
     * The findings form's help: the 属地 column's (a district's campaign only) and, for an inspection that scores, the
     * score-sheet items and an example line. {@code missingOnly}: only what the task does not have yet (at a claim: a task
     * created by an earlier version, migrated to this one, has none of them).
     */
    private void addFindingsHelp(DelegateTask task, boolean missingOnly) {
        if (!missingOnly || task.getVariable(VAR_TERRITORY_HELP) == null) {
            boolean district = task.getTenantId() != null && !organizations.within(task.getTenantId()).isEmpty();
            task.setVariable(VAR_TERRITORY_HELP, !district ? "" : organizations.of(task.getTenantId()).communities().isEmpty()
                    ? TERRITORY_HELP + communityHelp(task.getTenantId()) : TERRITORY_HELP);
        }
        if (task.getVariable(CampaignTaskProcess.VAR_SCORE_PERIOD) != null) {
            String code = (String) task.getVariable(CampaignTaskProcess.VAR_CAMPAIGN_CODE);
            if (!missingOnly || task.getVariable(InspectionScores.VAR_ITEM_LIST) == null) {
                task.setVariable(InspectionScores.VAR_ITEM_LIST, inspectionScores.itemList(code));
            }
            if (!missingOnly || task.getVariable(InspectionScores.VAR_SCORE_EXAMPLE) == null) {
                task.setVariable(InspectionScores.VAR_SCORE_EXAMPLE, Objects.toString(inspectionScores.example(code), ""));
            }
        }
    }

    @Override
    public void notify(DelegateTask task) {
        long taskId = ((Number) task.getVariable(CampaignTaskProcess.VAR_TASK_ID)).longValue();
        String kind = Objects.toString(task.getVariable(CampaignTaskProcess.VAR_TASK_KIND), CampaignTaskProcess.Kind.TASK.name());
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (CampaignTaskProcess.Kind.FINDINGS.name().equals(kind)) {
                // a task whose form's help came later than the task (or was lost) gets it when it is claimed (finalreview-s55 F7)
                addFindingsHelp(task, true);
                return;
            }
            if (CampaignTaskProcess.Kind.TASK.name().equals(kind)) {
                // a 报送's figures as they are when the unit takes it up (sjreview-s57 D19)
                if (task.getAssignee() != null) {
                    reportFigures.of(taskId).ifPresent(text -> task.setVariable(ReportFigures.VAR_REPORT_FIGURES, text));
                }
                return;
            }
            // The office claims the checkpoint when it checks: show the cases as they are now (given back: say so again).
            task.setVariable(CampaignTaskProcess.VAR_OPEN_CASES, task.getAssignee() == null ? CampaignTaskResults.OPEN_CASES_ON_CLAIM
                    : results.openCasesText(taskId));
            return;
        }
        Object coGroups = task.getVariable(CampaignTaskProcess.VAR_CO_GROUPS);
        if (coGroups != null && !coGroups.toString().isBlank()) {
            // 会同: the template's with-groups may claim and do the task as well (锦溪's 纪委监察 in 季检查 and 年考核)
            java.util.Arrays.stream(coGroups.toString().split(",")).map(String::strip).filter(g -> !g.isEmpty())
                    .forEach(task::addCandidateGroup);
        }
        task.setName(Objects.toString(task.getVariable(CampaignTaskProcess.VAR_TASK_NAME), task.getName()));
        taskNames.after(task, CampaignTaskProcess.VAR_CAMPAIGN_CODE);
        task.setDescription(Objects.toString(task.getVariable(CampaignTaskProcess.VAR_REQUIREMENT), ""));
        if (CampaignTaskProcess.Kind.TASK.name().equals(kind)) {
            reportFigures.of(taskId).ifPresent(text -> task.setVariable(ReportFigures.VAR_REPORT_FIGURES, text));
        } else if (CampaignTaskProcess.Kind.FINDINGS.name().equals(kind)) {
            task.setVariable(CampaignTaskProcess.VAR_CATEGORY_LIST, results.categoryList(taskId));
            addFindingsHelp(task, false);
        } else if (CampaignTaskProcess.Kind.CHECKPOINT.name().equals(kind)) {
            // Issued with its phase, before the cases it checks are found: a list made now would go stale (an all-clear
            // read weeks later while cases are open), so it is made when the office claims the task.
            task.setVariable(CampaignTaskProcess.VAR_OPEN_CASES, task.getAssignee() == null ? CampaignTaskResults.OPEN_CASES_ON_CLAIM
                    : results.openCasesText(taskId));
        }
    }
}
