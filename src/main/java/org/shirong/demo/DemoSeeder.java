package org.shirong.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.demo.DemoPlan.Goal;
import org.shirong.report.PrintDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo once, on the first start of an empty demo database: the campaigns of {@link DemoPlan} started
 * {@link DemoPlan#DAYS} days ago, their cases reported and handled on their days, the meetings the campaigns convene
 * meanwhile recorded by the office, and every timer run at its time, all before the job executor starts. The engine
 * property {@value #MARKER} records that it was done (or skipped), so it never runs twice.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = {"shirong.demo.enabled", "shirong.demo.seed"}, havingValue = "true")
class DemoSeeder implements ApplicationRunner {

    static final String MARKER = "shirong.demo.seeded";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ManagementService managementService;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final Environment environment;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final WorkingCalendar calendar;
    private final String password;
    private final PrintDocuments print;

    DemoSeeder(ManagementService managementService, HistoryService historyService, RuntimeService runtimeService,
            TaskService taskService, IdentityService identityService, Environment environment, ObjectMapper json,
            @Value("${shirong.time-zone}") ZoneId zone, WorkingCalendar calendar, @Value("${shirong.demo.password}") String password,
            PrintDocuments print) {
        this.print = print;
        this.managementService = managementService;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.environment = environment;
        this.json = json;
        this.zone = zone;
        this.calendar = calendar;
        this.password = password;
    }

    /** The 挂账's 复核日期 the demo asks for: the first working day two weeks after the request. */
    private LocalDate reviewDay(Instant requested) {
        return calendar.workingDayFrom(LocalDate.ofInstant(requested, zone).plusWeeks(2));
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    /** Seeds unless the marker is there or the database already holds campaigns; returns whether it seeded. */
    boolean seed() {
        if (managementService.getProperties().containsKey(MARKER)) {
            return false;
        }
        // Set first: a seed that fails half-way is not tried again over what it left.
        managementService.setProperty(MARKER, Instant.now().toString());
        if (historyService.createHistoricProcessInstanceQuery().processDefinitionKey("CampaignProcess").count() > 0) {
            LOG.info("演示数据：数据库中已有活动，不再生成演示数据");
            return false;
        }
        EngineTime time = new EngineTime(managementService);
        Instant started = Instant.now();
        try {
            new Run(time).all(started);
            LOG.info("演示数据已生成：{} 个活动、{} 件案件，模拟了 {} 天的办理（用时 {} 秒）", DemoPlan.CAMPAIGNS.size(),
                    DemoPlan.CASES.size(), DemoPlan.DAYS, Duration.between(started, Instant.now()).toSeconds());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("演示数据未能全部生成（{}），已生成的部分保留，Shirong 照常启动", e.getMessage(), e);
            return false;
        } finally {
            time.reset();
        }
    }

    /** One replay: the steps of every case in time order, with the jobs due in between. */
    private final class Run {

        private final EngineTime time;
        private final DemoApi api;
        private final Map<DemoPlan.Case, String> caseNumbers = new HashMap<>();
        private final Map<String, DemoPlan.Campaign> campaigns = new LinkedHashMap<>();
        private boolean decisionsRecorded;

        Run(EngineTime time) {
            this.time = time;
            this.api = new DemoApi("http://localhost:" + environment.getProperty("local.server.port", "8080")
                    + environment.getProperty("server.servlet.context-path", ""), password,
                    identityService, taskService);
            DemoPlan.CAMPAIGNS.forEach(c -> campaigns.put(c.code(), c));
        }

        private record Step(Instant at, int order, Runnable action) {
        }

        void all(Instant now) {
            LocalDate first = LocalDate.ofInstant(now, zone).minusDays(DemoPlan.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            Instant start = first.atTime(9, 0).atZone(zone).toInstant();
            time.set(start);
            for (DemoPlan.Campaign c : DemoPlan.CAMPAIGNS) {
                api.post(office(c), "/api/campaigns", Map.of("template", c.template(), "code", c.code(), "name", c.name(),
                        "dates", dates(c, first)));
            }
            List<Step> steps = new ArrayList<>();
            int order = 0;
            for (DemoPlan.Case c : DemoPlan.CASES) {
                Instant reported = first.plusDays(c.day()).atTime(c.hour(), 0).atZone(zone).toInstant();
                steps.add(new Step(reported, order++, () -> report(c)));
                String assigned = DemoPlan.ASSIGNED_BY_OFFICE.get(c.title());
                if (assigned != null) {
                    steps.add(new Step(reported.plus(Duration.ofMinutes(20)), order++, () -> complete(c, "Task_RedispatchCase",
                            Map.of("newLeadUnit", DemoApi.value(assigned)))));
                }
                if (c.goal() == Goal.DISPATCHED) {
                    continue;
                }
                steps.add(new Step(reported.plus(Duration.ofMinutes(40)), order++, () -> complete(c, "Task_ClaimCase",
                        Map.of("claimDecision", DemoApi.value("claim")))));
                Instant later = reported.plus(Duration.ofHours(2));
                switch (c.goal()) {
                    case AWAITING_VERIFICATION, CLOSED -> steps.add(new Step(later, order++, () -> submit(c)));
                    case EXTENSION_ASKED -> steps.add(new Step(later, order++, () -> complete(c, "Task_RectifyProblem", Map.of(
                            "rectifyAction", DemoApi.value("extension"),
                            "extensionReason", DemoApi.value("需先调查产权并下达限期拆除告知书，整改时间不足"),
                            "extensionDue", Map.of("type", "Date", "value", calendar.workingDayFrom(later.plus(Duration.ofDays(30))
                                    .atZone(zone).toLocalDate()).atTime(17, 0).atZone(zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")))))));
                    case SUSPENDED -> {
                        steps.add(new Step(later, order++, () -> complete(c, "Task_RectifyProblem", Map.of(
                                "rectifyAction", DemoApi.value("suspension"),
                                "suspensionReason", DemoApi.value("配电箱产权单位正在更换箱体，更换后统一清理"),
                                "suspensionReviewDate", DemoApi.value(reviewDay(later).toString())))));
                        steps.add(new Step(later.plus(Duration.ofHours(3)), order++, () -> complete(c, "Task_ApproveSuspension", Map.of(
                                "suspensionApproved", DemoApi.value("yes"), "decisionComment", DemoApi.value("同意挂账，箱体更换后恢复整改")))));
                    }
                    default -> {
                    }
                }
                if (c.goal() == Goal.CLOSED) {
                    steps.add(new Step(reported.plus(Duration.ofHours(3)), order++, () -> complete(c, "Task_VerifyRectification", Map.of(
                            "verificationResult", DemoApi.value("pass"), "verificationComment", DemoApi.value("现场复核，已整改到位")))));
                }
            }
            steps.add(new Step(first.plusDays(10).atTime(16, 0).atZone(zone).toInstant(), order++, this::handleSomeCampaignTasks));
            steps.sort(Comparator.comparing(Step::at).thenComparing(Step::order));
            for (Step step : steps) {
                time.runUntil(step.at(), this::recordMeetings);
                step.action().run();
            }
            time.runUntil(Instant.now(), this::recordMeetings);
        }

        /** The dates the office gives: the start, or each phase's last day after the plan's lengths. */
        private Map<String, Object> dates(DemoPlan.Campaign c, LocalDate first) {
            if (c.phaseLengths() == null) {
                return Map.of("start", DAY.format(first));
            }
            List<Map<String, String>> phases = new ArrayList<>();
            LocalDate from = first;
            for (java.time.Period length : c.phaseLengths()) {
                LocalDate to = from.plus(length).minusDays(1);
                phases.add(phases.isEmpty() ? Map.of("from", DAY.format(from), "to", DAY.format(to)) : Map.of("to", DAY.format(to)));
                from = to.plusDays(1);
            }
            return Map.of("phases", phases);
        }

        /**
         * Every other task of the first phase is done, so that the overview shows progress; one that requires an attachment
         * (九亭镇's 目标责任书, jtreview-s56 T14) is handed in with a one-page PDF, or a photo where it takes no PDF.
         */
        private void handleSomeCampaignTasks() {
            List<Task> open = taskService.createTaskQuery().processDefinitionKey("CampaignTaskProcess")
                    .taskDefinitionKey("Task_HandleCampaignTask").orderByTaskCreateTime().asc().orderByTaskId().asc().list();
            for (int i = 0; i < open.size(); i += 2) {
                Task task = open.get(i);
                Map<String, Object> variables = new LinkedHashMap<>();
                variables.put("result", DemoApi.value("已按方案要求完成，相关材料已归档"));
                if (Boolean.TRUE.equals(taskService.getVariable(task.getId(), "attachmentsRequired"))) {
                    Object kinds = taskService.getVariable(task.getId(), "attachmentKinds");
                    List<String> accepted = kinds == null || kinds.toString().isBlank() ? List.of("pdf")
                            : java.util.Arrays.stream(kinds.toString().split(",")).map(String::strip).toList();
                    if (accepted.contains("pdf")) {
                        String name = task.getName().contains(" · ") ? task.getName().substring(0, task.getName().indexOf(" · ")) : task.getName();
                        variables.put("attachment1", DemoApi.file(name + ".pdf", samplePdf(task, name), "application/pdf"));
                    } else if (accepted.contains("photo")) {
                        variables.put("attachment1", DemoApi.file("台帐照片.png", DemoPhotos.after(), "image/png"));
                    } else {
                        continue;
                    }
                }
                try {
                    api.complete(task, variables);
                } catch (RuntimeException e) {
                    LOG.info("演示数据：任务 {} 未办理（{}）", task.getName(), e.getMessage());
                }
            }
        }

        /**
         * A readable one-page sample of what a unit hands in, marked 演示样本 (jtreview-s59 T11: the archive shown to a 领导
         * held 77-byte files without a page); a blank page where the Chinese font is missing.
         */
        private byte[] samplePdf(Task task, String name) {
            Object code = runtimeService.getVariable(task.getProcessInstanceId(), "campaignCode");
            DemoPlan.Campaign campaign = code == null ? null : campaigns.get(code.toString());
            try {
                return print.pdf("demo/sample-attachment", Map.of("taskName", name,
                        "campaignName", campaign == null ? "" : campaign.name(),
                        "issuedOn", org.shirong.system.ChineseDates.DAY.format(time.now().atZone(zone))));
            } catch (PrintDocuments.FontUnavailable e) {
                return DemoApi.blankPdf();
            }
        }

        private String office(DemoPlan.Campaign c) {
            return api.memberOf(c.officeGroup());
        }

        private void report(DemoPlan.Case c) {
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("address", c.address());
            DemoPlaces.of(c.address()).ifPresent(p -> {
                location.put("lat", p[0]);
                location.put("lng", p[1]);
            });
            if (c.territory() != null) {
                location.put("territory", c.territory());
            }
            if (c.community() != null) {
                location.put("community", c.community());
            }
            Map<String, Object> body = new LinkedHashMap<>(Map.of("title", c.title(), "category", c.category(),
                    "urgency", c.urgency(), "source", c.source(), "location", location, "description", c.description(),
                    "campaign", c.campaign()));
            Map<String, Object> created = api.post(office(campaigns.get(c.campaign())), "/api/cases", body);
            caseNumbers.put(c, (String) created.get("caseNo"));
        }

        private void submit(DemoPlan.Case c) {
            complete(c, "Task_RectifyProblem", Map.of("rectifyAction", DemoApi.value("submit"),
                    "measures", DemoApi.value("已组织人员现场整改：" + c.description() + "，现已清理完毕"),
                    "photoBefore", DemoApi.file("整改前.png", DemoPhotos.before()),
                    "photoAfter", DemoApi.file("整改后.png", DemoPhotos.after())));
        }

        private void complete(DemoPlan.Case c, String taskKey, Map<String, Object> variables) {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumbers.get(c)).taskDefinitionKey(taskKey)
                    .singleResult();
            if (task == null) {
                LOG.warn("演示数据：案件 {} 没有待办的 {}，跳过", caseNumbers.get(c), taskKey);
                return;
            }
            api.complete(task, variables);
        }

        /**
         * The office records every meeting held so far, two hours after it began (its notice went out ahead of it, and a
         * meeting still to come stays open); 九亭's first one with a 通报 decides two things.
         */
        private void recordMeetings() {
            for (Task task : taskService.createTaskQuery().processDefinitionKey("JointMeetingProcess")
                    .taskDefinitionKey("Task_HoldMeeting").list()) {
                Date meetingAt = (Date) runtimeService.getVariable(task.getProcessInstanceId(), "meetingAt");
                if (meetingAt != null && meetingAt.toInstant().isAfter(time.now())) {
                    continue;
                }
                time.set(time.now().plus(Duration.ofHours(2)));
                Map<String, Object> variables = new LinkedHashMap<>();
                variables.put("minutes", DemoApi.value("听取各单位本阶段创建工作和整改案件办理情况汇报，通报超期未办结案件，"
                        + "研究部署下阶段重点整治任务。会议要求各单位对照议程所列问题逐项落实，按期办结。"));
                variables.put("attendees", Map.of("type", "Json", "value", attendees(task)));
                String code = (String) runtimeService.getVariable(task.getProcessInstanceId(), "campaignCode");
                boolean namesUnits = Boolean.TRUE.equals(runtimeService.getVariable(task.getProcessInstanceId(), "hasNamedUnits"));
                if ("JT-DEMO".equals(code) && namesUnits && !decisionsRecorded) {
                    LocalDate today = LocalDate.ofInstant(time.now(), zone);
                    LocalDate week = calendar.workingDayFrom(today.plusDays(7));
                    LocalDate fortnight = calendar.workingDayFrom(today.plusDays(14));
                    variables.put("decisions", DemoApi.value("城管中队 ｜ 清理九亭大街 300 号沿街暴露垃圾 ｜ " + DAY.format(week)
                            + " ｜ 暴露垃圾 ｜ 九亭大街 300 号\n环卫所 ｜ 落实涞坊路沿线果壳箱每日清洗制度 ｜ " + DAY.format(fortnight)));
                    decisionsRecorded = true;
                }
                api.complete(task, variables);
            }
        }

        /** Every unit the record form offers attended. */
        private String attendees(Task task) {
            List<String> ids = new ArrayList<>();
            try {
                Object options = runtimeService.getVariable(task.getProcessInstanceId(), "unitOptions");
                for (JsonNode option : json.readTree(String.valueOf(options))) {
                    ids.add(option.path("value").asText());
                }
                return json.writeValueAsString(ids);
            } catch (Exception e) {
                return "[]";
            }
        }
    }
}
