package org.shirong.notification;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.NotFoundException;
import org.shirong.system.TextInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notifications}: the logged-in user's own in-app messages (站内信), newest first, the
 * number unread, marking one or all read, and the task a link about a business key opens for the
 * caller ({@link TaskTargets}). Someone else's message is answered as not found. Tasklist's inbox
 * ({@code tasklist/shirong/inbox.js}) calls these with the user's Tasklist session.
 */
@RestController
@RequestMapping("/api/notifications")
class InboxController {

    private final InboxRecords inbox;
    private final IdentityService identityService;

    private final TaskTargets targets;
    private final TargetNotes notes;

    InboxController(InboxRecords inbox, IdentityService identityService, TaskTargets targets, TargetNotes notes) {
        this.inbox = inbox;
        this.identityService = identityService;
        this.targets = targets;
        this.notes = notes;
    }

    /**
     * The task a link opens ({@link TaskTargets.Target}); when there is none, {@code note} says why in Chinese and
     * {@code casePage} is the case's page for a case the caller may read ({@link TargetNotes}).
     */
    record TargetAnswer(String businessKey, String task, String taskName, String filter, String note, String casePage) {
    }

    record Unread(int unread) {
    }

    @GetMapping
    List<InboxRecords.InboxMessage> list(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException(ApiError.field("limit", "OUT_OF_RANGE", "limit 应在 1 到 200 之间"));
        }
        return inbox.list(currentUser(), unread, limit);
    }

    @GetMapping("/unread")
    Unread unread() {
        return new Unread(inbox.unread(currentUser()));
    }

    /** The caller's task of the business key (the {@code about} of a notification link) and the filter holding it. */
    @GetMapping("/target")
    TargetAnswer target(@RequestParam String about) {
        // A control character is refused like a list filter's: PostgreSQL fails the task query on a NUL.
        String key = TextInput.selector("about", about, "INVALID");
        if (key == null || key.length() > 255) {
            throw new InvalidRequestException(ApiError.field("about", "INVALID", "about 应为案件编号或其他业务编号（1 到 255 个字符）"));
        }
        TaskTargets.Target target = targets.of(key, currentUser());
        TargetNotes.Note note = target.task() != null ? new TargetNotes.Note(null, null)
                : notes.of(key, identityService.getCurrentAuthentication());
        return new TargetAnswer(target.businessKey(), target.task(), target.taskName(), target.filter(), note.note(), note.casePage());
    }

    @PostMapping("/read")
    Unread markAllRead() {
        inbox.markAllRead(currentUser());
        return unread();
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable long id) {
        if (!inbox.markRead(id, currentUser())) {
            throw new NotFoundException("NOTIFICATION_NOT_FOUND", "通知不存在：" + id);
        }
        return ResponseEntity.noContent().build();
    }

    private String currentUser() {
        return identityService.getCurrentAuthentication().getUserId();
    }
}
