package org.shirong.zone;

import java.math.BigDecimal;

/**
 * A zone to register, as the office types it or an import row gives it: {@code holderType} and {@code roadClass} by
 * code or Chinese name, {@code ownerGroup} by group id or name; checked by {@link ZoneRegister#check}. Only zoneNo,
 * holderName, holderType, address, ownerGroup and person are required; an empty {@code duties} takes the type's.
 */
record NewZone(String zoneNo, String holderName, String holderType, String address, String community, String gridCell,
        String street, String roadClass, BigDecimal lat, BigDecimal lng, String person, String phone, String extent,
        String duties, String ownerGroup) {
}
