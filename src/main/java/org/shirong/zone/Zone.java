package org.shirong.zone;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;

/**
 * One responsibility zone as the {@code zone} table holds it. {@code ownerGroup} is the COMMITTEE, UNIT or PROPERTY
 * group that delivers its notice and answers for it; {@code noticeEdition}/{@code noticeStatus} the latest 告知书
 * (null before any, status ISSUED, DELIVERED or POSTED) and {@code ladderLevel} the open breach's level (0 none,
 * 1 告知劝导, 2 黄牌, 3 红牌), kept by {@link ZoneRecords#markNotice} and {@link ZoneRecords#markLadder}.
 */
record Zone(long id, String tenantId, String zoneNo, String holderName, ZoneType holderType, String address,
        String community, String gridCell, String street, RoadClass roadClass, BigDecimal lat, BigDecimal lng,
        String person, String phone, String extent, String duties, String ownerGroup, Status status,
        Integer noticeEdition, String noticeStatus, int ladderLevel, Instant createdAt, String createdBy, Instant updatedAt) {

    enum Status {
        ACTIVE, CLOSED
    }

    boolean active() {
        return status == Status.ACTIVE;
    }

    /**
     * A zone number as it is stored and compared: stripped, NFKC (full-width ＴＺ－２ is TZ-2) and upper-case, so
     * {@code TZ-2}, {@code tz-2} and {@code ＴＺ-2} are one number; null stays null.
     */
    static String normalNo(String zoneNo) {
        return zoneNo == null ? null : Normalizer.normalize(zoneNo.strip(), Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }
}
