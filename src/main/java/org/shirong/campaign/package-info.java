/**
 * Campaigns and the work they hand out: the 工作交办 process ({@code WorkAssignmentProcess}) by which
 * the office gives a unit a task with a deadline and reviews the result (a district's work for one of its towns is called
 * into the town's own organisation and done by its office there; the photos and files handed in with it are this package's
 * {@code work_assignment_attachment}), and the campaign templates
 * (活动模板) of {@code config/campaigns/} that a campaign is started from: three phases with the
 * plan's dates and lengths, the participating units, the plan items with their lead and responsible
 * units, the tasks of each phase and the recurring meetings, reports, inspections and assessments
 * ({@link org.shirong.campaign.CampaignTemplates}, checked at start-up against the organisation and the
 * category catalogue). {@code CampaignSchedule} turns a start request ({@code template}, {@code code},
 * {@code name}, optional dates) into the concrete phase windows the campaign process runs on. A campaign's cases are
 * rectification's (read through {@code RectificationCases.casesOfCampaign}, counted through {@code CampaignCaseCounts});
 * {@code CampaignPlanFacts} tells rectification the plan dates that bound them.
 */
package org.shirong.campaign;
