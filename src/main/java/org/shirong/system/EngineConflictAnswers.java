package org.shirong.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives the engine API's answers to a lost race or a refused task action (engine REST and the API the
 * webapps use) a status and a Chinese sentence that Tasklist can show: someone else claimed the task
 * first, it was completed meanwhile, the process changed it at the same moment (409), or only the
 * task's unit may act on it (403, naming the unit); another organisation's task is gone, as one that never existed (409,
 * as {@link EngineErrorAnswers} answers it 404). The engine answers these as 500 with English text. A request that lost
 * a completion race can also fail in other ways: the task's permission was deleted with it (403), or, reading
 * the process as the winner left it, the task's own completion stumbles on the next step's condition (500).
 * When the task is gone by the time the answer is sent, any such failure is the lost race: 409. A read the engine refuses
 * (GET, 403) of a task the reader may see is said in Chinese too, naming the task's units; another unit's task, which the
 * reader may not see, is answered 404 as an unknown id is ({@link EngineErrorAnswers}, secreview-s55 I2).
 */
class EngineConflictAnswers extends HttpFilter {

    /** A claim that came too late, when who has the task cannot be said (it has no one by name). */
    static final String CLAIMED = "此任务已被他人认领，请刷新列表。";
    static final String GONE = "此任务已由他人办理或已撤销，请刷新列表。";
    static final String CONCURRENT = "他人刚刚修改了此任务，请刷新后重试。";
    static final String FORBIDDEN_TASK = "您没有办理此任务的权限：只有任务所属单位的人员可以认领和办理。";
    static final String FORBIDDEN = "您没有执行此操作的权限。";
    static final String FORBIDDEN_TASK_READ = "您没有查看此任务的权限：只有任务所属单位的人员可以查看。";
    static final String FORBIDDEN_READ = "您没有查看此内容的权限。";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TASK_ID = Pattern.compile("/task/([^/;]+)/");

    private static final Pattern REFUSED_USER = Pattern.compile("^The user with id '([^']+)'");

    /**
     * A task's candidate units by name as the refused user may learn them (empty list: none, or the task is another
     * organisation's), or empty when the task is gone; the user is null when the engine's answer does not name one.
     */
    private final BiFunction<String, String, Optional<TaskCandidates>> taskUnits;

    /** A candidate group of a task by name; {@code leadership}: a leading group's (领导小组组长、副组长), not a unit's staff. */
    record TaskGroup(String name, boolean leadership) {
    }

    /**
     * A task's candidate groups and whether the task is an approval (审批延期申请、审批挂账申请), which the refusal says
     * (此任务由…审批): any other task, a meeting record of the 推进小组 included, is one a group 办理s (s52 J21);
     * {@code assignee}, the name of whoever has the task now (null when no one has it), which a late claim is told.
     */
    record TaskCandidates(List<TaskGroup> groups, boolean approval, String assignee) {

        static final TaskCandidates NONE = new TaskCandidates(List.of(), false, null);

        TaskCandidates(List<TaskGroup> groups, boolean approval) {
            this(groups, approval, null);
        }

        /** Whether the task of this BPMN id is an approval: the processes' approval tasks are all {@code Task_Approve…}. */
        static boolean approval(String taskDefinitionKey) {
            return taskDefinitionKey != null && taskDefinitionKey.startsWith("Task_Approve");
        }
    }

    EngineConflictAnswers(BiFunction<String, String, Optional<TaskCandidates>> taskUnits) {
        this.taskUnits = taskUnits;
    }

    /** The answer to a claim that came too late: who has the task now, by name, when that can be said. */
    static String claimedBy(String assignee) {
        return assignee == null || assignee.isBlank() ? CLAIMED : "此任务已由" + assignee.strip() + "认领，请刷新列表。";
    }

    /** Who may act on a task: the sentence for a refused claim or completion, naming the task's units when it has any. */
    static String forbiddenTask(List<String> units) {
        return forbiddenTaskOf(new TaskCandidates(units.stream().map(unit -> new TaskGroup(unit, false)).toList(), false));
    }

    /**
     * As {@link #forbiddenTask}: a task of leaders (审批挂账申请 of 领导小组组长、副组长) is theirs, not a unit's staff's; an
     * approval is said to be approved (审批) by its groups, any other task to be done (办理) by them.
     */
    static String forbiddenTaskOf(TaskCandidates task) {
        List<TaskGroup> groups = task.groups();
        if (groups.isEmpty()) {
            return FORBIDDEN_TASK;
        }
        String names = groups.stream().map(TaskGroup::name).collect(java.util.stream.Collectors.joining("、"));
        String verb = task.approval() ? "审批" : "办理";
        if (groups.stream().allMatch(TaskGroup::leadership)) {
            return "您没有办理此任务的权限：此任务由" + names + verb + "，只有" + names + "可以认领和办理。";
        }
        return "您没有办理此任务的权限：此任务由" + names + verb + "，只有"
                + (groups.size() == 1 ? "该单位" : "这些单位") + "的人员可以认领和办理。";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean read = "GET".equals(request.getMethod());
        // only an answer this class may rewrite is held back (s55 R2): a download or a list streams as the engine writes it
        RefusalBuffer answer = new RefusalBuffer(response, read ? status -> status == 403
                : status -> status == 500 || status == 403 || status == 404);
        try {
            chain.doFilter(request, answer);
            ContentCachingResponseWrapper cached = answer.buffered();
            if (cached == null) {
                return;
            }
            if (read) {
                Matcher task = TASK_ID.matcher(request.getRequestURI() + "/");
                translateReadRefusal(cached, task.find() ? task.group(1) : null);
            } else {
                Matcher task = TASK_ID.matcher(request.getRequestURI());
                translate(cached, request.getRequestURI().contains("/task/"), task.find() ? task.group(1) : null);
            }
        } finally {
            answer.copyBufferToResponse();
        }
    }

    /**
     * Passes the answer through unless its status, when its body is first written, is one {@code held} names: only then is
     * the body held in memory (a {@link ContentCachingResponseWrapper}) for the filter to rewrite.
     */
    static final class RefusalBuffer extends HttpServletResponseWrapper {

        private final IntPredicate held;
        private ContentCachingResponseWrapper buffer;

        RefusalBuffer(HttpServletResponse response, IntPredicate held) {
            super(response);
            this.held = held;
        }

        /** The held answer, or null when the body went straight to the client (or there was none). */
        ContentCachingResponseWrapper buffered() {
            return buffer;
        }

        private HttpServletResponse body() {
            if (buffer == null && !isCommitted() && held.test(getStatus())) {
                buffer = new ContentCachingResponseWrapper((HttpServletResponse) getResponse());
            }
            return buffer != null ? buffer : (HttpServletResponse) getResponse();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return body().getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return body().getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            body().flushBuffer();
        }

        @Override
        public void resetBuffer() {
            if (buffer != null) {
                buffer.resetBuffer();
            }
            super.resetBuffer();
        }

        @Override
        public void reset() {
            if (buffer != null) {
                buffer.reset();
            }
            super.reset();
        }

        @Override
        public void setContentLength(int length) {
            if (buffer != null) {
                buffer.setContentLength(length);
            } else {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (buffer != null) {
                buffer.setContentLengthLong(length);
            } else {
                super.setContentLengthLong(length);
            }
        }

        void copyBufferToResponse() throws IOException {
            if (buffer != null) {
                buffer.copyBodyToResponse();
            }
        }
    }

    /**
     * A read the engine refused (403, English: "The user with id … does not have … 'READ' permission …"): a task's variables,
     * form or notes of another unit's task, or anything else the user may not read, said in Chinese as a refused action is;
     * a task of the user's organisation names its units.
     */
    private void translateReadRefusal(ContentCachingResponseWrapper response, String taskId) throws IOException {
        if (!(json(response) instanceof ObjectNode answer)) {
            return;
        }
        String message = answer.path("message").asText("");
        if (!message.startsWith("The user") && !message.isBlank()) {
            return;
        }
        Matcher user = REFUSED_USER.matcher(message);
        String said = taskId == null ? FORBIDDEN_READ
                : forbiddenRead(taskUnits.apply(taskId, user.find() ? user.group(1) : null).orElse(TaskCandidates.NONE));
        answer.put("message", said);
        answer.put("code", "FORBIDDEN");
        response.resetBuffer();
        response.getOutputStream().write(JSON.writeValueAsBytes(answer));
    }

    /** Who may read a task: its units by name when the reader may learn them, as {@link #forbiddenTaskOf} says who may act. */
    static String forbiddenRead(TaskCandidates task) {
        if (task.groups().isEmpty()) {
            return FORBIDDEN_TASK_READ;
        }
        String names = task.groups().stream().map(TaskGroup::name).collect(java.util.stream.Collectors.joining("、"));
        return "您没有查看此任务的权限：此任务由" + names + (task.approval() ? "审批" : "办理") + "，只有"
                + (task.groups().stream().allMatch(TaskGroup::leadership) ? names : task.groups().size() == 1 ? "该单位的人员" : "这些单位的人员")
                + "可以查看。";
    }

    private static JsonNode json(ContentCachingResponseWrapper response) {
        try {
            return JSON.readTree(response.getContentAsByteArray());
        } catch (IOException notJson) {
            return null;
        }
    }

    private void translate(ContentCachingResponseWrapper response, boolean taskAction, String taskId) throws IOException {
        JsonNode error;
        try {
            error = JSON.readTree(response.getContentAsByteArray());
        } catch (IOException notJson) {
            return;
        }
        if (!(error instanceof ObjectNode answer)) {
            return;
        }
        String type = answer.path("type").asText("");
        String message = answer.path("message").asText("");
        Answer translated = answerFor(response.getStatus(), type, message, taskAction);
        int status = translated == null ? response.getStatus() : translated.status();
        boolean claimed = translated != null && CLAIMED.equals(translated.message());
        boolean taskRefused = taskId != null && (status == 403 || status == 500 || claimed);
        Matcher user = REFUSED_USER.matcher(message);
        Optional<TaskCandidates> units = taskRefused ? taskUnits.apply(taskId, user.find() ? user.group(1) : null)
                : Optional.of(TaskCandidates.NONE);
        if (units.isEmpty()) {
            translated = new Answer(409, "TASK_GONE", GONE);
        } else if (translated != null && FORBIDDEN_TASK.equals(translated.message())) {
            translated = new Answer(403, translated.code(), forbiddenTaskOf(units.get()));
        } else if (claimed) {
            translated = new Answer(409, translated.code(), claimedBy(units.get().assignee()));
        }
        if (translated == null) {
            return;
        }
        answer.put("message", translated.message());
        answer.put("code", translated.code());
        response.resetBuffer();
        response.setStatus(translated.status());
        response.getOutputStream().write(JSON.writeValueAsBytes(answer));
    }

    record Answer(int status, String code, String message) {
    }

    static Answer answerFor(int status, String type, String message, boolean taskAction) {
        if (status == 403 || "AuthorizationException".equals(type)) {
            return message.startsWith("The user") || message.isBlank()
                    ? new Answer(403, "FORBIDDEN", taskAction ? FORBIDDEN_TASK : FORBIDDEN) : null;
        }
        if ("TaskAlreadyClaimedException".equals(type) || message.contains("is already claimed by someone else")) {
            return new Answer(409, "TASK_ALREADY_CLAIMED", CLAIMED);
        }
        if ("OptimisticLockingException".equals(type) || message.contains("OptimisticLockingException")
                || message.contains("was updated by another transaction concurrently")) {
            return new Answer(409, "CONCURRENT_UPDATE", CONCURRENT);
        }
        // NO_SUCH_TASK: EngineErrorAnswers' answer for a task that is gone or another organisation's
        if (taskAction && (message.contains("task is null") || message.contains("No task found")
                || message.contains("Cannot find task with id") || message.startsWith("No matching task with id")
                || message.startsWith(EngineErrorAnswers.NO_SUCH_TASK))) {
            return new Answer(409, "TASK_GONE", GONE);
        }
        return null;
    }
}
