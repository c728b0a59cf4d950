package org.shirong.zone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.shirong.rectification.AddressKey;
import org.shirong.rectification.PlaceOwners;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The responsibility zones at a case's place, for dispatching a case the table gives to a collective (各居委会) to the one
 * member unit whose 居民区 it is. Reads only the zones of the units asked about or of the 社区 named, not the register.
 */
@Component
class ZonePlaceOwners implements PlaceOwners {

    private final JdbcTemplate jdbc;

    ZonePlaceOwners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Owner> at(String tenant, String address, String community, String gridCell, Collection<String> groups,
            Collection<String> communityNames) {
        List<String> names = communityNames.stream().filter(Objects::nonNull).toList();
        if (groups.isEmpty() && names.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder any = new StringBuilder();
        if (!groups.isEmpty()) {
            any.append("owner_group in (").append(String.join(",", groups.stream().map(g -> "?").toList())).append(")");
            args.addAll(groups);
        }
        if (!names.isEmpty()) {
            any.append(any.isEmpty() ? "" : " or ").append("community in (")
                    .append(String.join(",", names.stream().map(n -> "?").toList())).append(")");
            args.addAll(names);
        }
        String caseKey = AddressKey.of(address);
        String caseCommunity = community == null || community.isBlank() ? null : community.strip();
        String caseCell = gridCell == null || gridCell.isBlank() ? null : gridCell.strip();
        return jdbc.query("select address, community, grid_cell, owner_group from zone where tenant_id = ? and status = 'ACTIVE'"
                + " and (" + any + ")", (rs, i) -> {
                    String zoneCommunity = rs.getString("community");
                    String zoneCell = rs.getString("grid_cell");
                    boolean here = at(caseKey, AddressKey.of(rs.getString("address")))
                            || caseCommunity != null && caseCommunity.equals(zoneCommunity == null ? null : zoneCommunity.strip())
                            || caseCell != null && caseCell.equals(zoneCell == null ? null : zoneCell.strip());
                    return here ? new Owner(rs.getString("owner_group"), zoneCommunity) : null;
                }, args.toArray()).stream().filter(Objects::nonNull).toList();
    }

    /**
     * Whether the case's address lies in the zone's: it begins with it (易富路88弄12号楼道 in 易富路88弄12号), and a zone
     * address ending in a digit is not the start of a longer number (九亭大街1 is not 九亭大街12号).
     */
    static boolean at(String caseKey, String zoneKey) {
        if (caseKey == null || zoneKey == null || !caseKey.startsWith(zoneKey)) {
            return false;
        }
        return caseKey.length() == zoneKey.length() || !Character.isDigit(zoneKey.charAt(zoneKey.length() - 1))
                || !Character.isDigit(caseKey.charAt(zoneKey.length()));
    }
}
