package org.shirong.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an administrator see the current login locks and lift them: every lock of an account, or the lock of an address
 * (administrators only).
 */
@RestController
@RequestMapping("/api/system/login-locks")
class LoginLockController {

    private final LoginThrottle throttle;
    private final IdentityService identityService;

    LoginLockController(LoginThrottle throttle, IdentityService identityService) {
        this.throttle = throttle;
        this.identityService = identityService;
    }

    @GetMapping
    List<LoginThrottle.Lock> locks() {
        requireAdministrator();
        return throttle.locks();
    }

    @DeleteMapping("/{userId}")
    ResponseEntity<Void> unlock(@PathVariable String userId) {
        requireAdministrator();
        throttle.unlock(userId);
        identityService.unlockUser(userId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/address/{address}")
    ResponseEntity<Void> unlockAddress(@PathVariable String address) {
        requireAdministrator();
        throttle.unlockAddress(address);
        return ResponseEntity.noContent().build();
    }

    private void requireAdministrator() {
        if (!EngineCaller.administrator(identityService.getCurrentAuthentication())) {
            throw new ForbiddenException("ADMIN_ONLY", "只有系统管理员可以查看和解除登录锁定。");
        }
    }
}
