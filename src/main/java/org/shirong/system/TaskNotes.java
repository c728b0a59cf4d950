package org.shirong.system;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
 * notes likewise skip that look-up (a unit's staff could not change or delete even their own note, and were told the
 * task was gone); the guard allows it to the note's writer only. Each note read or
 * written also carries its writer's name ({@code userName}, the user's name as the organisation's file gave it to the
 * engine), which Tasklist's 历史 tab shows in place of the login id (tasklist/shirong/note-writers.js).
 */
class TaskNotes implements TaskCommentResource {

    private static final String NOTE_MISSING = "没有这条备注，或它已被删除，请刷新后再试。";

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
        List<Comment> comments = engine.getTaskService().getTaskComments(taskId);
        Map<String, String> names = writerNames(comments.stream().map(Comment::getUserId));
        return comments.stream().<CommentDto>map(c -> Note.of(c, names)).toList();
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
        return Note.of(comment, writerNames(Stream.of(comment.getUserId())));
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
        CommentDto result = Note.of(comment, writerNames(Stream.of(comment.getUserId())));
        result.addReflexiveLink(uri, HttpMethod.GET, "self");
        return result;
    }

    @Override
    public void deleteComment(String commentId) {
        change(() -> engine.getTaskService().deleteTaskComment(taskId, commentId));
    }

    @Override
    public void updateComment(CommentDto comment) {
        change(() -> engine.getTaskService().updateTaskComment(taskId, comment.getId(), comment.getMessage()));
    }

    @Override
    public void deleteComments() {
        change(() -> engine.getTaskService().deleteTaskComments(taskId));
    }

    /** As Camunda's {@link TaskCommentResourceImpl} changes notes, without its look-up of the task in the history. */
    private void change(Runnable change) {
        if (!historyEnabled()) {
            throw new InvalidRequestException(Status.FORBIDDEN, "History is not enabled");
        }
        try {
            change.run();
        } catch (NullValueException missing) {
            // Camunda's "No comment exists with commentId …": the note was deleted meanwhile, or never was
            throw new InvalidRequestException(Status.BAD_REQUEST, NOTE_MISSING);
        }
    }

    /** As Camunda asks it: the history level read without the caller's authentication. */
    private boolean historyEnabled() {
        return withoutCaller(() -> engine.getManagementService().getHistoryLevel() > ProcessEngineConfigurationImpl.HISTORYLEVEL_NONE);
    }

    /**
     * The writers' names by user id, read without the caller's authentication: a unit's staff may look up only some
     * people in the user directory, but whoever may read a note may read who wrote it. A user without a name (or no
     * longer in the directory) is left out, and shown by id.
     */
    private Map<String, String> writerNames(Stream<String> userIds) {
        String[] ids = userIds.filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        return withoutCaller(() -> engine.getIdentityService().createUserQuery().userIdIn(ids).list().stream()
                .filter(u -> !fullName(u).isEmpty())
                .collect(Collectors.toMap(User::getId, TaskNotes::fullName, (a, b) -> a)));
    }

    private static String fullName(User user) {
        return (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
    }

    private <T> T withoutCaller(Supplier<T> read) {
        return new SystemAccess(engine.getIdentityService()).run(read);
    }

    /** Camunda's note with its writer's name beside the id ({@code userName}; the id where the name is unknown). */
    public static final class Note extends CommentDto {

        private String userName;

        static Note of(Comment comment, Map<String, String> names) {
            Note note = new Note();
            CommentDto camunda = CommentDto.fromComment(comment);
            note.id = camunda.getId();
            note.userId = camunda.getUserId();
            note.time = camunda.getTime();
            note.taskId = camunda.getTaskId();
            note.message = camunda.getMessage();
            note.removalTime = camunda.getRemovalTime();
            note.rootProcessInstanceId = camunda.getRootProcessInstanceId();
            note.processInstanceId = camunda.getProcessInstanceId();
            // a note the process or a job wrote has no writer; Map.of() refuses a null key (the 历史 tab answered 500)
            note.userName = note.userId == null ? null : names.getOrDefault(note.userId, note.userId);
            return note;
        }

        public String getUserName() {
            return userName;
        }
    }
}
