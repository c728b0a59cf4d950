package org.shirong.demo;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Shirong's HTTP API as the demo users use it: {@code /api/…} and the engine REST API Tasklist calls, each request
 * with the user's own HTTP Basic credentials, so that every check (authorization, form validation) applies.
 */
final class DemoApi {

    private final RestClient http;
    private final String password;
    private final IdentityService identityService;
    private final TaskService taskService;

    DemoApi(String baseUrl, String password, IdentityService identityService, TaskService taskService) {
        this.http = RestClient.builder().baseUrl(baseUrl).build();
        this.password = password;
        this.identityService = identityService;
        this.taskService = taskService;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> post(String user, String path, Object body) {
        return http.post().uri(path).headers(h -> h.setBasicAuth(user, password)).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Map.class);
    }

    /** Completes a task as the first member (by id) of its candidate group, or as its assignee. */
    void complete(Task task, Map<String, Object> variables) {
        http.post().uri("/engine-rest/task/{id}/complete", task.getId()).headers(h -> h.setBasicAuth(worker(task), password))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables)).retrieve().toBodilessEntity();
    }

    private String worker(Task task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        List<IdentityLink> links = taskService.getIdentityLinksForTask(task.getId());
        return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> memberOf(l.getGroupId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("任务 " + task.getName() + " 没有可办理的演示用户"));
    }

    /**
     * The demo user who acts for a group: its own staff (an id starting with the group's, as lingdao1 for 领导小组)
     * rather than a unit head who also sits in it, else its first member by id.
     */
    String memberOf(String group) {
        List<User> users = identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list();
        if (users.isEmpty()) {
            throw new IllegalStateException("组 " + group + " 没有演示用户");
        }
        return users.stream().map(User::getId).filter(id -> id.startsWith(group)).findFirst().orElse(users.get(0).getId());
    }

    static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    static Map<String, Object> file(String name, byte[] content) {
        return file(name, content, "image/png");
    }

    static Map<String, Object> file(String name, byte[] content, String mimeType) {
        return Map.of("type", "File", "value", java.util.Base64.getEncoder().encodeToString(content),
                "valueInfo", Map.of("filename", name, "mimetype", mimeType));
    }

    /**
     * A blank one-page PDF, for a demo run whose Chinese font is missing (the sample is printed with it, see
     * {@code DemoSeeder}): it still opens in a PDF reader.
     */
    static byte[] blankPdf() {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
