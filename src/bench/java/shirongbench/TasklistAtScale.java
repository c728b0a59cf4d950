package shirongbench;

import java.util.List;
import java.util.Map;

/**
 * W4: the queries Tasklist runs for a unit user (chengguan1, lead unit of the imported cases) once its unit has
 * about {@code openTasks} open tasks: the filter list with counts, the 本单位待办 page of 15 (HAL, as Tasklist asks for
 * it), that filter's count and the task count by candidate group.
 */
final class TasklistAtScale {

    record Result(long openTasks, Map<String, Double> p95Ms, Http.Calls calls) {
    }

    static final List<String> QUERIES = List.of("过滤器列表（含数量）", "本单位待办 第 1 页（15 条）", "过滤器计数", "按候选组计数");

    private TasklistAtScale() {
    }

    static Result run(App app, long openTasks, int samples) {
        String user = app.user("chengguan1");
        String filterId = unitFilter(app, user);
        app.http.take();
        for (int i = 0; i < samples; i++) {
            app.http.get(QUERIES.get(0), user, app.password(), "/engine-rest/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=100");
            app.http.postHal(QUERIES.get(1), user, app.password(), "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                    "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}");
            app.http.get(QUERIES.get(2), user, app.password(), "/engine-rest/filter/" + filterId + "/count");
            app.http.get(QUERIES.get(3), user, app.password(), "/engine-rest/task/count?candidateGroup=chengguan");
        }
        Http.Calls calls = app.http.take();
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
