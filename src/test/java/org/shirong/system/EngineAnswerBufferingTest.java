package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@link EngineConflictAnswers} holds back only the answers it rewrites (diffreview-s55 R2): a file variable's download
 * reaches the client as the engine writes it, not after being held whole in memory; a refused read is still said in Chinese.
 */
@SharesJvm
class EngineAnswerBufferingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final byte[] ENGLISH = ("{\"type\":\"AuthorizationException\",\"message\":\"The user with id 'chengguan1' does not"
            + " have one of the following permissions: 'READ' permission on resource 't1' of type 'Task' or 'READ_TASK' permission"
            + " on resource 'WorkAssignmentProcess' of type 'ProcessDefinition'\"}").getBytes(StandardCharsets.UTF_8);

    private final EngineConflictAnswers filter = new EngineConflictAnswers((taskId, userId) -> Optional.of(
            new EngineConflictAnswers.TaskCandidates(List.of(new EngineConflictAnswers.TaskGroup("绿容所", false)), false)));

    @Test
    void aFileVariablesDataStreamsToTheClientUnbuffered() throws Exception {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 7);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task/t1/variables/photo/data");
        MockHttpServletResponse client = new MockHttpServletResponse();
        int[] arrivedAfterFirstChunk = {-1};
        FilterChain engine = (req, res) -> {
            assertThat(res).isNotInstanceOf(ContentCachingResponseWrapper.class);
            HttpServletResponse answer = (HttpServletResponse) res;
            answer.setStatus(200);
            answer.setContentType("application/octet-stream");
            answer.setContentLengthLong(5L * chunk.length);
            answer.getOutputStream().write(chunk);
            answer.flushBuffer();
            arrivedAfterFirstChunk[0] = client.getContentAsByteArray().length;
            for (int i = 1; i < 5; i++) {
                answer.getOutputStream().write(chunk);
            }
        };

        filter.doFilter(request, client, engine);

        assertThat(arrivedAfterFirstChunk[0]).as("the first MB is with the client before the rest is written").isEqualTo(chunk.length);
        assertThat(client.getContentAsByteArray()).hasSize(5 * chunk.length);
        assertThat(client.getHeader("Content-Length")).isEqualTo(String.valueOf(5L * chunk.length));
        assertThat(client.getStatus()).isEqualTo(200);
        assertThat(client.isCommitted()).isTrue();
    }

    @Test
    void aRefusedReadIsStillSaidInChineseWithItsLength() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task/t1/variables");
        MockHttpServletResponse client = new MockHttpServletResponse();
        byte[] english = "{\"type\":\"AuthorizationException\",\"message\":\"The user with id 'chengguan1' does not have 'READ' permission on resource 't1' of type 'Task'.\"}"
                .getBytes(StandardCharsets.UTF_8);
        filter.doFilter(request, client, (req, res) -> {
            HttpServletResponse answer = (HttpServletResponse) res;
            answer.setStatus(403);
            answer.setContentType("application/json");
            answer.setContentLength(english.length);
            answer.getOutputStream().write(english);
            assertThat(client.getContentAsByteArray()).as("held back to be rewritten").isEmpty();
        });

        assertThat(client.getStatus()).isEqualTo(403);
        Map<String, Object> body = JSON.readValue(client.getContentAsByteArray(), Map.class);
        assertThat(body).containsEntry("code", "FORBIDDEN")
                .containsEntry("message", "您没有查看此任务的权限：此任务由绿容所办理，只有该单位的人员可以查看。");
        assertThat(client.getContentLength()).isEqualTo(client.getContentAsByteArray().length);
    }

    /**
     * finalreview-s55 F8: in the order Jersey writes an answer (Content-Length first, then the headers, then the status, and
     * only then the body through {@code getOutputStream}), the refusal is still held and rewritten, and the client is told
     * the rewritten answer's length, not the engine's.
     */
    @Test
    void aRefusedReadInJerseysOrderIsRewrittenWithItsNewLength() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task/t1/form-variables");
        MockHttpServletResponse client = new MockHttpServletResponse();
        filter.doFilter(request, client, (req, res) -> {
            HttpServletResponse answer = (HttpServletResponse) res;
            answer.setContentLength(ENGLISH.length);
            answer.setContentType("application/json");
            answer.setHeader("Cache-Control", "no-cache");
            answer.setStatus(403);
            answer.getOutputStream().write(ENGLISH);
            assertThat(client.getContentAsByteArray()).as("held back to be rewritten").isEmpty();
        });

        assertThat(client.getStatus()).isEqualTo(403);
        assertThat(JSON.readValue(client.getContentAsByteArray(), Map.class)).containsEntry("code", "FORBIDDEN")
                .containsEntry("message", "您没有查看此任务的权限：此任务由绿容所办理，只有该单位的人员可以查看。");
        assertThat(client.getContentAsByteArray().length).isNotEqualTo(ENGLISH.length);
        assertThat(client.getContentLength()).isEqualTo(client.getContentAsByteArray().length);
        assertThat(client.getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(client.getContentType()).startsWith("application/json");
    }

    /** A GET's 403 written through {@code getWriter}, Content-Length set before the status: held and rewritten alike. */
    @Test
    void aRefusedReadWrittenThroughTheWriterIsRewrittenToo() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task/t1/variables");
        MockHttpServletResponse client = new MockHttpServletResponse();
        filter.doFilter(request, client, (req, res) -> {
            HttpServletResponse answer = (HttpServletResponse) res;
            answer.setContentLength(ENGLISH.length);
            answer.setContentType("application/json;charset=UTF-8");
            answer.setStatus(403);
            answer.getWriter().write(new String(ENGLISH, StandardCharsets.UTF_8));
            answer.getWriter().flush();
            assertThat(client.getContentAsByteArray()).as("held back to be rewritten").isEmpty();
        });

        assertThat(client.getStatus()).isEqualTo(403);
        assertThat(JSON.readValue(client.getContentAsByteArray(), Map.class))
                .containsEntry("message", "您没有查看此任务的权限：此任务由绿容所办理，只有该单位的人员可以查看。");
        assertThat(client.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("The user");
        assertThat(client.getContentLength()).isEqualTo(client.getContentAsByteArray().length);
    }

    /** A read that succeeds, in Jersey's order: streams as written, with the engine's Content-Length. */
    @Test
    void aSuccessfulReadInJerseysOrderPassesThroughWithItsLength() throws Exception {
        byte[] variables = "{\"caseNo\":{\"type\":\"String\",\"value\":\"JT-2026-000001\"}}".getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task/t1/variables");
        MockHttpServletResponse client = new MockHttpServletResponse();
        filter.doFilter(request, client, (req, res) -> {
            HttpServletResponse answer = (HttpServletResponse) res;
            answer.setContentLength(variables.length);
            answer.setContentType("application/json");
            answer.setStatus(200);
            answer.getOutputStream().write(variables);
            answer.flushBuffer();
            assertThat(client.getContentAsByteArray()).as("not held").isEqualTo(variables);
        });
        assertThat(client.getContentAsByteArray()).isEqualTo(variables);
        assertThat(client.getContentLength()).isEqualTo(variables.length);
    }

    @Test
    void aLostRaceOfAnActionIsStill409() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/t1/complete");
        MockHttpServletResponse client = new MockHttpServletResponse();
        filter.doFilter(request, client, (req, res) -> {
            HttpServletResponse answer = (HttpServletResponse) res;
            answer.setStatus(500);
            answer.getWriter().write("{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005 was updated by another transaction concurrently\"}");
        });

        assertThat(client.getStatus()).isEqualTo(409);
        assertThat(JSON.readValue(client.getContentAsByteArray(), Map.class)).containsEntry("message", EngineConflictAnswers.CONCURRENT);
    }

    @Test
    void aSuccessfulActionPassesThroughAsWritten() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/t1/submit-form");
        MockHttpServletResponse client = new MockHttpServletResponse();
        filter.doFilter(request, client, (req, res) -> {
            res.getWriter().write("{\"caseNo\":{\"value\":\"JT-1\"}}");
            res.flushBuffer();
            assertThat(client.getContentAsString()).isNotEmpty();
        });
        assertThat(client.getContentAsString()).isEqualTo("{\"caseNo\":{\"value\":\"JT-1\"}}");
    }
}
