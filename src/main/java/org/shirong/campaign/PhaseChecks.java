package org.shirong.campaign;

import java.time.Period;
import java.util.List;
import org.shirong.campaign.CampaignTemplate.Phase;

/**
 * Checks the phases of a template: exactly three (the campaign process runs three phase
 * sub-processes), each with dates, a positive length that matches them, in order and not overlapping, and a day of the
 * year it ends on ({@code ends}, optional) that is its last day.
 */
final class PhaseChecks {

    static final int PHASE_COUNT = 3;

    private PhaseChecks() {
    }

    static void check(List<Phase> phases, List<String> problems) {
        if (phases.size() != PHASE_COUNT) {
            problems.add("phases: 必须正好有 %d 个阶段（活动流程依次进行三个阶段），现有 %d 个".formatted(PHASE_COUNT, phases.size()));
        }
        Phase previous = null;
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            String at = "phases[" + i + "]";
            if (phase == null) {
                problems.add(at + ": 空条目");
                previous = null;
                continue;
            }
            boolean datesValid = checkDates(phase, at, problems);
            checkLength(phase, at, datesValid, problems);
            checkEnds(phase, at, datesValid, problems);
            if (datesValid && previous != null) {
                String before = "phases[" + (i - 1) + "]";
                if (phase.from().isBefore(previous.from())) {
                    problems.add("%s.from: %s 早于 %s 的开始日期 %s（阶段须按时间先后排列）"
                            .formatted(at, phase.from(), before, previous.from()));
                } else if (!phase.from().isAfter(previous.to())) {
                    problems.add("%s.from: 与 %s 重叠（%s 为 %s 至 %s，本阶段从 %s 开始）"
                            .formatted(at, before, before, previous.from(), previous.to(), phase.from()));
                }
            }
            previous = datesValid ? phase : null;
        }
    }

    private static boolean checkDates(Phase phase, String at, List<String> problems) {
        if (phase.from() == null) {
            problems.add(at + ".from: 必须填写方案原定的开始日期（如 2023-03-01）");
        }
        if (phase.to() == null) {
            problems.add(at + ".to: 必须填写方案原定的结束日期（含当日，如 2023-05-31）");
        }
        if (phase.from() == null || phase.to() == null) {
            return false;
        }
        if (phase.to().isBefore(phase.from())) {
            problems.add("%s.to: 结束日期 %s 早于开始日期 %s".formatted(at, phase.to(), phase.from()));
            return false;
        }
        return true;
    }

    /** {@code ends} (optional): a day of the year ("2月底", "12月31日") that is the last day the plan gives the phase. */
    private static void checkEnds(Phase phase, String at, boolean datesValid, List<String> problems) {
        if (phase.ends() == null) {
            return;
        }
        var day = PlanDay.parse(phase.ends());
        if (day.isEmpty()) {
            problems.add(at + ".ends: \"" + phase.ends() + "\" 不是每年都有的日子（写作“2月底”“12月31日”，2 月的最后一天请写“2月底”）");
        } else if (datesValid && !day.get().is(phase.to())) {
            problems.add("%s.ends: %s 与 to 不一致：方案原定本阶段到 %s 结束".formatted(at, phase.ends(), phase.to()));
        }
    }

    private static void checkLength(Phase phase, String at, boolean datesValid, List<String> problems) {
        Period length = phase.length();
        if (length == null) {
            problems.add(at + ".length: 必须填写阶段时长（ISO 8601 期间，如 P3M 三个月、P20D 二十天）");
        } else if (length.isZero() || length.isNegative()) {
            problems.add(at + ".length: " + length + " 不是正的期间（如 P3M 三个月、P20D 二十天）");
        } else if (datesValid && !phase.from().plus(length).minusDays(1).equals(phase.to())) {
            problems.add("%s.length: %s 与 from、to 不一致：从 %s 起 %s 应到 %s 结束，而 to 为 %s（按 from、to 时长应为 %s）"
                    .formatted(at, length, phase.from(), length, phase.from().plus(length).minusDays(1), phase.to(),
                            Period.between(phase.from(), phase.to().plusDays(1))));
        }
    }
}
