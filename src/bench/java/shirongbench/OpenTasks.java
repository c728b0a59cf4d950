package shirongbench;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * W4's open tasks, made by the engine itself: a bench process (one user task, parallel multi-instance) is deployed
 * over REST into the organisation and started over REST as the administrator, each start opening {@code perStart}
 * tasks in one transaction — each task with its own execution, candidate-group link, the engine's per-task
 * authorization and history, as the engine writes them for any user task. Candidate groups and due dates vary per
 * start (overdue, due within a day, due later), so the due filters select part of the list as they do in use.
 */
final class OpenTasks {

    static final String PROCESS = "shirongbench_OpenTasks";
    static final String TASK = "Task_OpenWork";

    record Result(long opened, double seconds, Map<String, Long> perUnit) {
    }

    private OpenTasks() {
    }

    /**
     * Opens about {@code total} tasks in {@code tenant} (null: no tenant): {@code unitShare} of them for {@code unit}, the
     * rest spread over {@code others}.
     */
    static Result open(App app, String tenant, String unit, List<String> others, long total, double unitShare, int perStart)
            throws Exception {
        String user = app.adminUser();
        String password = app.adminPassword();
        Http.Answer deployed = app.http.postDeployment("set-up", user, password, "bench-open-tasks", tenant, PROCESS + ".bpmn",
                bpmn().getBytes(StandardCharsets.UTF_8));
        if (!deployed.ok()) {
            throw new IllegalStateException("bench process not deployed: " + deployed.status() + " " + deployed.body());
        }
        List<String> plan = new ArrayList<>();
        long starts = Math.max(1, (total + perStart - 1) / perStart);
        long unitStarts = Math.round(starts * unitShare);
        for (long i = 0; i < starts; i++) {
            plan.add(i < unitStarts || others.isEmpty() ? unit : others.get((int) (i % others.size())));
        }
        String path = "/engine-rest/process-definition/key/" + PROCESS + (tenant == null ? "" : "/tenant-id/" + tenant) + "/start";
        OffsetDateTime now = OffsetDateTime.now();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        Map<String, Long> perUnit = new LinkedHashMap<>();
        AtomicLong opened = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        long started = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            String group = plan.get(i);
            // from 10 days overdue to 30 days ahead, a few hours apart, so that each start has its own due date
            String due = now.plusHours((i * 7919L) % 960 - 240).format(format);
            perUnit.merge(group, (long) perStart, Long::sum);
            runs.add(clients.submit(() -> {
                Http.Answer answer = app.http.postJson("set-up", user, password, path, """
                        {"variables":{"unit":{"value":"%s"},"due":{"value":"%s","type":"Date"},
                         "count":{"value":%d,"type":"Integer"}}}""".formatted(group, due, perStart));
                if (!answer.ok()) {
                    throw new IllegalStateException("bench process not started: " + answer.status() + " " + answer.body());
                }
                opened.addAndGet(perStart);
                return null;
            }));
        }
        try {
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        app.http.take();
        return new Result(opened.get(), (System.nanoTime() - started) / 1e9, perUnit);
    }

    private static String bpmn() {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(PROCESS).name("待办（基准）").camundaHistoryTimeToLive(180)
                .startEvent("StartEvent_Opened").name("开始")
                .userTask(TASK).name("认领案件").camundaCandidateGroups("${unit}").camundaDueDate("${due}")
                .multiInstance().parallel().cardinality("${count}").multiInstanceDone()
                .endEvent("EndEvent_Done").name("结束")
                .done());
    }
}
