package org.shirong.zone;

/**
 * A search of an organisation's register: {@code q} matches number, holder, address, street or person; the others
 * are exact, null for any. {@code notice} is NONE (no notice delivered yet), DELIVERED or POSTED. {@code page} from 0.
 */
record ZoneQuery(String tenant, String q, String community, String ownerGroup, ZoneType type, RoadClass roadClass,
        String notice, int page, int size) {
}
