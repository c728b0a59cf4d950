package org.shirong.campaign;

import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.shirong.calendar.LimitUnit;
import org.shirong.calendar.TimeLimit;
import org.shirong.campaign.CampaignTemplate.Cycle;
import org.shirong.system.TextInput;

/**
 * Checks the cycles of a template. A cron expression is parsed by Camunda's own parser
 * ({@link CronTimer}, the one its timer events use), so whatever passes here the engine accepts.
 */
final class CycleChecks {

    private static final int MAX_PLACE = 100;
    private static final Pattern PROCESS_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final TemplateChecks checks;
    private final List<String> problems;

    CycleChecks(TemplateChecks checks) {
        this.checks = checks;
        this.problems = checks.problems;
    }

    void check() {
        List<Cycle> cycles = checks.template.cycles();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < cycles.size(); i++) {
            Cycle cycle = cycles.get(i);
            String at = "cycles[" + i + "]";
            if (cycle == null) {
                problems.add(at + ": 空条目");
                continue;
            }
            checks.checkId("cycles", i, cycle.id(), TemplateChecks.ID, seen);
            if (TemplateChecks.blank(cycle.name())) {
                problems.add(at + ".name: 必须填写中文名称");
            }
            if (cycle.kind() == null) {
                problems.add(at + ".kind: 必须填写类型（MEETING 会议、REPORT 报告、INSPECTION 检查、ASSESSMENT 考核）");
            }
            cron(at + ".cron", cycle.cron());
            checks.who(at + ".who", cycle.who());
            checks.with(at, cycle.who(), cycle.with());
            for (int k = 0; k < cycle.phases().size(); k++) {
                checks.phase("%s.phases[%d]".formatted(at, k), cycle.phases().get(k));
            }
            for (int k = 0; k < cycle.scorePhases().size(); k++) {
                checks.phase("%s.score-phases[%d]".formatted(at, k), cycle.scorePhases().get(k));
            }
            if (!cycle.scorePhases().isEmpty() && cycle.rankedPeriod() == null) {
                problems.add(at + ".score-phases: 只用于排名的周期（有 score-period，或会议、报告）");
            }
            for (int k = 0; k < cycle.categories().size(); k++) {
                checks.category("%s.categories[%d]".formatted(at, k), cycle.categories().get(k));
            }
            process(at, cycle);
            meetingNotice(at, cycle);
        }
        // A report on the month under way hands out its tasks only (CampaignTemplate.Cycle#reportsRunningPeriod): without
        // an assessment of 上月 the campaign would never issue a monthly report or a 通报.
        if (cycles.stream().anyMatch(c -> c != null && c.kind() != null && c.reportsRunningPeriod())
                && cycles.stream().noneMatch(c -> c != null && c.kind() != null && c.issuesMonthlyReport())) {
            problems.add("cycles: 报告（REPORT）按本期（score-period: CURRENT_…）时只下达报送任务，本期尚未结束不能定稿排名；"
                    + "请另加一项按上月的考核（kind: ASSESSMENT，score-period: PREVIOUS_MONTH），在月末之后生成月度工作报告和考核排名通报");
        }
    }

    /** {@code notice-ahead} and {@code place} belong to a meeting; the lead counts working or calendar days. */
    private void meetingNotice(String at, Cycle cycle) {
        if (cycle.kind() != CycleKind.MEETING) {
            if (cycle.kind() != null && (cycle.noticeAhead() != null || cycle.place() != null)) {
                problems.add(at + ": 只有会议（MEETING）填写 notice-ahead 和 place，" + cycle.kind() + " 不用填写");
            }
            return;
        }
        if (cycle.noticeAhead() != null) {
            try {
                if (TimeLimit.parse(cycle.noticeAhead()).unit() == LimitUnit.WORKING_HOURS) {
                    problems.add(at + ".notice-ahead: 请用工作日或自然日，如 \"1 工作日\"（会前一个工作日的同一时间）");
                }
            } catch (IllegalArgumentException e) {
                problems.add(at + ".notice-ahead: " + e.getMessage());
            }
        }
        if (cycle.place() != null) {
            if (cycle.place().length() > MAX_PLACE) {
                problems.add(at + ".place: 地点不能超过 " + MAX_PLACE + " 个字");
            }
            TextInput.problem("地点", cycle.place(), false).ifPresent(problem -> problems.add(at + ".place: " + problem));
        }
    }

    private void cron(String at, String cron) {
        if (TemplateChecks.blank(cron)) {
            problems.add(at + ": 必须填写 cron 表达式（6 段：秒 分 时 日 月 周，如 \"0 0 9 5,20 * ?\"）");
            return;
        }
        try {
            CronTimer.parse(cron.strip());
        } catch (ParseException e) {
            problems.add("%s: \"%s\" 不是 Camunda 可用的 cron 表达式（6 段：秒 分 时 日 月 周，如 \"0 0 9 5,20 * ?\" 每月 5 日和 20 日 9:00）：%s"
                    .formatted(at, cron, e.getMessage()));
        }
    }

    private void process(String at, Cycle cycle) {
        if (cycle.kind() == CycleKind.MEETING) {
            if (TemplateChecks.blank(cycle.process())) {
                problems.add(at + ".process: 会议（MEETING）必须指明召开会议的流程（如 JointMeetingProcess）");
            } else if (!PROCESS_KEY.matcher(cycle.process()).matches()) {
                problems.add(at + ".process: \"" + cycle.process() + "\" 不是有效的流程 key（英文字母、数字和下划线）");
            }
        } else if (cycle.process() != null && cycle.kind() != null) {
            problems.add(at + ".process: 只有会议（MEETING）指明流程，" + cycle.kind() + " 不用填写");
        }
    }
}
