package org.shirong.system;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.TaskRestService;
import org.camunda.bpm.engine.rest.dto.task.CommentDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.sub.task.TaskCommentResource;
import org.camunda.bpm.engine.rest.sub.task.impl.TaskCommentResourceImpl;
import org.camunda.bpm.engine.task.Comment;

/**
 * A task's notes ({@code /task/{id}/comment}, Tasklist's "添加备注" and 历史 tab) as Camunda's
 * {@link TaskCommentResourceImpl}, except that writing and reading them does not first look the task up in the history:
 * that look-up needs READ_HISTORY, which a unit's staff do not have, so that they could neither add a note to their own
 * task nor read its notes. The engine's command decides instead ({@link TaskCommentGuard}); a refusal there is
 * answered as such (403, or 400 naming 备注), not as Camunda's "Not enough parameters submitted". Changing and deleting
 * notes are Camunda's own.
 */
class TaskNotes implements TaskCommentResource {

    private final ProcessEngine engine;
    private final String taskId;
    private final String rootResourcePath;

    TaskNotes(ProcessEngine engine, String taskId, String rootResourcePath) {
        this.engine = engine;
        this.taskId = taskId;
        this.rootResourcePath = rootResourcePath;
    }

    @Override
    public List<CommentDto> getComments() {
        if (!historyEnabled()) {
            return List.of();
        }
        return engine.getTaskService().getTaskComments(taskId).stream().map(CommentDto::fromComment).toList();
    }

    @Override
    public CommentDto getComment(String commentId) {
        if (!historyEnabled()) {
            throw new InvalidRequestException(Status.NOT_FOUND, "History is not enabled");
        }
        Comment comment = engine.getTaskService().getTaskComment(taskId, commentId);
        if (comment == null) {
            throw new InvalidRequestException(Status.NOT_FOUND,
                    "Task comment with id " + commentId + " does not exist for task id '" + taskId + "'.");
        }
        return CommentDto.fromComment(comment);
    }

    @Override
    public CommentDto createComment(UriInfo uriInfo, CommentDto commentDto) {
        if (!historyEnabled()) {
            throw new InvalidRequestException(Status.FORBIDDEN, "History is not enabled");
        }
        Comment comment;
        try {
            comment = engine.getTaskService().createComment(taskId, commentDto.getProcessInstanceId(), commentDto.getMessage());
        } catch (AuthorizationException | BadUserRequestException refused) { // the engine refused it: 403, 400 or 404
            throw refused;
        } catch (ProcessEngineException e) {
            throw new InvalidRequestException(Status.BAD_REQUEST, e, "Not enough parameters submitted");
        }
        URI uri = uriInfo.getBaseUriBuilder().path(rootResourcePath).path(TaskRestService.PATH)
                .path(taskId + "/comment/" + comment.getId()).build();
        CommentDto result = CommentDto.fromComment(comment);
        result.addReflexiveLink(uri, HttpMethod.GET, "self");
        return result;
    }

    @Override
    public void deleteComment(String commentId) {
        camunda().deleteComment(commentId);
    }

    @Override
    public void updateComment(CommentDto comment) {
        camunda().updateComment(comment);
    }

    @Override
    public void deleteComments() {
        camunda().deleteComments();
    }

    private TaskCommentResourceImpl camunda() {
        return new TaskCommentResourceImpl(engine, taskId, rootResourcePath);
    }

    /** As Camunda asks it: the history level read without the caller's authentication. */
    private boolean historyEnabled() {
        IdentityService identityService = engine.getIdentityService();
        Authentication caller = identityService.getCurrentAuthentication();
        try {
            identityService.clearAuthentication();
            return engine.getManagementService().getHistoryLevel() > ProcessEngineConfigurationImpl.HISTORYLEVEL_NONE;
        } finally {
            identityService.setAuthentication(caller);
        }
    }
}
