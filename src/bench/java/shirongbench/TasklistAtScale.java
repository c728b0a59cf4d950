package shirongbench;

import java.util.List;
import java.util.Map;

/**
 * W4: the queries Tasklist runs for a unit user (chengguan1, lead unit of the imported cases) once its unit has
 * about {@code openTasks} open tasks: the filter list with counts, the 本单位待办 page of 15 (HAL, as Tasklist asks for
 * it), that filter's count and the task count by candidate group. Each sample begins with the user claiming one of
 * its unit's tasks and the filter list asked right after it: Shirong keeps filter counts until the next change
 * (FilterCountCache), so that call shows what a refresh costs after a change; the calls after it are Tasklist's next
 * refresh with nothing changed in between. The claims are given back at the end.
 */
final class TasklistAtScale {

    record Result(long openTasks, Map<String, Double> p95Ms, Http.Calls calls) {
    }

    static final List<String> QUERIES = List.of("过滤器列表（含数量）", "本单位待办 第 1 页（15 条）", "过滤器计数", "按候选组计数",
            "认领后的过滤器列表（含数量）");
    private static final String FILTER_LIST = "/engine-rest/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=100";

    private TasklistAtScale() {
    }

    static Result run(App app, long openTasks, int samples) {
        String user = app.user("chengguan1");
        String filterId = unitFilter(app, user);
        List<String> toClaim = app.http.quiet(user, app.password(), "/engine-rest/task?candidateGroup=chengguan&firstResult=0&maxResults="
                + samples).list().stream().map(t -> (String) t.get("id")).toList();
        app.http.take();
        for (int i = 0; i < samples; i++) {
            if (i < toClaim.size()) {
                app.http.postJson("认领（准备，不计）", user, app.password(), "/engine-rest/task/" + toClaim.get(i) + "/claim",
                        "{\"userId\":\"chengguan1\"}");
                app.http.get(QUERIES.get(4), user, app.password(), FILTER_LIST);
            }
            app.http.get(QUERIES.get(0), user, app.password(), FILTER_LIST);
            app.http.postHal(QUERIES.get(1), user, app.password(), "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                    "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}");
            app.http.get(QUERIES.get(2), user, app.password(), "/engine-rest/filter/" + filterId + "/count");
            app.http.get(QUERIES.get(3), user, app.password(), "/engine-rest/task/count?candidateGroup=chengguan");
        }
        Http.Calls calls = app.http.take();
        for (String taskId : toClaim) {
            app.http.postJson("退回认领（收尾）", user, app.password(), "/engine-rest/task/" + taskId + "/unclaim", "{}");
        }
        app.http.take();
        Map<String, Double> p95 = new java.util.LinkedHashMap<>();
        for (String query : QUERIES) {
            p95.put(query, Http.Calls.percentileMs(calls.timings().getOrDefault(query, List.of()), 95));
        }
        return new Result(openTasks, p95, calls);
    }

    /** Shirong's 本单位待办 filter as the user sees it; the anchor gets an equivalent one (candidate group chengguan). */
    private static String unitFilter(App app, String user) {
        List<Map<String, Object>> filters = app.http.quiet(user, app.password(), "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=100").list();
        for (Map<String, Object> filter : filters) {
            if (String.valueOf(filter.get("name")).contains("本单位待办")) {
                return (String) filter.get("id");
            }
        }
        if (app.adminUser() != null) {
            throw new IllegalStateException("no 本单位待办 filter for " + user + ": " + filters);
        }
        Http.Answer created = app.http.postJson("set-up", null, null, "/engine-rest/filter/create", """
                {"resourceType":"Task","name":"本单位待办","query":{"candidateGroups":["chengguan"]},
                 "properties":{"priority":-10}}""");
        return (String) created.object().get("id");
    }
}
