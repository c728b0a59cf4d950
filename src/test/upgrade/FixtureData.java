import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fills a running single-organisation Shirong (Flyway V21) with the data its users would have made,
 * through its HTTP API only (as make-fixture.sh runs it; not part of the test suite):
 * <pre>java -cp &lt;test classpath&gt; FixtureData.java &lt;base url&gt; &lt;admin password&gt; &lt;user password&gt; [set-passwords]</pre>
 * With {@code set-passwords} (the production profile has no demo passwords) the admin first gives the
 * users it acts as the user password, as an operator would. Prints the case numbers with their intended
 * state as {@code CASE <no> <label>} lines, which the script puts into the fixture's README.
 */
public class FixtureData {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    /** Evidence photos: small real PNGs (before: grey, after: green), as a phone would send much larger ones. */
    static final byte[] PNG_BEFORE = png(0x808080);
    static final byte[] PNG_AFTER = png(0x2E8B57);
    static final List<String> USERS = List.of("lvrong1", "huanwei1", "chengguan1", "nongfu1", "chuangban1", "lingdao1", "ducha2");

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String base;
    final String adminPassword;
    final String userPassword;
    final Map<String, String> cases = new TreeMap<>();

    FixtureData(String base, String adminPassword, String userPassword) {
        this.base = base;
        this.adminPassword = adminPassword;
        this.userPassword = userPassword;
    }

    public static void main(String[] args) throws Exception {
        FixtureData data = new FixtureData(args[0], args[1], args[2]);
        if (args.length > 3 && args[3].equals("set-passwords")) {
            data.setPasswords();
        }
        data.run();
    }

    void setPasswords() throws Exception {
        for (String user : USERS) {
            call("admin", "PUT", "/engine-rest/user/" + user + "/credentials",
                    "{\"password\":\"" + userPassword + "\",\"authenticatedUserPassword\":\"" + adminPassword + "\"}", 204);
        }
    }

    void run() throws Exception {
        LocalDate today = LocalDate.now(ZONE);

        // Cases as the town's patrol (绿容所) reports them; the decision table picks the lead unit.
        String fresh = report("九亭大街 88 号路口暴露垃圾", "EXPOSED_GARBAGE", "NORMAL", "九亭大街 88 号", "V21-01");
        String claimed = report("沪亭北路绿化带缺株", "GREEN_SPACE_MAINTENANCE", "NORMAL", "沪亭北路 200 号", "V21-02");
        String awaiting = report("涞寅路沿街垃圾桶满溢", "EXPOSED_GARBAGE", "URGENT", "涞寅路 120 号", "V21-03");
        String closed = report("易富路乱堆物", "EXPOSED_GARBAGE", "NORMAL", "易富路 35 号", "V21-04");
        String returned = report("九新公路绿地垃圾", "EXPOSED_GARBAGE", "NORMAL", "九新公路 66 号", "V21-05");
        String extension = report("九亭中心路补种行道树", "GREEN_SPACE_MAINTENANCE", "NORMAL", "九亭中心路 8 号", "V21-06");
        String extended = report("九杜路绿化带枯死", "GREEN_SPACE_MAINTENANCE", "NORMAL", "九杜路 18 号", "V21-07");
        String suspended = report("伴亭路违章搭建影响绿化", "GREEN_SPACE_MAINTENANCE", "NORMAL", "伴亭路 9 号", "V21-08");
        String rework = report("南洋路沿街污渍", "EXPOSED_GARBAGE", "NORMAL", "南洋路 77 号", "V21-09");
        String overdue = report("华谊路暴露垃圾", "EXPOSED_GARBAGE", "NORMAL", "华谊路 5 号", "V21-10");

        claim(claimed);
        claim(awaiting);
        rectify(awaiting, true);
        claim(closed);
        rectify(closed, true);
        verify(closed, "pass", "现场已整洁");
        complete(returned, "Task_ClaimCase", unitUser(returned), vars("claimDecision", "return", "returnReason", "属于绿化养护，请改派"));
        claim(extension);
        String due1 = ZonedDateTime.of(today.plusDays(30), java.time.LocalTime.of(17, 0), ZONE).format(REST_DATE);
        complete(extension, "Task_RectifyProblem", unitUser(extension), vars("rectifyAction", "extension",
                "extensionReason", "苗木需采购", "extensionDue", date(due1)));
        claim(extended);
        complete(extended, "Task_RectifyProblem", unitUser(extended), vars("rectifyAction", "extension",
                "extensionReason", "等待雨季过后补种", "extensionDue", date(due1)));
        complete(extended, "Task_ApproveExtension", "chuangban1", vars("extensionApproved", "yes", "decisionComment", "同意延期"));
        claim(suspended);
        complete(suspended, "Task_RectifyProblem", unitUser(suspended), vars("rectifyAction", "suspension", "suspensionReason", "涉及产权纠纷"));
        complete(suspended, "Task_ApproveSuspension", "lingdao1", vars("suspensionApproved", "yes", "decisionComment", "同意挂账"));
        claim(rework);
        rectify(rework, true);
        verify(rework, "fail", "墙面仍有污渍");
        claim(overdue);
        fireTimer(overdue, "BoundaryEvent_WarningReached");
        fireTimer(overdue, "BoundaryEvent_DeadlineReached");
        fireTimer(overdue, "BoundaryEvent_EscalationReached");

        note(fresh, "DISPATCHED 待认领 (认领案件 open)");
        note(claimed, "IN_RECTIFICATION 已认领 (整改问题 open)");
        note(awaiting, "AWAITING_VERIFICATION 待核查, photos BEFORE+AFTER");
        note(closed, "CLOSED 已结案, photos BEFORE+AFTER");
        note(returned, "DISPATCHED 已回退 (重新派遣案件 open for chuangban)");
        note(extension, "IN_RECTIFICATION 延期申请待审批 (审批延期申请 open)");
        note(extended, "IN_RECTIFICATION 延期已批准 (extension row, 整改问题 open)");
        note(suspended, "SUSPENDED 已挂账 (恢复整改 open)");
        note(rework, "IN_RECTIFICATION 核查未通过返工 (reworkCount 1, photos round 1)");
        note(overdue, "IN_RECTIFICATION 黄灯、超期、通报 (督办超期案件 open)");

        importCases();
        campaigns(today);
        inbox();
        scores(today);
        filter();
        awaitNoRunnableJobs();
        cases.forEach((no, label) -> System.out.println("CASE " + no + " " + label));
    }

    String report(String title, String category, String urgency, String address, String ref) throws Exception {
        JsonNode created = call("lvrong1", "POST", "/api/cases", """
                {"title":%s,"category":%s,"urgency":%s,"source":"PATROL","location":{"address":%s,"lat":31.13,"lng":121.32},
                 "description":"巡查发现","externalRef":%s}""".formatted(q(title), q(category), q(urgency), q(address), q(ref)), 201);
        return created.get("caseNo").asText();
    }

    void note(String caseNo, String label) {
        cases.put(caseNo, label);
    }

    String unitUser(String caseNo) throws Exception {
        return call("admin", "GET", "/api/cases/" + caseNo, null, 200).get("record").get("leadUnit").asText() + "1";
    }

    void claim(String caseNo) throws Exception {
        complete(caseNo, "Task_ClaimCase", unitUser(caseNo), vars("claimDecision", "claim"));
    }

    void rectify(String caseNo, boolean withBefore) throws Exception {
        ObjectNode v = vars("rectifyAction", "submit", "measures", "已清理并冲洗地面");
        if (withBefore) {
            v.set("photoBefore", file("before.png", PNG_BEFORE));
        }
        v.set("photoAfter", file("after.png", PNG_AFTER));
        complete(caseNo, "Task_RectifyProblem", unitUser(caseNo), v);
    }

    void verify(String caseNo, String result, String comment) throws Exception {
        complete(caseNo, "Task_VerifyRectification", "ducha2", vars("verificationResult", result, "verificationComment", comment));
    }

    void complete(String businessKey, String taskKey, String user, ObjectNode variables) throws Exception {
        String taskId = task(businessKey, taskKey);
        ObjectNode body = json.createObjectNode();
        body.set("variables", variables);
        call(user, "POST", "/engine-rest/task/" + taskId + "/complete", body.toString(), 204);
    }

    String task(String businessKey, String taskKey) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode tasks = call("admin", "GET", "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + enc(businessKey)
                    + "&taskDefinitionKey=" + taskKey, null, 200);
            if (tasks.size() > 0) {
                return tasks.get(0).get("id").asText();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no task " + taskKey + " for " + businessKey);
    }

    /** Runs a timer now, as the job executor would at its due time (the clock cannot move in a real run). */
    void fireTimer(String caseNo, String activityId) throws Exception {
        String pi = call("admin", "GET", "/engine-rest/process-instance?maxResults=10&businessKey=" + enc(caseNo)
                + "&processDefinitionKey=RectificationProcess", null, 200).get(0).get("id").asText();
        JsonNode jobs = call("admin", "GET", "/engine-rest/job?maxResults=50&processInstanceId=" + pi + "&activityId=" + activityId, null, 200);
        call("admin", "POST", "/engine-rest/job/" + jobs.get(0).get("id").asText() + "/execute", null, 204);
    }

    void importCases() throws Exception {
        String csv = "\uFEFFexternalRef,category,title,location,description,urgency,source\n"
                + "V21-IMP-1,EXPOSED_GARBAGE,满意度测评：九亭大街垃圾,九亭大街 10 号,测评点位,NORMAL,SURVEY\n"
                + "V21-IMP-2,GREEN_SPACE_MAINTENANCE,满意度测评：绿化缺株,沪亭北路 18 号,测评点位,NORMAL,SURVEY\n"
                + "V21-IMP-3,EXPOSED_GARBAGE,满意度测评：小区门口垃圾,九亭中心路 300 号,\"测评点位, 东门\",URGENT,SURVEY\n";
        String boundary = "----v21fixture";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"测评问题.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = request("chuangban1", "/api/cases/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        JsonNode result = send(request, 200);
        System.out.println("import: " + result);
        JsonNode list = call("chuangban1", "GET", "/api/cases?size=200", null, 200).get("items");
        for (JsonNode c : list) {
            String ref = c.path("externalRef").asText("");
            if (ref.startsWith("V21-IMP-")) {
                note(c.get("caseNo").asText(), c.get("status").asText() + " 导入 " + ref);
            }
        }
    }

    void campaigns(LocalDate today) throws Exception {
        Map<String, String> templates = new TreeMap<>(Map.of(
                "jiuting-2023-standard-town", "V21-JT", "jinxi-2017-931", "V21-JX", "songjiang-2024-satisfaction", "V21-SJ"));
        for (var t : templates.entrySet()) {
            JsonNode created = call("chuangban1", "POST", "/api/campaigns", """
                    {"template":%s,"code":%s,"name":%s,"dates":{"start":%s}}""".formatted(q(t.getKey()), q(t.getValue()),
                    q("升级测试活动 " + t.getValue()), q(today.toString())), 201);
            System.out.println("campaign " + t.getValue() + ": " + created.path("campaign").path("statusName").asText());
        }
        // Phase 1 starts today: its tasks are issued by the job executor.
        String organise = awaitCampaignTask("V21-JT", "chuangban");
        call("chuangban1", "POST", "/engine-rest/task/" + organise + "/complete",
                "{\"variables\":{\"result\":{\"value\":\"已成立创建工作领导小组和办公室\"}}}", 204);

        // The 九亭 template's 工作例会 (MEETING) and 月度工作报告 (REPORT, scores) cycles, run now instead of at their cron time.
        String pi = call("admin", "GET", "/engine-rest/process-instance?maxResults=10&businessKey=V21-JT&processDefinitionKey=CampaignProcess",
                null, 200).get(0).get("id").asText();
        for (String cycle : List.of("jointMeeting", "monthlyReport")) {
            String jobId = cycleJob(pi, cycle);
            call("admin", "POST", "/engine-rest/job/" + jobId + "/execute", null, 204);
        }
        String meeting = awaitTask("JointMeetingProcess", "Task_HoldMeeting");
        ObjectNode v = vars("minutes", "听取各单位创建工作汇报，研究九亭大街、涞寅路整治。",
                "decisions", "城管中队 ｜ 清理九亭大街 99 号暴露垃圾 ｜ " + today.plusDays(7) + " ｜ 暴露垃圾 ｜ 九亭大街 99 号\n"
                        + "环卫所\t加密涞寅路保洁频次\t" + today.plusDays(14) + "\n");
        ObjectNode attendees = json.createObjectNode();
        attendees.put("value", "[\"chengguan\",\"huanwei\",\"lvrong\"]");
        attendees.put("type", "Json");
        v.set("attendees", attendees);
        ObjectNode body = json.createObjectNode();
        body.set("variables", v);
        call("chuangban1", "POST", "/engine-rest/task/" + meeting + "/complete", body.toString(), 204);
        for (int attempt = 0; attempt < 100 && !cases.containsValue(MEETING_CASE); attempt++) {
            for (JsonNode c : call("chuangban1", "GET", "/api/cases?size=200", null, 200).get("items")) {
                if ("MEETING".equals(c.path("source").asText())) {
                    note(c.get("caseNo").asText(), MEETING_CASE);
                }
            }
            Thread.sleep(300);
        }
    }

    static final String MEETING_CASE = "DISPATCHED 工作例会决定事项 (source MEETING, lead chengguan by the meeting)";

    /** The cycle's timer: the variable cycleId sits on the cycle's sub-process instance, the timer waits inside it. */
    String cycleJob(String campaignPi, String cycle) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode variables = call("admin", "GET", "/engine-rest/variable-instance?maxResults=50&variableName=cycleId&processInstanceIdIn="
                    + campaignPi, null, 200);
            JsonNode tree = call("admin", "GET", "/engine-rest/process-instance/" + campaignPi + "/activity-instances", null, 200);
            JsonNode jobs = call("admin", "GET", "/engine-rest/job?maxResults=50&processInstanceId=" + campaignPi
                    + "&activityId=TimerEvent_CycleDue", null, 200);
            for (JsonNode variable : variables) {
                if (!cycle.equals(variable.path("value").asText())) {
                    continue;
                }
                List<String> executions = new ArrayList<>();
                timerExecutions(tree, variable.path("activityInstanceId").asText(), false, executions);
                for (JsonNode job : jobs) {
                    if (executions.contains(job.get("executionId").asText())) {
                        return job.get("id").asText();
                    }
                }
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("no timer for cycle " + cycle);
    }

    static void timerExecutions(JsonNode instance, String cycleInstanceId, boolean inside, List<String> found) {
        boolean in = inside || cycleInstanceId.equals(instance.path("id").asText());
        if (in && "TimerEvent_CycleDue".equals(instance.path("activityId").asText())) {
            instance.path("executionIds").forEach(e -> found.add(e.asText()));
        }
        for (JsonNode child : instance.path("childActivityInstances")) {
            timerExecutions(child, cycleInstanceId, in, found);
        }
    }

    String awaitCampaignTask(String code, String group) throws Exception {
        for (int attempt = 0; attempt < 150; attempt++) {
            JsonNode tasks = call("admin", "GET", "/engine-rest/task?maxResults=100&processDefinitionKey=CampaignTaskProcess&candidateGroup=" + group
                    + "&sortBy=created&sortOrder=asc", null, 200);
            for (JsonNode t : tasks) {
                JsonNode campaign = call("admin", "GET", "/engine-rest/task/" + t.get("id").asText() + "/variables/campaignCode", null, -1);
                if (campaign != null && code.equals(campaign.path("value").asText())) {
                    return t.get("id").asText();
                }
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("no campaign task of " + code + " for " + group);
    }

    String awaitTask(String processKey, String taskKey) throws Exception {
        for (int attempt = 0; attempt < 150; attempt++) {
            JsonNode tasks = call("admin", "GET", "/engine-rest/task?maxResults=10&processDefinitionKey=" + processKey + "&taskDefinitionKey=" + taskKey, null, 200);
            if (tasks.size() > 0) {
                return tasks.get(0).get("id").asText();
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("no task " + taskKey + " of " + processKey);
    }

    void inbox() throws Exception {
        JsonNode messages = call("huanwei1", "GET", "/api/notifications?limit=50", null, 200);
        System.out.println("inbox huanwei1: " + messages.size());
        if (messages.size() > 0) {
            call("huanwei1", "POST", "/api/notifications/" + messages.get(0).get("id").asText() + "/read", null, 204);
        }
    }

    void scores(LocalDate today) throws Exception {
        for (String period : List.of(today.toString().substring(0, 7), today.minusMonths(1).toString().substring(0, 7))) {
            JsonNode scores = call("lingdao1", "GET", "/api/scores?period=" + period, null, 200);
            System.out.println("scores " + period + ": " + scores.toString().substring(0, Math.min(200, scores.toString().length())));
        }
    }

    void filter() throws Exception {
        String filter = """
                {"resourceType":"Task","name":"环卫所整改案件","owner":"huanwei1",
                 "query":{"candidateGroups":["huanwei"],"processDefinitionKey":"RectificationProcess","sorting":[{"sortBy":"dueDate","sortOrder":"asc"}]},
                 "properties":{"description":"本单位的整改案件，按期限排列","priority":10,"refresh":true}}""";
        HttpResponse<String> created = raw("huanwei1", "POST", "/engine-rest/filter/create", filter);
        if (created.statusCode() != 200) {
            // Units may not create filters (only the seeded ones): the administrator creates it for huanwei1.
            System.out.println("filter by huanwei1: " + created.statusCode() + "; created by admin");
            call("admin", "POST", "/engine-rest/filter/create", filter, 200);
        }
    }

    /** Waits until the job executor has done every job that is due (async steps, the timers that are due today). */
    void awaitNoRunnableJobs() throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            JsonNode count = call("admin", "GET", "/engine-rest/job/count?executable=true&withRetriesLeft=true", null, 200);
            if (count.get("count").asLong() == 0) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("jobs still runnable after 60 s");
    }

    ObjectNode vars(Object... pairs) {
        ObjectNode v = json.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] instanceof ObjectNode node) {
                v.set((String) pairs[i], node);
            } else {
                v.putObject((String) pairs[i]).put("value", (String) pairs[i + 1]);
            }
        }
        return v;
    }

    ObjectNode date(String value) {
        ObjectNode d = json.createObjectNode();
        d.put("value", value);
        d.put("type", "Date");
        return d;
    }

    ObjectNode file(String name, byte[] content) {
        ObjectNode f = json.createObjectNode();
        f.put("type", "File");
        f.put("value", Base64.getEncoder().encodeToString(content));
        f.putObject("valueInfo").put("filename", name).put("mimetype", "image/png");
        return f;
    }

    JsonNode call(String user, String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = raw(user, method, path, body);
        if (expected == -1) {
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(user + " " + method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }

    HttpResponse<String> raw(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = request(user, path).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    HttpRequest.Builder request(String user, String path) {
        String password = user.equals("admin") ? adminPassword : userPassword;
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + auth);
    }

    static byte[] png(int rgb) {
        try {
            var image = new java.awt.image.BufferedImage(16, 12, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 16; x++) {
                for (int y = 0; y < 12; y++) {
                    image.setRGB(x, y, (x + y) % 5 == 0 ? 0xFFFFFF : rgb);
                }
            }
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
