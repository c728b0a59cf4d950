/**
 * Joint meetings (联席会议/工作例会, 季度专项工作会议): the {@code JointMeetingProcess} a campaign
 * convenes through {@link org.shirong.meeting.Meetings} — agenda with the period's real figures,
 * meeting notice, the organiser's record (minutes, attendance, and the decisions typed one a line, see
 * {@code DecisionLines}) checked line by line, the minutes, each decision carried out as a rectification
 * case (source MEETING) or a {@code WorkAssignmentProcess} for the unit, and the 通报 of the non-performing units. Owns the
 * {@code meeting} and {@code meeting_decision} tables and {@code forms/JointMeetingRecord.form}; the
 * documents themselves are rendered and stored by the report capability. Besides, the office may call a 临时会议
 * ({@code AdHocMeetingProcess}, started in Tasklist with {@code forms/AdHocMeetingStart.form}, checked by
 * {@code AdHocMeetingCalledListener}): the notice to the units called, then the office's minutes.
 */
package org.shirong.meeting;
