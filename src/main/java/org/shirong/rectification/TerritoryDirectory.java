package org.shirong.rectification;

import java.util.Optional;

/**
 * The organisations (towns and streets) a case may lie in, its 属地: turns what someone typed — an
 * organisation's id or its name — into the organisation's id, or nothing when the case's organisation may not
 * name it.
 */
public interface TerritoryDirectory {

    /** The 属地 a case of {@code organization} may name, by id or name; empty when there is no such one. */
    Optional<String> resolve(String organization, String idOrName);

    /** Any organisation this installation runs, by id or name, as a filter of cases by 属地; empty when there is none. */
    Optional<String> find(String idOrName);

    /** The organisation's display name, or the id itself when it is unknown. */
    String name(String id);
}
