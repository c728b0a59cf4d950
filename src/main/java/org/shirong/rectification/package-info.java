/**
 * Rectification cases (整改案件): the catalogue of problem categories an inspector files a case
 * under ({@code config/categories.yaml}) and the {@code CaseDispatch} decision
 * ({@code config/organizations/<组织>/CaseDispatch.dmn}) that names the lead unit, the responsible units and the
 * time limit of a case. A case may belong to a campaign ({@code rect_case.campaign_code}, with its plan item and
 * 小项); what rectification needs to know of that campaign it asks through its own port {@link
 * org.shirong.rectification.CampaignPlans}, so that it does not depend on the campaign package, and its due date is
 * the earliest of the table's limit, the plan's dates and a meeting decision's 期限 ({@code DueBounds}). The case
 * ledger (案件台账, {@code GET /api/cases/export.xlsx}) is the case list as Excel, with the list's filters and visibility.
 * A report names the open cases it may duplicate ({@code CaseDuplicates}); the office merges a duplicate into another
 * case ({@code CaseMerges}: status MERGED, {@code rect_case.merged_into}), which scores and reports then leave out.
 * The office reopens a closed case within a window ({@code CaseReopens}): a new process instance takes it back to its
 * lead unit ({@code rect_case.reopen_count}, a REOPENED step, which scoring charges to that unit).
 * An import is recorded ({@code rect_case_import}, {@code rect_case_import_row}) and its cases created a chunk per
 * transaction ({@code CaseImportBatches}); the case processes keep less engine history ({@code CaseHistoryPlugin}).
 * A lead unit's appeal of a case's deduction (考核申诉) and the office's decision are kept in {@code rect_case_appeal}
 * ({@code CaseAppeals}, {@code CaseAppealProcess}); whether the scores that count it are saved it asks through its port
 * {@link org.shirong.rectification.ScoredPeriods}, which scoring implements.
 */
package org.shirong.rectification;
