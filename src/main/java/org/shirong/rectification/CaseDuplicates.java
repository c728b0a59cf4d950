package org.shirong.rectification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * 疑似重复案件: the open cases of a case's organisation and category that lie within {@link DuplicateProperties#distanceMeters}
 * of it or at the same address, nearest first (those matched by address alone, without a distance, last), at most
 * {@link DuplicateProperties#maxShown}. Read in one query ({@link CaseRecords#openAlike}); the office merges a real
 * duplicate ({@link CaseMerges}). An import's cases, which have an address and no coordinates, are looked at together
 * once they are made ({@link #ofImport}).
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

    /**
     * An imported row whose case may duplicate others: the open cases it may duplicate that the importer may read, as for a
     * report, and {@code alikeRows}, the rows of the same file at the same address and of the same category (at most
     * {@link DuplicateProperties#maxShown} of each).
     */
    record ImportedRow(int row, String caseNo, List<PossibleDuplicate> possibleDuplicates, List<Integer> alikeRows) {
    }

    /** A case an import made: its category and its address as the row gave them. */
    record Imported(String caseNo, String category, String address) {
    }

    /** Address keys a query: well within the bind parameters a statement may have. */
    private static final int KEYS_PER_QUERY = 2_000;

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

    /**
     * Why {@code duplicate} is not a possible duplicate of {@code primary} by the rule of {@link #of} (within the distance,
     * or at the same address), in Chinese; empty when it is.
     */
    java.util.Optional<String> notAlike(CaseRecord duplicate, CaseRecord primary) {
        Double distance = distance(duplicate, primary);
        String key = AddressKey.of(duplicate.address());
        if (distance != null && distance <= properties.distanceMeters() || key != null && key.equals(AddressKey.of(primary.address()))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("案件 " + primary.caseNo() + (distance == null ? " 与本案地址不同（两案没有都标注位置）"
                : " 与本案相距约 " + Math.round(distance) + " 米（超过 " + properties.distanceMeters() + " 米），地址也不同")
                + "，不是疑似重复案件，不能合并；确属同一问题的，请按正常流程办结");
    }

    /**
     * The possible duplicates of an import's cases ({@code imported}: by row number, in row order), by the rule of
     * {@link #of} (an imported case has no coordinates: the same address and category), only rows that have some. The
     * open cases at the import's addresses are read at once ({@link CaseRecords#openAtAddresses}, a statement per
     * {@value #KEYS_PER_QUERY} addresses) instead of a query per row; the import's own cases among them are the rows of
     * the file that are alike.
     */
    List<ImportedRow> ofImport(String tenantId, Map<Integer, Imported> imported, Authentication caller) {
        Map<Integer, Key> keyOfRow = new LinkedHashMap<>();
        imported.forEach((row, c) -> {
            String key = AddressKey.of(c.address());
            if (key != null) {
                keyOfRow.put(row, new Key(c.category(), key));
            }
        });
        if (keyOfRow.isEmpty()) {
            return List.of();
        }
        Set<String> categories = new LinkedHashSet<>();
        keyOfRow.values().forEach(k -> categories.add(k.category()));
        List<String> addresses = List.copyOf(new LinkedHashSet<>(keyOfRow.values().stream().map(Key::address).toList()));
        Map<String, Integer> rowOfCase = new HashMap<>();
        imported.forEach((row, c) -> rowOfCase.put(c.caseNo(), row));
        Map<Key, Alike> alike = new HashMap<>();
        Map<String, Instant> reportedAt = new HashMap<>();
        CaseVisibility.Filter visible = visibility.listFilter(caller);
        for (int from = 0; from < addresses.size(); from += KEYS_PER_QUERY) {
            for (CaseRecords.OpenAtAddress o : records.openAtAddresses(tenantId, categories,
                    addresses.subList(from, Math.min(addresses.size(), from + KEYS_PER_QUERY)), visible)) {
                Alike at = alike.computeIfAbsent(new Key(o.category(), o.addressKey()), k -> new Alike());
                Integer row = rowOfCase.get(o.caseNo());
                if (row != null) {
                    at.rows().add(row);
                    reportedAt.put(o.caseNo(), o.reportedAt());
                } else if (at.cases().size() < properties.maxShown()) {
                    at.cases().add(o);
                }
            }
        }
        alike.values().forEach(a -> a.rows().sort(null));
        List<ImportedRow> found = new ArrayList<>();
        keyOfRow.forEach((row, key) -> {
            Alike at = alike.get(key);
            if (at == null) {
                return; // its own case is not among those the importer may read, nor any other
            }
            String caseNo = imported.get(row).caseNo();
            Instant reported = reportedAt.get(caseNo);
            List<PossibleDuplicate> cases = at.cases().stream()
                    .map(o -> new PossibleDuplicate(o.caseNo(), o.title(), o.address(), null, o.status().name(), o.status().label(),
                            reported == null || !o.reportedAt().isAfter(reported)))
                    .toList();
            List<Integer> rows = at.rows().stream().filter(r -> r != row.intValue()).limit(properties.maxShown()).toList();
            if (!cases.isEmpty() || !rows.isEmpty()) {
                found.add(new ImportedRow(row, caseNo, cases, rows));
            }
        });
        return found;
    }

    /** The open cases at one address and of one category: the first others (earliest reported), the import's rows. */
    private record Alike(List<CaseRecords.OpenAtAddress> cases, List<Integer> rows) {

        Alike() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    private record Key(String category, String address) {
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
