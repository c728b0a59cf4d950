package org.shirong.rectification;

import java.util.List;
import java.util.Optional;

/**
 * The organisations (towns and streets) a case may lie in, its 属地: turns what someone typed — an
 * organisation's id or its name — into the organisation's id, or nothing when the case's organisation may not
 * name it.
 */
public interface TerritoryDirectory {

    /**
     * The 属地 a case of {@code organization} may name, by id, name or a town's or street's name without 镇/街道/乡 (九亭 for
     * 九亭镇, sjreview D4); empty when there is no such one.
     */
    Optional<String> resolve(String organization, String idOrName);

    /**
     * For a district: the town or street whose name {@code address} begins with (九亭镇沪亭北路 2 号, also after the district's
     * own name: 松江区车墩镇影佳路); empty for a town's or street's case and an address that names none (sjreview D4).
     */
    Optional<String> inAddress(String organization, String address);

    /** Whether {@code organization} is a district with towns or streets, whose point problems each lie in one of them. */
    boolean hasTowns(String organization);

    /** Any organisation this installation runs, by id or name, as a filter of cases by 属地; empty when there is none. */
    Optional<String> find(String idOrName);

    /**
     * The villages and communities (村/社区) of {@code organization} by name, in its file's order: its groups of type VILLAGE
     * or COMMUNITY (锦溪镇 卫星村、上下塘社区). Empty when it has none: then a case's 社区 is free text (九亭镇's 居委会, 网格).
     */
    List<String> communities(String organization);

    /** The 村/社区 of {@code organization} that {@code given} names, by its name or group id, as its name; empty for none. */
    Optional<String> community(String organization, String given);

    /**
     * The 村/社区 a case of {@code organization} lying in {@code territory} (its 属地, an organisation's id) may name, by name:
     * for a district's case in one of its towns the town's villages, communities and residents' committees (村、社区、居委会:
     * 九亭镇 第一居委会), which read the case (szreview-s60 S4); for a case in its own organisation {@link #communities}.
     * Empty when there are none: then the 社区 is free text.
     */
    List<String> communities(String organization, String territory);

    /** The 村/社区 of {@link #communities(String, String)} that {@code given} names, by name or group id, as its name. */
    Optional<String> community(String organization, String territory, String given);

    /** The organisation's display name, or the id itself when it is unknown. */
    String name(String id);
}
