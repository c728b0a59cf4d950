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
        List<Organization> allowed = allowed(organization);
        return allowed.stream().filter(o -> o.id().equalsIgnoreCase(text) || o.name().equals(text)).map(Organization::id).findFirst()
                .or(() -> text.isEmpty() ? Optional.empty() : allowed.stream()
                        .filter(o -> o.organization().level() != Organization.Level.DISTRICT && shortName(o).equals(text))
                        .map(Organization::id).findFirst());
    }

    @Override
    public List<String> communities(String organization) {
        return organizations.find(organization).map(o -> o.communities().stream().map(Organization.GroupDefinition::name).toList())
                .orElse(List.of());
    }

    @Override
    public Optional<String> community(String organization, String given) {
        return organizations.find(organization).flatMap(o -> o.community(given)).map(Organization.GroupDefinition::name);
    }

    @Override
    public List<String> communities(String organization, String territory) {
        return town(organization, territory).map(t -> t.neighbourhoods().stream().map(Organization.GroupDefinition::name).toList())
                .orElseGet(() -> communities(organization));
    }

    @Override
    public Optional<String> community(String organization, String territory, String given) {
        Optional<Organization> town = town(organization, territory);
        return town.isPresent() ? town.get().neighbourhood(given).map(Organization.GroupDefinition::name) : community(organization, given);
    }

    /** The town or street a case of {@code organization} lies in when that is another organisation (a district's case). */
    private Optional<Organization> town(String organization, String territory) {
        return territory == null || territory.equals(organization) ? Optional.empty() : organizations.find(territory);
    }

    @Override
    public Optional<String> inAddress(String organization, String address) {
        if (address == null || !hasTowns(organization)) {
            return Optional.empty();
        }
        String text = address.strip();
        String district = organizations.of(organization).name();
        if (text.startsWith(district)) {
            text = text.substring(district.length()).strip();
        }
        String place = text;
        // the longest name first: a town whose name begins with another's would otherwise be taken for it
        return organizations.within(organization).stream().filter(o -> place.startsWith(o.name()))
                .max(java.util.Comparator.comparingInt(o -> o.name().length())).map(Organization::id);
    }

    @Override
    public boolean hasTowns(String organization) {
        return organizations.find(organization).filter(o -> o.organization().level() == Organization.Level.DISTRICT)
                .map(o -> !organizations.within(o.id()).isEmpty()).orElse(false);
    }

    /** 九亭 for 九亭镇, 中山 for 中山街道: how people write a town or street in a 属地 column. */
    private static String shortName(Organization o) {
        String name = o.name();
        for (String suffix : List.of("街道", "镇", "乡")) {
            if (name.endsWith(suffix) && name.length() > suffix.length() + 1) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
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
