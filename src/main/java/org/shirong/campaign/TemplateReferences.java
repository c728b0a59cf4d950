package org.shirong.campaign;

import java.util.Optional;
import java.util.function.Function;
import org.shirong.organization.Organization;
import org.shirong.rectification.Category;

/**
 * What a campaign template refers to and is checked against: the groups of {@code organization.yaml}
 * and the problem categories of {@code categories.yaml}.
 */
record TemplateReferences(Organization organization, Function<String, Optional<Category>> categories,
        Function<String, Optional<Organization>> subOrganizations) {

    TemplateReferences(Organization organization, Function<String, Optional<Category>> categories) {
        this(organization, categories, id -> Optional.empty());
    }

    /** A town or street of this district, by its organisation id. */
    Optional<Organization> subOrganization(String id) {
        return id == null ? Optional.empty() : subOrganizations.apply(id);
    }

    Optional<Organization.GroupDefinition> group(String id) {
        return id == null ? Optional.empty() : organization.group(id);
    }

    Optional<Category> category(String code) {
        return code == null ? Optional.empty() : categories.apply(code);
    }
}
