package org.shirong.organization;

import java.util.List;
import java.util.Optional;

/** The content of {@code config/organization.yaml}. */
public record Organization(Info organization, List<GroupDefinition> groups, List<UserDefinition> users) {

    public record Info(String name, String casePrefix) {
    }

    public record GroupDefinition(String id, String name, GroupType type, String duties, String parent) {
    }

    public record UserDefinition(String id, String name, String email, List<String> groups, List<String> headOf) {

        public List<String> groups() {
            return groups == null ? List.of() : groups;
        }

        public List<String> headOf() {
            return headOf == null ? List.of() : headOf;
        }
    }

    public Organization {
        groups = groups == null ? List.of() : List.copyOf(groups);
        users = users == null ? List.of() : List.copyOf(users);
    }

    public Optional<GroupDefinition> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The user's own groups and, for committees and property companies, their umbrella units. */
    List<String> effectiveGroups(UserDefinition user) {
        return user.groups().stream()
                .flatMap(id -> group(id).map(g -> g.parent() == null ? List.of(id) : List.of(id, g.parent()))
                        .orElse(List.of(id)).stream())
                .distinct()
                .toList();
    }
}
