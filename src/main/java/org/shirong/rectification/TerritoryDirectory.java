package org.shirong.rectification;

import java.util.Optional;

/**
 * The organisations (towns and streets) a case may lie in, its 属地: turns what someone typed — an
 * organisation's id or its name — into the organisation's id, or nothing when there is no such one.
 */
public interface TerritoryDirectory {

    Optional<String> resolve(String idOrName);

    /** The organisation's display name, or the id itself when it is unknown. */
    String name(String id);
}
