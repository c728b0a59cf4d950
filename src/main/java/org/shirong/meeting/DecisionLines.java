package org.shirong.meeting;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.meeting.MeetingPapers.Option;
import org.shirong.rectification.CategoryNames;
import org.shirong.system.DateWindow;
import org.shirong.system.LineColumns;
import org.shirong.system.TextInput;

/**
 * Reads and checks the record form's 决定事项 ({@code decisions}), either as typed into its textarea, one
 * decision a line:
 *
 * <pre>责任单位 ｜ 决定事项 ｜ 期限 ｜ 问题类别 ｜ 地点</pre>
 *
 * columns separated as {@link LineColumns} says (a tab, {@code ｜} or {@code |}; semicolons are text, so a
 * decision may contain them), a line of more than five columns refused; or as a structured list sent by a
 * REST client or a test
 * ({@code [{content, kind, unit, due, category, address}]}).
 *
 * <p>A line starting with 通报 names a unit for the campaign's next 通报 with the reason:
 *
 * <pre>通报 ｜ 单位 ｜ 原因</pre>
 *
 * (kind {@code NOTICE}, the reason its content; not at a 临时会议, which has no campaign and issues no 通报).
 *
 * <p>A unit is given by its name or group id (one the form offers); a category, which makes the
 * decision a case and then needs the address, by its name, its name without the bracketed note, or
 * its code (an applicable one the form offers). Blank lines and a header line starting with 责任单位
 * are skipped. Every bad line is named with all its problems, in Chinese ("第 2 行：没有单位“城管队”…").
 */
final class DecisionLines {

    /** The columns of a line, as the form explains them. */
    static final String FORMAT = "责任单位 ｜ 决定事项 ｜ 期限 ｜ 问题类别 ｜ 地点";
    /** The columns of a 通报 line. */
    static final String NOTICE_FORMAT = "通报 ｜ 单位 ｜ 原因";
    private static final String NOTICE = "通报";
    private static final int MAX_REASON = 500;

    private static final int MAX_CONTENT = 2000;
    private static final int MAX_ADDRESS = 500;
    private static final Pattern DAY = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    /** The decisions read, numbered from 1, or the problems found (then nothing may be saved). */
    record Result(List<DecisionInput> decisions, List<String> problems) {

        boolean accepted() {
            return problems.isEmpty();
        }
    }

    private final List<Option> units;
    private final Map<String, String> towns;
    private final CategoryNames categories;
    private final LocalDate today;
    private final DateWindow window;
    private final WorkingCalendar calendar;
    private boolean noticeAllowed = true;

    DecisionLines(List<Option> units, List<Option> categories, LocalDate today) {
        this(units, Map.of(), categories, today, DateWindow.DEFAULT, WorkingCalendar.bundled());
    }

    /** Refuses 通报 lines: a 临时会议 has no campaign whose 通报 could name the unit. */
    DecisionLines withoutNotices() {
        noticeAllowed = false;
        return this;
    }

    /**
     * {@code towns}: of a district's meeting, its towns' offices (group id to the town's name) among {@code units}, which
     * are given work (交办任务) but lead no case of the district's. A 期限 is a working day of {@code calendar}, the
     * organisation's: the work is due at the end of its office day.
     */
    DecisionLines(List<Option> units, Map<String, String> towns, List<Option> categories, LocalDate today, DateWindow window,
            WorkingCalendar calendar) {
        this.window = window;
        this.calendar = calendar;
        this.units = units;
        this.towns = towns;
        Map<String, String> nameByCode = new LinkedHashMap<>();
        categories.forEach(c -> nameByCode.put(c.value(), c.label()));
        this.categories = new CategoryNames(nameByCode);
        this.today = today;
    }

    /** The decisions typed into the textarea, one a line. */
    Result lines(String text) {
        List<DecisionInput> decisions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (LineColumns.Line line : LineColumns.lines(text)) {
            List<String> cells = line.columns();
            if (decisions.isEmpty() && problems.isEmpty() && cells.get(0).equals("责任单位")) {
                continue; // the header row of a pasted table
            }
            String where = line.at();
            if (cells.get(0).strip().equals(NOTICE)) {
                List<String> lineProblems = new ArrayList<>();
                DecisionInput d = notice(decisions.size() + 1, cells, lineProblems);
                if (lineProblems.isEmpty()) {
                    decisions.add(d);
                } else {
                    problems.add(where + String.join("；", lineProblems));
                }
                continue;
            }
            if (cells.size() < 3) {
                problems.add(where + "只有 " + cells.size() + " 栏，至少要写责任单位、决定事项和期限三栏（"
                        + LineColumns.RULE + "，依次为：" + FORMAT + "）");
                continue;
            }
            Optional<String> tooMany = LineColumns.tooMany(line, 5, FORMAT);
            if (tooMany.isPresent()) {
                problems.add(tooMany.get());
                continue;
            }
            String category = cell(cells, 3);
            String address = cell(cells, 4);
            List<String> lineProblems = new ArrayList<>();
            if (category.isEmpty() && !address.isEmpty()) {
                lineProblems.add("填了地点“" + address + "”却没有问题类别：要立案请填写问题类别，交办任务请删去地点");
            }
            DecisionInput d = check(decisions.size() + 1, cells.get(1),
                    category.isEmpty() ? JointMeetingProcess.KIND_ASSIGNMENT : JointMeetingProcess.KIND_CASE,
                    cells.get(0), cells.get(2), category, address, lineProblems);
            if (lineProblems.isEmpty()) {
                decisions.add(d);
            } else {
                problems.add(where + String.join("；", lineProblems));
            }
        }
        return new Result(problems.isEmpty() ? decisions : List.of(), problems);
    }

    /** A structured list ({@link DecisionInput#all}), checked as the lines are; units and categories may be names too. */
    Result list(List<DecisionInput> rows) {
        List<DecisionInput> decisions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (DecisionInput row : rows) {
            List<String> rowProblems = new ArrayList<>();
            String kind = row.kind();
            if (JointMeetingProcess.KIND_NOTICE.equals(kind)) {
                DecisionInput d = noticeOf(row.no(), row.unit(), row.content(), rowProblems);
                if (rowProblems.isEmpty()) {
                    decisions.add(d);
                } else {
                    problems.add("决定事项第 " + row.no() + " 项：" + String.join("；", rowProblems));
                }
                continue;
            }
            if (!JointMeetingProcess.KIND_CASE.equals(kind) && !JointMeetingProcess.KIND_ASSIGNMENT.equals(kind)) {
                rowProblems.add("类型“" + kind + "”无效，应为 " + JointMeetingProcess.KIND_CASE + "（整改案件）、"
                        + JointMeetingProcess.KIND_ASSIGNMENT + "（交办任务）或 " + JointMeetingProcess.KIND_NOTICE + "（通报）");
                kind = JointMeetingProcess.KIND_ASSIGNMENT;
            }
            DecisionInput d = check(row.no(), row.content(), kind, row.unit(), row.due(), row.category(), row.address(),
                    rowProblems);
            if (rowProblems.isEmpty()) {
                decisions.add(d);
            } else {
                problems.add("决定事项第 " + row.no() + " 项：" + String.join("；", rowProblems));
            }
        }
        return new Result(problems.isEmpty() ? decisions : List.of(), problems);
    }

    /** A 通报 line: exactly 通报, the unit and the reason. */
    private DecisionInput notice(int no, List<String> cells, List<String> problems) {
        if (cells.size() != 3) {
            problems.add("通报一行应写三栏：" + NOTICE_FORMAT + "（现有 " + cells.size() + " 栏，" + LineColumns.RULE + "）");
            return null;
        }
        return noticeOf(no, cells.get(1), cells.get(2), problems);
    }

    private DecisionInput noticeOf(int no, String unitText, String reason, List<String> problems) {
        if (!noticeAllowed) {
            problems.add("临时会议不属于任何活动，不印发通报，不能决定通报单位；请在活动的工作例会上决定");
            return null;
        }
        String unit = unit(unitText.strip(), problems);
        if (TextInput.isBlank(reason)) {
            problems.add("请填写通报原因（" + NOTICE_FORMAT + "）");
        } else if (reason.strip().length() > MAX_REASON) {
            problems.add("通报原因不能超过 " + MAX_REASON + " 个字（现有 " + reason.strip().length() + " 个）");
        } else {
            TextInput.problem("通报原因", reason, false).ifPresent(problems::add);
        }
        return new DecisionInput(no, reason.strip(), JointMeetingProcess.KIND_NOTICE, unit, "", "", "");
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    private DecisionInput check(int no, String content, String kind, String unitText, String dueText, String categoryText,
            String address, List<String> problems) {
        String unit = unit(unitText.strip(), problems);
        if (TextInput.isBlank(content)) {
            problems.add("请填写决定事项");
        } else if (content.length() > MAX_CONTENT) {
            problems.add("决定事项不能超过 " + MAX_CONTENT + " 个字（现有 " + content.length() + " 个）");
        } else {
            TextInput.problem("决定事项", content, true).ifPresent(problems::add);
        }
        String due = due(dueText.strip(), problems);
        boolean isCase = JointMeetingProcess.KIND_CASE.equals(kind);
        String category = "";
        if (isCase && towns.containsKey(unit)) {
            String town = towns.get(unit);
            problems.add(town + "是街镇：区的整改案件由区级部门牵头、属地街镇协办，请写牵头的区级部门；要" + town
                    + "办理的事项请不填问题类别和地点，作为交办任务交给它");
        }
        if (isCase) {
            category = category(categoryText.strip(), problems);
            if (TextInput.isBlank(address)) {
                problems.add("立案须填写地点");
            } else if (address.length() > MAX_ADDRESS) {
                problems.add("地点不能超过 " + MAX_ADDRESS + " 个字");
            } else {
                TextInput.problem("地点", address, false).ifPresent(problems::add);
            }
        }
        return new DecisionInput(no, content.strip(), kind, unit, due, category, isCase ? address.strip() : "");
    }

    private String unit(String text, List<String> problems) {
        if (text.isEmpty()) {
            problems.add("请填写责任单位（可用：" + labels(units) + "）");
            return "";
        }
        for (Option u : units) {
            if (u.label().equals(text) || u.value().equalsIgnoreCase(text)) {
                return u.value();
            }
        }
        problems.add("没有单位“" + text + "”（可用：" + labels(units) + "）");
        return text;
    }

    private String due(String text, List<String> problems) {
        String example = "，请写成 " + today.plusDays(7) + " 这样的日期";
        if (text.isEmpty()) {
            problems.add("请填写期限" + example);
            return "";
        }
        Matcher m = DAY.matcher(text);
        if (!m.matches()) {
            problems.add("期限“" + text + "”不是日期" + example);
            return text;
        }
        LocalDate day;
        try {
            day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            problems.add("期限“" + text + "”不是日期" + example);
            return text;
        }
        if (day.isBefore(today)) {
            problems.add("期限 " + day + " 已过，不能早于今天（" + today + "）");
        } else {
            window.problem("期限", day, today).or(() -> calendar.deadlineDayProblem("期限", day)).ifPresent(problems::add);
        }
        return day.toString();
    }

    private String category(String text, List<String> problems) {
        if (text.isEmpty()) {
            problems.add("整改案件请填写问题类别");
            return "";
        }
        return categories.codeOf(text).orElseGet(() -> {
            problems.add(categories.unknown(text));
            return text;
        });
    }

    private static String labels(List<Option> options) {
        return options.isEmpty() ? "无" : options.stream().map(Option::label).collect(Collectors.joining("、"));
    }

    /** Names for the form's explanation, joined with 、. */
    static String names(List<Option> options) {
        return labels(options);
    }
}
