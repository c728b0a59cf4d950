package org.shirong.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.meeting.MeetingPapers.Option;
import org.shirong.system.DateWindow;
import org.shirong.system.TextInput;

/**
 * Checks what the organiser recorded in 召开会议并记录: minutes written, and the 决定事项 — the lines of
 * the form's textarea or a structured list ({@link DecisionLines}). A refusal names the field and every
 * bad line, in Chinese.
 */
final class MeetingRecordCheck {

    /** A refused field: its form key and what to fix. */
    record Problem(String field, String message) {
    }

    /** The decisions accepted, or the problem refusing the record. */
    record Checked(List<DecisionInput> decisions, Problem problem) {
    }

    private MeetingRecordCheck() {
    }

    /**
     * @param decisions the {@code decisions} variable: text from the form, a Json array or a Java list, or null
     */
    static Checked check(String minutes, Object decisions, List<Option> units, List<Option> categories, LocalDate today) {
        return check(minutes, decisions, units, Map.of(), categories, today, DateWindow.DEFAULT, WorkingCalendar.bundled());
    }

    /** {@code towns}: of a district's meeting, its towns' offices among {@code units} ({@link DecisionLines}). */
    static Checked check(String minutes, Object decisions, List<Option> units, Map<String, String> towns, List<Option> categories,
            LocalDate today, DateWindow window, WorkingCalendar calendar) {
        return check(minutes, decisions, units, towns, categories, today, window, calendar, true);
    }

    /** {@code noticesAllowed}: false for a 临时会议, which has no campaign whose 通报 a 通报 line could go to. */
    static Checked check(String minutes, Object decisions, List<Option> units, Map<String, String> towns, List<Option> categories,
            LocalDate today, DateWindow window, WorkingCalendar calendar, boolean noticesAllowed) {
        if (TextInput.isBlank(minutes)) {
            return refused(JointMeetingProcess.VAR_MINUTES, "会议纪要：请填写会议纪要");
        }
        var characters = TextInput.problem("会议纪要", minutes, true);
        if (characters.isPresent()) {
            return refused(JointMeetingProcess.VAR_MINUTES, characters.get());
        }
        // the minutes stay a process variable, which Camunda keeps in at most 4000 characters
        if (minutes.length() > 4000) {
            return refused(JointMeetingProcess.VAR_MINUTES, "会议纪要：不能超过 4000 个字（现有 " + minutes.length() + " 个）");
        }
        DecisionLines lines = new DecisionLines(units, towns, categories, today, window, calendar);
        if (!noticesAllowed) {
            lines.withoutNotices();
        }
        DecisionLines.Result result;
        try {
            result = DecisionInput.isList(decisions) ? lines.list(DecisionInput.all(decisions))
                    : lines.lines(decisions == null ? "" : decisions.toString());
        } catch (IllegalArgumentException unreadable) {
            return refused(JointMeetingProcess.VAR_DECISIONS, "决定事项：" + unreadable.getMessage());
        }
        if (!result.accepted()) {
            return refused(JointMeetingProcess.VAR_DECISIONS, "决定事项：" + String.join("\n", result.problems()));
        }
        return new Checked(result.decisions(), null);
    }

    private static Checked refused(String field, String message) {
        return new Checked(List.of(), new Problem(field, message));
    }
}
