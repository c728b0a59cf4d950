package org.shirong.system;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * What a diagram that reads as XML must also hold, checked on the engine's own read of it ({@link BpmnFileCheck}) at
 * start-up and in {@link CheckOnly} (poreview-s56):
 * <ul>
 * <li>only for the processes the engine deploys ({@link #executable}): the pool of an outside party in a collaboration
 * ({@code isExecutable="false"}) is drawn, never run;</li>
 * <li>every executable process has a history time to live the engine accepts (P4: the engine refused it only while
 * deploying, after check-only had said all is well);</li>
 * <li>every timer, due date and follow-up date written as a literal (no {@code ${…}}) is read by the engine's own
 * business calendars as it will be at runtime (P3: {@code PT48} for {@code PT48H} deployed, then every case report
 * failed with ENGINE-09027), whatever the date of the check; a date, or a cycle whose times have all passed by the
 * engine clock is a warning (the timer fires at once; a cycle a single time);</li>
 * <li>no task or event has two incoming flows, or two outgoing flows without condition (P9: Modeler's implicit join and
 * fork, which its lint only warns about: the task after them ran twice, once before the step added in front of it);
 * an end event may be reached by several flows unless it sends something (each token just ends there);</li>
 * <li>ids Modeler generated ({@code Activity_0x7k2m1}) are named as a warning (README step 1 asks for readable ids).</li>
 * </ul>
 */
final class DiagramRules {

    private static final Namespace BPMN = new Namespace(BpmnParser.BPMN20_NS);
    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);
    /** As ProcessConventionsTest: what Modeler (and older tools) generate. */
    static final Pattern GENERATED_ID = Pattern.compile(
            "^(Activity|Event|Gateway|Flow|Task|StartEvent|EndEvent|SequenceFlow|UserTask|ServiceTask|ExclusiveGateway"
                    + "|BoundaryEvent|IntermediateThrowEvent|IntermediateCatchEvent|SubProcess|Decision|Rule)_[0-9a-z]{5,7}$|_\\d+$");
    /** What an end event with these definitions does again for each flow that reaches it; any other end event ends the token. */
    private static final Map<String, String> SENT_AGAIN = Map.of("messageEventDefinition", "发送一次消息",
            "signalEventDefinition", "发出一次信号", "escalationEventDefinition", "发出一次升级事件",
            "compensateEventDefinition", "触发一次补偿");
    private static final Set<String> CONTAINERS = Set.of("process", "subProcess", "transaction", "adHocSubProcess");
    private static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "eventBasedGateway", "complexGateway");
    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("process", "流程"), Map.entry("task", "任务"),
            Map.entry("userTask", "任务"), Map.entry("serviceTask", "任务"), Map.entry("sendTask", "任务"),
            Map.entry("receiveTask", "任务"), Map.entry("manualTask", "任务"), Map.entry("scriptTask", "任务"),
            Map.entry("businessRuleTask", "任务"), Map.entry("callActivity", "调用活动"), Map.entry("subProcess", "子流程"),
            Map.entry("transaction", "子流程"), Map.entry("adHocSubProcess", "子流程"), Map.entry("startEvent", "开始事件"),
            Map.entry("endEvent", "结束事件"), Map.entry("boundaryEvent", "边界事件"), Map.entry("intermediateCatchEvent", "中间事件"),
            Map.entry("intermediateThrowEvent", "中间事件"), Map.entry("sequenceFlow", "连线"), Map.entry("exclusiveGateway", "网关"),
            Map.entry("parallelGateway", "网关"), Map.entry("inclusiveGateway", "网关"), Map.entry("eventBasedGateway", "网关"),
            Map.entry("complexGateway", "网关"));

    /** Problems refuse start-up; warnings are printed and logged only. */
    record Findings(List<String> problems, List<String> warnings) {
        static final Findings NONE = new Findings(List.of(), List.of());
    }

    private DiagramRules() {
    }

    static Findings check(String origin, Element root, boolean historyTimeToLiveRequired) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Element process : root.elementsNS(BPMN, "process")) {
            if (process.attribute("isExecutable") == null) {
                warnings.add(at(origin, process, process) + "没有 isExecutable 属性，Camunda 把它当作不可执行的流程，不会部署它"
                        + "（要部署请在 Modeler 属性面板中勾选“Executable”；只画出外部单位做法的泳池请写 isExecutable=\"false\"）");
            }
            if (!executable(process)) {
                continue;
            }
            if (historyTimeToLiveRequired) {
                historyTimeToLive(origin, process, problems);
            }
            walk(origin, process, process, problems, warnings);
        }
        return new Findings(List.copyOf(problems), List.copyOf(warnings));
    }

    /**
     * Whether the engine deploys {@code process}, read as {@code BpmnParse#parseProcessDefinitions} reads it for a new
     * deployment (Shirong's deployments are always new): {@code Boolean.parseBoolean} of {@code isExecutable}, and a
     * process without the attribute is left out (the engine only logs it, at level INFO).
     */
    static boolean executable(Element process) {
        return Boolean.parseBoolean(process.attribute("isExecutable"));
    }

    /** "任务 Task_X（名称）", "边界事件 BoundaryEvent_X（名称）" …: how messages name an element. */
    static String what(Element element) {
        String name = element.attribute("name");
        return KINDS.getOrDefault(element.getTagName(), "元素") + " " + element.attribute("id")
                + (name == null || name.isBlank() ? "" : "（" + name.strip().replaceAll("\\s+", " ") + "）");
    }

    private static String at(String origin, Element line, Element owner) {
        return "%s: 第 %d 行 %s: ".formatted(origin, line.getLine(), what(owner));
    }

    private static void historyTimeToLive(String origin, Element process, List<String> problems) {
        String ttl = process.attributeNS(CAMUNDA, "historyTimeToLive");
        if (ttl == null || ttl.isBlank()) {
            problems.add(at(origin, process, process) + ProcessResourceValidator.MISSING_TTL);
            return;
        }
        try {
            ParseUtil.parseHistoryTimeToLive(ttl.strip());
        } catch (RuntimeException e) {
            problems.add(at(origin, process, process) + "历史保留时间 camunda:historyTimeToLive \"" + ttl.strip()
                    + "\" 不是天数（请填写整数天数，例如 1095）");
        }
    }

    private static void walk(String origin, Element element, Element owner, List<String> problems, List<String> warnings) {
        String tag = element.getTagName();
        boolean bpmn = BpmnParser.BPMN20_NS.equals(element.getUri());
        Element named = bpmn && element.attribute("id") != null && KINDS.containsKey(tag) ? element : owner;
        if (bpmn && CONTAINERS.contains(tag)) {
            flows(origin, element, problems);
        }
        if (bpmn && KINDS.containsKey(tag) && element.attribute("id") != null
                && GENERATED_ID.matcher(element.attribute("id")).find()) {
            warnings.add(at(origin, element, element) + "id 是 Modeler 自动生成的，请在属性面板“ID”中改为说明用途的名称"
                    + "（如 Task_ReviewMinutes），日志、Cockpit 和出错信息中才看得出是哪一步");
        }
        if (bpmn && tag.equals("timerEventDefinition")) {
            for (Element value : element.elements()) {
                if (BpmnParser.BPMN20_NS.equals(value.getUri())) {
                    timer(origin, value, owner, problems, warnings);
                }
            }
        }
        if (bpmn && element.attribute("id") != null) {
            date(origin, element, "dueDate", "到期时间", problems);
            date(origin, element, "followUpDate", "跟进时间", problems);
        }
        if (CAMUNDA.getNamespaceUri().equals(element.getUri()) && tag.equals("failedJobRetryTimeCycle")) {
            retryCycle(origin, element, named, problems);
        }
        for (Element child : element.elements()) {
            walk(origin, child, named, problems, warnings);
        }
    }

    private static boolean literal(String text) {
        return !text.contains("${") && !text.contains("#{");
    }

    /**
     * A literal timer read by the business calendar the engine reads it with (ENGINE-09026/09027 at runtime otherwise),
     * from the engine clock's now, as the engine reads it when it creates the timer: whether it reads does not depend on
     * the date; a date in the past, or a cycle with a fixed start or end that has no time left, only a warning says.
     */
    private static void timer(String origin, Element value, Element owner, List<String> problems, List<String> warnings) {
        String text = value.getText() == null ? "" : value.getText().strip();
        if (!literal(text)) {
            return;
        }
        String what = switch (value.getTagName()) {
            case "timeDuration" -> "时长";
            case "timeDate" -> "时间";
            case "timeCycle" -> "周期";
            default -> null;
        };
        if (what == null) {
            return;
        }
        if (text.isEmpty()) {
            problems.add(at(origin, value, owner) + "定时器的" + what + "没有填写，流程运行到这里时会出错");
            return;
        }
        BusinessCalendar calendar = switch (value.getTagName()) {
            case "timeDuration" -> new DurationBusinessCalendar();
            case "timeDate" -> new DueDateBusinessCalendar();
            default -> new CycleBusinessCalendar();
        };
        Date now = ClockUtil.getCurrentTime();
        Date due;
        try {
            due = calendar.resolveDuedate(text, now);
        } catch (RuntimeException unreadable) {
            problems.add(at(origin, value, owner) + "定时器的" + what + " \"" + text + "\" " + switch (value.getTagName()) {
                case "timeDuration" -> "不是有效的 ISO 8601 时长（如 PT48H 表示 48 小时，P2D 表示 2 天，PT30M 表示 30 分钟）";
                case "timeDate" -> "不是有效的 ISO 8601 日期时间（如 2027-03-01T09:00:00）";
                default -> "不是有效的 ISO 8601 重复周期或 cron 表达式（如 R3/PT10H 表示每 10 小时一次、共 3 次，"
                        + "0 0 9 * * ? 表示每天 9 点）";
            } + "，流程运行到这里时会出错。案件时限请用 Shirong 按工作日历算出的 ${dueAt}、${warnAt} 等变量");
            return;
        }
        if ("timeDate".equals(value.getTagName()) && due != null && due.before(now)) {
            warnings.add(at(origin, value, owner) + "定时器的时间 \"" + text + "\" 已过去（今天是 "
                    + LocalDate.ofInstant(now.toInstant(), ZoneId.systemDefault()) + "）：定时器一创建就会立即触发"
                    + "（开始事件的定时器在部署时创建）。请改为今后的时间");
        }
        if (due == null) {
            warnings.add(at(origin, value, owner) + "定时器的" + what + " \"" + text + "\" 的各次时间按今天（"
                    + LocalDate.ofInstant(now.toInstant(), ZoneId.systemDefault()) + "）都已过去：定时器一创建就会立即触发一次，"
                    + "之后不再重复（开始事件的定时器在部署时创建）。请改为今后的开始或结束时间");
        }
    }

    /** {@code camunda:dueDate} / {@code camunda:followUpDate} written as a date or a duration: read as the engine reads it. */
    private static void date(String origin, Element element, String attribute, String label, List<String> problems) {
        String value = element.attributeNS(CAMUNDA, attribute);
        if (value == null || value.isBlank() || !literal(value)) {
            return;
        }
        if (!resolves(new DueDateBusinessCalendar(), value.strip())) {
            problems.add(at(origin, element, element) + label + " camunda:" + attribute + " \"" + value.strip()
                    + "\" 不是有效的日期时间或时长（如 2027-03-01T17:00:00 或 P3D），任务创建时会出错。"
                    + "期限请用 Shirong 按工作日历算出的 ${dueAt} 等变量");
        }
    }

    private static void retryCycle(String origin, Element element, Element owner, List<String> problems) {
        String text = element.getText() == null ? "" : element.getText().strip();
        if (text.isEmpty() || !literal(text)) {
            return;
        }
        try {
            ParseUtil.parseRetryIntervals(text);
            for (String interval : text.split(",")) {
                new DurationHelper(interval.strip(), ClockUtil.getCurrentTime());
            }
        } catch (Exception e) {
            problems.add(at(origin, element, owner) + "失败重试周期 camunda:failedJobRetryTimeCycle \"" + text
                    + "\" 不是有效的重复周期（如 R5/PT10M 表示每 10 分钟重试、共 5 次）");
        }
    }

    private static boolean resolves(BusinessCalendar calendar, String text) {
        try {
            return calendar.resolveDuedate(text, ClockUtil.getCurrentTime()) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Within one process or sub-process: a task or event with more than one incoming flow (each arrival runs it again), or
     * more than one outgoing flow without condition that is not the default (all are taken at once): the rules
     * {@code fake-join} and {@code no-implicit-split} of the lint in processes/.bpmnlintrc, which Modeler only shows.
     * An end event that sends nothing is let be: the engine just ends each token that reaches it (two branches of an
     * exclusive gateway may end in one).
     */
    private static void flows(String origin, Element container, List<String> problems) {
        Map<String, Element> nodes = new LinkedHashMap<>();
        Map<String, List<String>> incoming = new LinkedHashMap<>();
        Map<String, List<String>> unconditioned = new LinkedHashMap<>();
        for (Element child : container.elements()) {
            String id = child.attribute("id");
            if (BpmnParser.BPMN20_NS.equals(child.getUri()) && id != null && KINDS.containsKey(child.getTagName())
                    && !GATEWAYS.contains(child.getTagName()) && !child.getTagName().equals("sequenceFlow")) {
                nodes.put(id, child);
            }
        }
        for (Element flow : container.elementsNS(BPMN, "sequenceFlow")) {
            String id = String.valueOf(flow.attribute("id"));
            String source = flow.attribute("sourceRef");
            String target = flow.attribute("targetRef");
            if (target != null && nodes.containsKey(target)) {
                incoming.computeIfAbsent(target, k -> new ArrayList<>()).add(id);
            }
            if (source != null && nodes.containsKey(source) && flow.elementNS(BPMN, "conditionExpression") == null
                    && !id.equals(nodes.get(source).attribute("default"))) {
                unconditioned.computeIfAbsent(source, k -> new ArrayList<>()).add(id);
            }
        }
        nodes.forEach((id, node) -> {
            List<String> in = incoming.getOrDefault(id, List.of());
            String again = node.getTagName().equals("endEvent") ? sentAgain(node) : "执行一次";
            if (in.size() > 1 && again != null) {
                problems.add(at(origin, node, node) + "有 %d 条进入的连线（%s）：没有网关时，每条连线到达都会让它再%s。".formatted(
                        in.size(), String.join("、", in), again) + "请删除多余的连线，或在它前面加一个排他网关把连线合并为一条");
            }
            List<String> out = unconditioned.getOrDefault(id, List.of());
            if (out.size() > 1) {
                problems.add(at(origin, node, node) + "有 %d 条出去的连线（%s）而没有网关：流程会同时沿每一条往下走。".formatted(
                        out.size(), String.join("、", out)) + "请删除多余的连线（在 Modeler 中插入新步骤后常会留下旧连线），"
                        + "或在它后面加网关（要分支选择请用排他网关并给连线写条件，要同时进行请用并行网关）");
            }
        });
    }

    /** What an end event does again for each further flow that reaches it ("发送一次消息" …); null when it only ends the token. */
    private static String sentAgain(Element endEvent) {
        for (Element definition : endEvent.elements()) {
            if (BpmnParser.BPMN20_NS.equals(definition.getUri()) && SENT_AGAIN.containsKey(definition.getTagName())) {
                return SENT_AGAIN.get(definition.getTagName());
            }
        }
        return null;
    }
}
