package org.shirong.notification;

import java.util.Set;

/**
 * Who receives a notification: users (for the inbox and e-mail, each once; members of the groups, or a leading group's
 * leaders, are already included) and groups (for the groups' robots).
 */
public record Recipients(Set<String> users, Set<String> groups) {

    public Recipients {
        users = Set.copyOf(users);
        groups = Set.copyOf(groups);
    }
}
