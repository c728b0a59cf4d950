package org.shirong.zone;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A zone's file (一点一档) as {@link ZoneFiles} keeps it: the zone, every step in the order it happened (people by
 * name), and its photos without their bytes ({@link ZoneFiles#photo} gives those).
 */
record ZoneFile(Zone zone, List<Entry> events, List<Photo> photos) {

    /** One step: when, what ({@code kind}, {@link #kindName()} in Chinese), by whom, what was written, and its photo. */
    record Entry(long id, Instant at, ZoneEventKind kind, String actor, String actorName, String detail, String ref,
            Long photoId) {

        String kindName() {
            return kind.label();
        }
    }

    /** A photo's record; {@code takenAt} is the camera's clock, null when the photo carried none. */
    record Photo(long id, long zoneId, ZonePhotoKind kind, String fileName, String mimeType, int sizeBytes,
            LocalDateTime takenAt, Double latitude, Double longitude, String uploadedBy, Instant uploadedAt) {
    }

    /** A photo with its bytes. */
    record StoredPhoto(Photo photo, byte[] content) {
    }
}
