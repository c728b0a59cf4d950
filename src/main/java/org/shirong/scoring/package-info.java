/**
 * Scoring (单位考核): each unit's indicators for a month, quarter or year from its rectification
 * cases (结案率, 按期结案率, 按时处置率, 返工率, 超期数, 回退数), the points of the rubric in
 * {@code config/scoring.yaml}, the ranking with grades, and the units named in the 通报. Owns the
 * {@code score_*} tables, the inspection score sheets and inspection scores entered per period,
 * {@code CalculateScoresDelegate}, {@code GET /api/scores} and its Excel table ({@code /api/scores/export.xlsx}); a campaign's scores count only its cases
 * (those whose {@code rect_case.campaign_code} it is, {@link org.shirong.scoring.CampaignOrganizations}). Reads cases from the
 * {@code rect_case*} tables (a deduction whose appeal, {@code rect_case_appeal}, was approved does not count) and units
 * from the organisation, never writes them; it tells rectification's appeals which periods are saved
 * ({@link org.shirong.scoring.SavedScorePeriods}). The responsibility zones' rates (履责率,
 * 送达率, 上墙率) come in through {@link org.shirong.scoring.ZoneFacts}, which the zone capability implements, as the
 * rubric's {@code zone-rules}. What a campaign's 通报 names besides its ranking (逾期任务, 会议决定) comes in through
 * {@link org.shirong.scoring.NoticeOthers}, which the report capability implements, for the Excel's 通报 column.
 */
package org.shirong.scoring;
