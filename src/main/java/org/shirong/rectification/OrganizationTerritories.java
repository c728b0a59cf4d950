package org.shirong.rectification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * 属地 from the organisations this installation runs: a case lies in its own organisation (the default), or, when
 * a district reports it, in one of the district's towns and streets ({@link Organizations#within}). A town cannot
 * place its case in another town: that town would have to report it.
 */
@Component
class OrganizationTerritories implements TerritoryDirectory {

    private final Organizations organizations;

    OrganizationTerritories(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public Optional<String> resolve(String organization, String idOrName) {
        String text = idOrName == null ? "" : idOrName.strip();
        return allowed(organization).stream()
                .filter(o -> o.id().equalsIgnoreCase(text) || o.name().equals(text))
                .map(Organization::id).findFirst();
    }

    @Override
    public Optional<String> find(String idOrName) {
        String text = idOrName == null ? "" : idOrName.strip();
        return organizations.all().stream()
                .filter(o -> o.id().equalsIgnoreCase(text) || o.name().equals(text))
                .map(Organization::id).findFirst();
    }

    @Override
    public String name(String id) {
        return organizations.find(id).filter(o -> o.id().equals(id)).map(Organization::name).orElse(id);
    }

    private List<Organization> allowed(String organization) {
        List<Organization> allowed = new ArrayList<>();
        organizations.find(organization).ifPresent(own -> {
            allowed.add(own);
            if (own.organization().level() == Organization.Level.DISTRICT) {
                allowed.addAll(organizations.within(own.id()));
            }
        });
        return allowed;
    }
}
