package org.shirong.rectification;

import java.util.Collection;
import java.util.List;

/**
 * Who answers for a place, as far as Shirong knows it: the responsibility zones (责任区) registered at a case's address,
 * in its 社区 or grid cell. The zone module answers; an organisation without zones has none.
 */
public interface PlaceOwners {

    /** A zone at the place: the group that answers for it and the 居委会/社区 it lies in (free text, may be null). */
    record Owner(String ownerGroup, String community) {
    }

    /**
     * The active zones of {@code tenant} owned by one of {@code groups} or lying in a 社区 named {@code communityNames}
     * that are at the place: the case's address begins with the zone's address (ignoring spaces and punctuation), or the
     * case names the zone's 社区 or grid cell.
     */
    List<Owner> at(String tenant, String address, String community, String gridCell, Collection<String> groups,
            Collection<String> communityNames);
}
