package org.shirong.rectification;

import java.util.Optional;
import org.shirong.organization.OrganizationLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The 属地 of a single-organisation installation: the organisation of {@code organization.yaml} itself,
 * known by its id ({@code shirong.rectification.territory-id}) or its name. A case reported elsewhere
 * cannot be recorded until the installation holds that organisation too.
 */
@Component
class OwnTerritory implements TerritoryDirectory {

    private final String id;
    private final String name;

    @Autowired
    OwnTerritory(@Value("${shirong.rectification.territory-id}") String id, OrganizationLoader organization) {
        this.id = id;
        this.name = organization.load().organization().name();
    }

    OwnTerritory(String id, String name) {
        this.id = id;
        this.name = name;
    }

    @Override
    public Optional<String> resolve(String idOrName) {
        String text = idOrName == null ? "" : idOrName.strip();
        return text.equalsIgnoreCase(id) || text.equals(name) ? Optional.of(id) : Optional.empty();
    }

    @Override
    public String name(String territory) {
        return id.equals(territory) ? name : territory;
    }
}
