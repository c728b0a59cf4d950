package org.shirong.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * What the engine's {@code isUserAuthorizedForResource} SQL text depends on in an {@link AuthorizationCheck}: the
 * conditions of Authorization.xml ({@code authCheck}, {@code atomicChecks}, {@code compositeChecks}, ...) read only the
 * number and nesting of the checks, which of them are disjunctive, each atomic check's resource id being null, '*' or
 * another value, its {@code resourceIdQueryParam} and {@code authorizationNotFoundReturnValue} (both written into the
 * text), the number of group ids and the revoke flag. Everything else is a {@code #{}} parameter. The key holds more
 * than that (every flag of the check, user id present or not), so two checks with one key render the same text
 * (issue 13, W1: {@link AuthorizationCheckSqlCache}).
 *
 * @param key the structure, or null when a check cannot be keyed (no composite, a null atomic check, nesting deeper
 *     than {@value #MAX_DEPTH})
 * @param atomics every atomic check, depth first in the order of the key (top composite's atomic checks, then its
 *     composite checks')
 */
record AuthorizationCheckShape(String key, List<PermissionCheck> atomics) {

    static final int MAX_DEPTH = 6;

    static AuthorizationCheckShape of(String statementId, AuthorizationCheck check) {
        StringBuilder key = new StringBuilder(64).append(statementId).append('|')
                .append(check.isRevokeAuthorizationCheckEnabled() ? 'R' : 'r')
                .append(check.getAuthUserId() != null ? 'U' : 'u')
                .append(check.isAuthorizationCheckEnabled() ? 'E' : 'e')
                .append(check.shouldPerformAuthorizatioCheck() ? 'P' : 'p')
                .append(check.isHistoricInstancePermissionsEnabled() ? 'H' : 'h')
                .append(check.isUseLeftJoin() ? 'L' : 'l')
                .append('d').append(check.getAuthDefaultPerm()).append(';');
        List<String> groups = check.getAuthGroupIds();
        if (groups == null) {
            key.append("g-");
        } else {
            key.append('g').append(groups.size()).append(';');
        }
        List<PermissionCheck> atomics = new ArrayList<>(8);
        if (check.getPermissionChecks() == null || !composite(check.getPermissionChecks(), 0, key, atomics)) {
            return new AuthorizationCheckShape(null, atomics);
        }
        return new AuthorizationCheckShape(key.toString(), atomics);
    }

    private static boolean composite(CompositePermissionCheck check, int depth, StringBuilder key, List<PermissionCheck> atomics) {
        if (depth >= MAX_DEPTH) {
            return false;
        }
        key.append('(').append(check.isDisjunctive() ? '|' : '&');
        List<PermissionCheck> atomicChecks = check.getAtomicChecks();
        if (atomicChecks == null) {
            key.append("a-");
        } else {
            key.append('a').append(atomicChecks.size());
            for (PermissionCheck atomic : atomicChecks) {
                if (atomic == null) {
                    return false;
                }
                atomic(atomic, key);
                atomics.add(atomic);
            }
        }
        List<CompositePermissionCheck> compositeChecks = check.getCompositeChecks();
        if (compositeChecks == null) {
            key.append("c-");
        } else {
            key.append('c').append(compositeChecks.size());
            for (CompositePermissionCheck nested : compositeChecks) {
                if (nested == null || !composite(nested, depth + 1, key, atomics)) {
                    return false;
                }
            }
        }
        key.append(')');
        return true;
    }

    private static void atomic(PermissionCheck check, StringBuilder key) {
        key.append('[');
        String resourceId = check.getResourceId();
        key.append(resourceId == null ? 'n' : "*".equals(resourceId) ? '*' : 'i');
        text(check.getResourceIdQueryParam(), key);
        Long notFound = check.getAuthorizationNotFoundReturnValue();
        text(notFound == null ? null : notFound.toString(), key);
        key.append(']');
    }

    /** A text written into the SQL, with its length so that no two texts share a key. */
    private static void text(String text, StringBuilder key) {
        if (text == null) {
            key.append('-');
        } else {
            key.append(text.length()).append(':').append(text);
        }
    }
}
