package org.shirong.rectification;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * 疑似重复案件: the open cases of a case's organisation and category that lie within {@link DuplicateProperties#distanceMeters}
 * of it or at the same address, nearest first (those matched by address alone, without a distance, last), at most
 * {@link DuplicateProperties#maxShown}. Read in one query ({@link CaseRecords#openAlike}); the office merges a real
 * duplicate ({@link CaseMerges}).
 */
@Component
class CaseDuplicates {

    /** Metres per degree of latitude (and of longitude at the equator). */
    private static final double METRES_PER_DEGREE = 111_320;
    private static final double EARTH_RADIUS_METRES = 6_371_000;

    /**
     * {@code distanceMeters}: rounded, null when only the address matched (one of the two has no coordinates);
     * {@code reportedEarlier}: reported no later than the case, so that the case may be merged into it ({@link CaseMerges}).
     */
    record PossibleDuplicate(String caseNo, String title, String address, Integer distanceMeters, String status,
            String statusName, boolean reportedEarlier) {
    }

    private final CaseRecords records;
    private final DuplicateProperties properties;
    private final CaseVisibility visibility;

    CaseDuplicates(CaseRecords records, DuplicateProperties properties, CaseVisibility visibility) {
        this.records = records;
        this.properties = properties;
        this.visibility = visibility;
    }

    /**
     * The possible duplicates of {@code c} that {@code caller} may read (a unit's clerk or a cooperating town sees no
     * other cases through them than it sees anyway); none of a case that is closed or merged.
     */
    List<PossibleDuplicate> of(CaseRecord c, Authentication caller) {
        if (c.status().ended()) {
            return List.of();
        }
        CaseRecords.Around around = null;
        if (c.lat() != null && c.lng() != null) {
            double lat = c.lat().doubleValue();
            double dLat = properties.distanceMeters() / METRES_PER_DEGREE;
            double dLng = properties.distanceMeters() / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(lat))));
            around = new CaseRecords.Around(lat - dLat, lat + dLat, c.lng().doubleValue() - dLng, c.lng().doubleValue() + dLng);
        }
        String key = AddressKey.of(c.address());
        if (around == null && key == null) {
            return List.of();
        }
        return records.openAlike(c.tenantId(), c.category(), c.caseNo(), key, around, visibility.listFilter(caller)).stream()
                .map(o -> new Candidate(o, distance(c, o), key != null && key.equals(AddressKey.of(o.address()))))
                .filter(x -> x.sameAddress() || x.distance() != null && x.distance() <= properties.distanceMeters())
                .sorted(Comparator.comparing((Candidate x) -> x.distance() == null ? Double.MAX_VALUE : x.distance())
                        .thenComparing(x -> x.record().reportedAt()))
                .limit(properties.maxShown())
                .map(x -> new PossibleDuplicate(x.record().caseNo(), x.record().title(), x.record().address(),
                        x.distance() == null ? null : (int) Math.round(x.distance()), x.record().status().name(),
                        x.record().status().label(), !x.record().reportedAt().isAfter(c.reportedAt())))
                .toList();
    }

    private record Candidate(CaseRecord record, Double distance, boolean sameAddress) {
    }

    /** Great-circle distance in metres (haversine), null unless both cases have coordinates. */
    static Double distance(CaseRecord a, CaseRecord b) {
        if (a.lat() == null || a.lng() == null || b.lat() == null || b.lng() == null) {
            return null;
        }
        return metres(a.lat(), a.lng(), b.lat(), b.lng());
    }

    static double metres(BigDecimal lat1, BigDecimal lng1, BigDecimal lat2, BigDecimal lng2) {
        double p1 = Math.toRadians(lat1.doubleValue());
        double p2 = Math.toRadians(lat2.doubleValue());
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2.doubleValue() - lng1.doubleValue());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
