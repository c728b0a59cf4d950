package org.shirong.meeting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks what the organiser recorded in 召开会议并记录: minutes written; every decision with its text,
 * a kind, a unit the form offered and a due day from today on; a case decision with a category the
 * form offered and an address. Problems name the field and the decision, in Chinese.
 */
final class MeetingRecordCheck {

    /** A refused field: its form key and what to fix. */
    record Problem(String field, String message) {
    }

    private MeetingRecordCheck() {
    }

    static Optional<Problem> firstProblem(String minutes, List<DecisionInput> decisions, List<String> units,
            List<String> categories, LocalDate today) {
        if (minutes == null || minutes.isBlank()) {
            return Optional.of(new Problem(JointMeetingProcess.VAR_MINUTES, "会议纪要：请填写会议纪要"));
        }
        for (DecisionInput d : decisions) {
            List<String> problems = problems(d, units, categories, today);
            if (!problems.isEmpty()) {
                return Optional.of(new Problem(JointMeetingProcess.VAR_DECISIONS,
                        "决定事项第 " + d.no() + " 项：" + String.join("；", problems)));
            }
        }
        return Optional.empty();
    }

    private static List<String> problems(DecisionInput d, List<String> units, List<String> categories, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (d.content().isEmpty()) {
            problems.add("请填写决定事项");
        } else if (d.content().length() > 2000) {
            problems.add("决定事项不能超过 2000 个字");
        }
        if (!d.isCase() && !JointMeetingProcess.KIND_ASSIGNMENT.equals(d.kind())) {
            problems.add("请选择类型（整改案件或交办任务）");
        }
        if (d.unit().isEmpty()) {
            problems.add("请选择责任单位");
        } else if (!units.contains(d.unit())) {
            problems.add("责任单位 " + d.unit() + " 不是可选的单位");
        }
        problems.addAll(dueProblems(d.due(), today));
        if (d.isCase()) {
            if (d.category().isEmpty()) {
                problems.add("整改案件请选择问题类别");
            } else if (!categories.contains(d.category())) {
                problems.add("未知的问题类别：" + d.category());
            }
            if (d.address().isEmpty()) {
                problems.add("整改案件请填写地点");
            } else if (d.address().length() > 500) {
                problems.add("地点不能超过 500 个字");
            }
        }
        return problems;
    }

    private static List<String> dueProblems(String due, LocalDate today) {
        if (due.isEmpty()) {
            return List.of("请填写期限");
        }
        try {
            return LocalDate.parse(due).isBefore(today) ? List.of("期限 " + due + " 已过，不能早于今天（" + today + "）")
                    : List.of();
        } catch (DateTimeParseException e) {
            return List.of("期限 \"" + due + "\" 不是有效日期（例如 " + today + "）");
        }
    }
}
