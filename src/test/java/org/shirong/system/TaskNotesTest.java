package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.shirong.campaign.WorkAssignmentProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A task's notes (备注, Tasklist's "添加备注" and 历史 tab): a unit's staff add and read the notes of their own unit's task
 * (without reading any history), not of another unit's (403) nor another organisation's (as a task that never existed);
 * a note goes only to its task's own process instance, and its text is checked (400 naming 备注).
 */
@ShirongWebTest
@SharesSpringContext
class TaskNotesTest {

    private static final String MISSING = "no-such-id";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @LocalServerPort
    int port;

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    private static String note(String message) {
        return "{\"message\":\"" + message + "\"}";
    }

    private ResponseEntity<String> addNote(String user, String taskId, String body) {
        return as(user).postForEntity("/engine-rest/task/" + taskId + "/comment/create", JiutingWork.json(body), String.class);
    }

    @Test
    void aUnitsStaffAddAndReadNotesOfTheirOwnTaskWithoutReadingItsHistory() {
        Task task = JiutingWork.assign(runtimeService, taskService, "chengguan", "清理乱堆物（备注）");

        ResponseEntity<String> added = addNote("chengguan1", task.getId(), note("已联系店主，明天上午清理。"));
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(added.getBody()).contains("已联系店主", "\"userId\":\"chengguan1\"");
        ResponseEntity<String> read = as("chengguan1").getForEntity("/engine-rest/task/" + task.getId() + "/comment", String.class);
        assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).contains("已联系店主");

        WebappSession tasklist = WebappSession.login(port, "chengguan1", "demo");
        HttpResponse<String> inTasklist = tasklist.post("/task/" + task.getId() + "/comment/create", note("下午复查。"));
        assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(200);
        assertThat(tasklist.get("/task/" + task.getId() + "/comment").body()).contains("已联系店主", "下午复查。");

        // no history read was widened: the unit still sees none of the task's history
        assertThat(as("chengguan1").getForEntity("/engine-rest/history/task?maxResults=10&taskId=" + task.getId(), String.class).getBody())
                .isEqualTo("[]");
        assertThat(as("chengguan1").getForEntity("/engine-rest/history/process-instance?maxResults=10&processInstanceId="
                + task.getProcessInstanceId(), String.class).getBody()).isEqualTo("[]");
        assertThat(taskService.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
                .containsExactlyInAnyOrder("已联系店主，明天上午清理。", "下午复查。");

        // once the task is done its notes are history: the office reads them, the unit no longer (as before)
        taskService.complete(task.getId(), Map.of(WorkAssignmentProcess.VAR_HANDLING_RESULT, "已清理",
                WorkAssignmentProcess.VAR_HANDLED, true));
        ResponseEntity<String> office = as("chuangban1").getForEntity("/engine-rest/task/" + task.getId() + "/comment", String.class);
        assertThat(office.getStatusCode()).as(office.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(office.getBody()).contains("已联系店主", "下午复查。");
        ResponseEntity<String> unit = as("chengguan1").getForEntity("/engine-rest/task/" + task.getId() + "/comment", String.class);
        assertThat(unit.getStatusCode()).as(unit.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(addNote("chengguan1", task.getId(), note("补记")).getStatusCode().is4xxClientError()).isTrue();
    }

    /**
     * Each note names its writer ({@code userName}, as organization.yaml names them) beside the login id, for Tasklist's
     * 历史 tab: also a writer the reader may not look up in the user directory (绿容所's 何巡查员, who wrote while the task
     * was still 绿容所's).
     */
    @Test
    void eachNoteNamesItsWriter() {
        Task task = JiutingWork.assign(runtimeService, taskService, "lvrong", "清理乱堆物（备注署名）");
        assertThat(addNote("lvrong1", task.getId(), note("绿容所已移走花箱。")).getStatusCode()).isEqualTo(HttpStatus.OK);
        taskService.deleteCandidateGroup(task.getId(), "lvrong");
        taskService.addCandidateGroup(task.getId(), "chengguan");

        ResponseEntity<String> added = addNote("chengguan1", task.getId(), note("已联系店主。"));
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(added.getBody()).contains("\"userId\":\"chengguan1\"", "\"userName\":\"张队长\"");
        assertThat(as("chengguan2").getForEntity("/engine-rest/user/lvrong1/profile", String.class).getStatusCode())
                .as("not in the clerk's user directory").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("chengguan2").getForObject("/engine-rest/task/" + task.getId() + "/comment", List.class))
                .extracting(n -> ((Map<?, ?>) n).get("userId") + " " + ((Map<?, ?>) n).get("userName"))
                .containsExactlyInAnyOrder("lvrong1 何巡查员", "chengguan1 张队长");
        assertThat(WebappSession.login(port, "chengguan2", "demo").get("/task/" + task.getId() + "/comment").body())
                .contains("\"userName\":\"何巡查员\"", "\"userName\":\"张队长\"");
    }

    @Test
    void anotherUnitsTaskIsRefusedAndAnotherOrganisationsIsAnsweredAsUnknown() {
        Task task = JiutingWork.assign(runtimeService, taskService, "chengguan", "清理乱堆物（他人备注）");
        taskService.createComment(task.getId(), task.getProcessInstanceId(), "城管中队的内部备注");

        ResponseEntity<String> otherUnit = addNote("lvrong1", task.getId(), note("不是我们的任务"));
        assertThat(otherUnit.getStatusCode()).as(otherUnit.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherUnit.getBody()).contains(EngineConflictAnswers.forbiddenTask(List.of("城管中队")));
        ResponseEntity<String> otherUnitReads = as("lvrong1").getForEntity("/engine-rest/task/" + task.getId() + "/comment",
                String.class);
        // secreview-s55 I2: another unit's task is unknown to a read, as to its plain GET (not a 403 that tells it exists)
        assertThat(otherUnitReads.getStatusCode()).as(otherUnitReads.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherUnitReads.getBody()).doesNotContain("内部备注");
        assertThat(otherUnitReads.getBody().replace(task.getId(), MISSING)).isEqualTo(as("lvrong1")
                .getForEntity("/engine-rest/task/" + MISSING + "/comment", String.class).getBody());

        ResponseEntity<String> otherOrganisation = addNote("jxshuili1", task.getId(), note("锦溪的备注"));
        ResponseEntity<String> missing = addNote("jxshuili1", MISSING, note("锦溪的备注"));
        assertThat(otherOrganisation.getStatusCode()).isEqualTo(missing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(otherOrganisation.getBody()).isEqualTo(missing.getBody());
        ResponseEntity<String> otherOrganisationReads = as("jxshuili1").getForEntity(
                "/engine-rest/task/" + task.getId() + "/comment", String.class);
        ResponseEntity<String> missingReads = as("jxshuili1").getForEntity("/engine-rest/task/" + MISSING + "/comment", String.class);
        assertThat(otherOrganisationReads.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherOrganisationReads.getBody().replace(task.getId(), MISSING)).isEqualTo(missingReads.getBody());

        assertThat(taskService.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
                .containsExactly("城管中队的内部备注");
    }

    /**
     * A note is changed or deleted by whoever wrote it: the unit changes and deletes its own (it was told the task was
     * gone, 409, as it could not look the task up in the history), and is refused the office's note on its task with a
     * 403 naming its writer, which stays as it was; another organisation is answered as for a task that does not exist.
     */
    @Test
    void onlyItsWriterChangesOrDeletesANote() {
        Task task = JiutingWork.assign(runtimeService, taskService, "chengguan", "清理乱堆物（改备注）");
        assertThat(addNote("chuangban1", task.getId(), note("办公室：请周五前完成。")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(addNote("chengguan1", task.getId(), note("已联系店主。")).getStatusCode()).isEqualTo(HttpStatus.OK);
        String office = noteId(task, "chuangban1");
        String own = noteId(task, "chengguan1");

        ResponseEntity<String> changed = change("chengguan1", task.getId(), own, "已联系店主，明天清理。");
        assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        for (ResponseEntity<String> refused : List.of(change("chengguan1", task.getId(), office, "改成下周"),
                as("chengguan1").exchange("/engine-rest/task/" + task.getId() + "/comment/" + office, HttpMethod.DELETE, null, String.class),
                as("chengguan1").exchange("/engine-rest/task/" + task.getId() + "/comment", HttpMethod.DELETE, null, String.class))) {
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).contains("这条备注由戴所长（chuangban1）记录，只有记录人可以修改或删除");
        }
        ResponseEntity<String> otherOrganisation = change("jxshuili1", task.getId(), office, "锦溪改的");
        ResponseEntity<String> missing = change("jxshuili1", MISSING, office, "锦溪改的");
        assertThat(otherOrganisation.getStatusCode()).isEqualTo(missing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(otherOrganisation.getBody()).isEqualTo(missing.getBody()).doesNotContain("戴所长");
        assertThat(taskService.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
                .containsExactlyInAnyOrder("办公室：请周五前完成。", "已联系店主，明天清理。");

        ResponseEntity<String> deleted = as("chengguan1").exchange("/engine-rest/task/" + task.getId() + "/comment/" + own,
                HttpMethod.DELETE, null, String.class);
        assertThat(deleted.getStatusCode()).as(deleted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
                .containsExactly("办公室：请周五前完成。");
        ResponseEntity<String> gone = change("chengguan1", task.getId(), own, "再改一次");
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(gone.getBody()).contains("没有这条备注，或它已被删除");
    }

    private String noteId(Task task, String writer) {
        return taskService.getTaskComments(task.getId()).stream().filter(c -> writer.equals(c.getUserId())).findFirst()
                .orElseThrow().getId();
    }

    private ResponseEntity<String> change(String user, String taskId, String noteId, String message) {
        return as(user).exchange("/engine-rest/task/" + taskId + "/comment", HttpMethod.PUT,
                JiutingWork.json("{\"id\":\"" + noteId + "\",\"message\":\"" + message + "\"}"), String.class);
    }

    /**
     * 松江区 oversees 九亭镇: its office (READ, SUPERVISE) and its leaders (READ only) read the notes of a 九亭 task, but
     * write none, by the task or by its process instance; the district supervises through its own channel (督办). A note
     * without a writer (one the process wrote) is read with no name.
     */
    @Test
    void theDistrictReadsATownsNotesButWritesNone() {
        Task task = JiutingWork.assign(runtimeService, taskService, "chengguan", "清理乱堆物（区看备注）");
        taskService.createComment(task.getId(), task.getProcessInstanceId(), "城管中队已到场");
        ResponseEntity<String> unsigned = as("chuangban1").getForEntity("/engine-rest/task/" + task.getId() + "/comment", String.class);
        assertThat(unsigned.getStatusCode()).as("a note no one signed (written by the process): " + unsigned.getBody())
                .isEqualTo(HttpStatus.OK);
        assertThat(unsigned.getBody()).contains("城管中队已到场", "\"userId\":null", "\"userName\":null");
        for (String user : List.of("sjshirongban1", "sjlingdao1")) {
            ResponseEntity<String> read = as(user).getForEntity("/engine-rest/task/" + task.getId() + "/comment", String.class);
            assertThat(read.getStatusCode()).as(user + ": " + read.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(read.getBody()).contains("城管中队已到场");

            ResponseEntity<String> written = addNote(user, task.getId(), note("区里看过"));
            assertThat(written.getStatusCode()).as(user + ": " + written.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(written.getBody()).contains("您不属于该任务所在的组织，不能在该组织添加备注");
            ResponseEntity<String> byInstance = as(user).postForEntity("/engine-rest/task/" + task.getId() + "/comment/create",
                    JiutingWork.json("{\"message\":\"区里看过\",\"processInstanceId\":\"" + task.getProcessInstanceId() + "\"}"),
                    String.class);
            assertThat(byInstance.getStatusCode()).as(user + ": " + byInstance.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(WebappSession.login(port, "sjlingdao1", "demo").post("/task/" + task.getId() + "/comment/create",
                note("区里看过")).statusCode()).isEqualTo(403);
        assertThat(taskService.getTaskComments(task.getId())).extracting(Comment::getFullMessage).containsExactly("城管中队已到场");
        assertThat(addNote("chengguan1", task.getId(), note("已清理")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aNoteGoesOnlyToItsTasksOwnProcessInstance() {
        Task own = JiutingWork.assign(runtimeService, taskService, "chengguan", "清理乱堆物（本任务）");
        Task other = JiutingWork.assign(runtimeService, taskService, "lvrong", "清理乱堆物（另一流程）");
        String jinxiInstance = runtimeService.createProcessInstanceByKey(WorkAssignmentProcess.KEY).processDefinitionTenantId("jinxi")
                .setVariables(Map.of(WorkAssignmentProcess.VAR_TITLE, "清淤", WorkAssignmentProcess.VAR_UNIT_GROUP, "jxshuili",
                        WorkAssignmentProcess.VAR_REQUIREMENT, "本周内完成", WorkAssignmentProcess.VAR_DUE_DATE, "2026-12-01"))
                .execute().getId();

        for (List<String> attempt : List.of(List.of("chengguan1", own.getId(), other.getProcessInstanceId()),
                List.of("chuangban1", other.getId(), jinxiInstance))) {
            ResponseEntity<String> smuggled = addNote(attempt.get(0), attempt.get(1),
                    "{\"message\":\"记到别的流程\",\"processInstanceId\":\"" + attempt.get(2) + "\"}");
            assertThat(smuggled.getStatusCode()).as("%s: %s", attempt, smuggled.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(smuggled.getBody()).contains("备注只能记在任务所属的流程上");
            assertThat(taskService.getProcessInstanceComments(attempt.get(2))).isEmpty();
        }
        ResponseEntity<String> ownInstance = addNote("chengguan1", own.getId(),
                "{\"message\":\"记在本流程\",\"processInstanceId\":\"" + own.getProcessInstanceId() + "\"}");
        assertThat(ownInstance.getStatusCode()).as(ownInstance.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(taskService.getProcessInstanceComments(own.getProcessInstanceId())).extracting(Comment::getFullMessage)
                .containsExactly("记在本流程");
    }

    @Test
    void aNoteWithControlCharactersOrOverTwoThousandCharactersIsRefusedNamingIt() {
        Task task = JiutingWork.assign(runtimeService, taskService, "chengguan", "清理乱堆物（备注检查）");
        Map<String, String> refused = Map.of(
                note("字".repeat(TaskCommentGuard.MAX_LENGTH + 1)), "不能超过 2000 个字",
                note("响铃\\u0007"), "控制字符",
                note("\\u200b "), "不能为空");
        for (String user : List.of("chengguan1", "chuangban1")) {
            refused.forEach((body, reason) -> {
                ResponseEntity<String> answer = addNote(user, task.getId(), body);
                assertThat(answer.getStatusCode()).as("%s %s: %s", user, reason, answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(answer.getBody()).contains("备注", reason);
            });
        }
        assertThat(taskService.getTaskComments(task.getId())).isEmpty();
        ResponseEntity<String> twoLines = addNote("chengguan1", task.getId(), note("第一行\\n" + "字".repeat(1995)));
        assertThat(twoLines.getStatusCode()).as(twoLines.getBody()).isEqualTo(HttpStatus.OK);

        // the office may still change a note (Camunda's own PUT), with the same check of its text
        String id = taskService.getTaskComments(task.getId()).get(0).getId();
        ResponseEntity<String> overlong = as("chuangban1").exchange("/engine-rest/task/" + task.getId() + "/comment",
                HttpMethod.PUT, JiutingWork.json("{\"id\":\"" + id + "\",\"message\":\"" + "字".repeat(2001) + "\"}"), String.class);
        assertThat(overlong.getStatusCode()).as(overlong.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(overlong.getBody()).contains("备注", "不能超过 2000 个字");
        assertThat(taskService.getTaskComment(task.getId(), id).getFullMessage()).startsWith("第一行\n");
    }
}
