package org.shirong.system;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's database identity provider without its own lock-out bookkeeping on a password check: the engine wrote
 * the account's row (failed attempts, lock expiry) on every wrong password for an existing account and on the next right
 * one, so a wrong password for a real account took a database write that a made-up name did not, and the time of a 401
 * told which names exist (secreview-s61 S1). Shirong's own {@link LoginThrottle} limits guessing instead (the engine's
 * lock-out is switched off in the configuration); an administrator's 解锁 in Admin still clears an old lock.
 */
public class UnbookkeptPasswordChecks extends DbIdentityServiceProvider {

    @Override
    public boolean checkPassword(String userId, String password) {
        UserEntity user = findUserById(userId);
        return user != null && password != null && matchPassword(password, user);
    }
}
