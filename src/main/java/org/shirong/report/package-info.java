/**
 * Campaign documents (文书): renders the agenda (会议议程), minutes (会议纪要), 通报 and monthly work
 * report (月度工作报告) from the print-ready templates {@code templates/documents/*.ftlh} with a
 * campaign's real figures (phase progress from {@code campaign_phase}/{@code campaign_task}, the campaign's own
 * cases per unit through {@code RectificationCases}, progress per plan item through {@link PlanItemProgress}, which
 * the campaign capability implements, the ranking and named units from the scoring facade), stores them in
 * {@code campaign_document} once per document key, and serves them at {@code GET /api/documents/{id}}
 * and {@code GET /api/campaigns/{code}/documents}. Reads campaign and organisation tables; writes
 * only {@code campaign_document}.
 */
package org.shirong.report;
