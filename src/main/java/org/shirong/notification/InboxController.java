package org.shirong.notification;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notifications}: the logged-in user's own in-app messages (站内信), newest first, and
 * marking one read. Someone else's message is answered as not found.
 */
@RestController
@RequestMapping("/api/notifications")
class InboxController {

    private final InboxRecords inbox;
    private final IdentityService identityService;

    InboxController(InboxRecords inbox, IdentityService identityService) {
        this.inbox = inbox;
        this.identityService = identityService;
    }

    @GetMapping
    List<InboxRecords.InboxMessage> list(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException(ApiError.field("limit", "OUT_OF_RANGE", "limit 应在 1 到 200 之间"));
        }
        return inbox.list(currentUser(), unread, limit);
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
