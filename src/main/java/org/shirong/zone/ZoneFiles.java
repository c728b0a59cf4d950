package org.shirong.zone;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.organization.Organizations;
import org.shirong.rectification.EvidencePhotos;
import org.shirong.rectification.PhotoSize;
import org.shirong.system.ApiError;
import org.shirong.system.FileNames;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * A zone's file (一点一档): the {@code zone_event} and {@code zone_photo} tables. Every part of the zone package records
 * its steps here, in the caller's (engine's) transaction, at the engine's clock.
 */
@Repository
class ZoneFiles {

    private final JdbcTemplate jdbc;
    private final ZoneRecords zones;
    private final Organizations organizations;
    private final int maxPhotoBytes;

    ZoneFiles(JdbcTemplate jdbc, ZoneRecords zones, Organizations organizations,
            @Value("${shirong.rectification.max-photo-bytes}") int maxPhotoBytes) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.organizations = organizations;
        this.maxPhotoBytes = maxPhotoBytes;
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Records a step in the zone's file; {@code ref}, {@code detail} and {@code photoId} may be null. */
    void record(long zoneId, ZoneEventKind kind, String actor, String detail, String ref, Long photoId) {
        jdbc.update("insert into zone_event (zone_id, occurred_at, kind, actor, detail, ref, photo_id) values (?,?,?,?,?,?,?)",
                zoneId, Timestamp.from(now()), kind.name(), actor, cut(detail, 4000), cut(ref, 64), photoId);
    }

    /**
     * Keeps a photo in the zone's file and returns its id (record the step that took it with {@link #record}). An empty,
     * oversized ({@code shirong.rectification.max-photo-bytes}) or non-image file, or one of a size no camera takes
     * ({@link PhotoSize}), is refused, naming the photo.
     */
    long addPhoto(long zoneId, ZonePhotoKind kind, ZonePhoto photo, String actor) {
        byte[] content = photo.content();
        if (content == null || content.length == 0) {
            throw refused("EMPTY_PHOTO", kind.label() + "照片是空文件，请重新拍摄");
        }
        if (content.length > maxPhotoBytes) {
            throw refused("PHOTO_TOO_LARGE", kind.label() + "照片过大：不能超过 " + (maxPhotoBytes / 1_000_000) + " MB");
        }
        // The type is read from the bytes, never taken from the client: a photo is served with it, on Tasklist's origin.
        String type = EvidencePhotos.imageType(content);
        String fileName = FileNames.stored(photo.fileName(), "photo");
        if (type == null) {
            throw refused("NOT_AN_IMAGE", kind.label() + "照片“" + fileName + "”不是 JPEG、PNG、GIF 或 WebP 图片");
        }
        PhotoSize.problem(kind.label() + "照片“" + fileName + "”", type, content).ifPresent(refusal -> {
            throw refused(refusal.code(), refusal.message());
        });
        Timestamp at = Timestamp.from(now());
        Object[] values = {zoneId, kind.name(), FileNames.typed(fileName, type),
                type, content.length, content,
                photo.takenAt() == null ? null : Timestamp.valueOf(photo.takenAt()), photo.lat(), photo.lng(), actor, at};
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement insert = c.prepareStatement("insert into zone_photo (zone_id, kind, file_name, mime_type,"
                    + " size_bytes, content, taken_at, latitude, longitude, uploaded_by, uploaded_at)"
                    + " values (?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            new ArgumentPreparedStatementSetter(values).setValues(insert);
            return insert;
        }, key);
        Number id = key.getKey();
        return id == null ? 0 : id.longValue();
    }

    /** The zone's file; 404 when there is no such zone. */
    ZoneFile file(long zoneId) {
        Zone zone = zones.find(zoneId).orElseThrow(() -> new NotFoundException("ZONE_NOT_FOUND", "没有责任区 " + zoneId));
        List<ZoneFile.Entry> events = jdbc.query("select id, occurred_at, kind, actor, detail, ref, photo_id from zone_event"
                + " where zone_id = ? order by occurred_at, id", (rs, n) -> new ZoneFile.Entry(rs.getLong("id"),
                        ZoneRecords.instant(rs, "occurred_at"), ZoneEventKind.valueOf(rs.getString("kind")),
                        rs.getString("actor"), organizations.personName(rs.getString("actor")), rs.getString("detail"),
                        rs.getString("ref"), (Long) rs.getObject("photo_id", Long.class)), zoneId);
        List<ZoneFile.Photo> photos = jdbc.query("select " + PHOTO_COLUMNS + " from zone_photo where zone_id = ? order by id",
                ZoneFiles::photo, zoneId);
        return new ZoneFile(zone, events, photos);
    }

    /** A photo of the zone with its bytes; empty when the zone has no such photo. */
    Optional<ZoneFile.StoredPhoto> photo(long zoneId, long photoId) {
        return jdbc.query("select " + PHOTO_COLUMNS + ", content from zone_photo where zone_id = ? and id = ?",
                (rs, n) -> new ZoneFile.StoredPhoto(photo(rs, n), rs.getBytes("content")), zoneId, photoId).stream().findFirst();
    }

    private static final String PHOTO_COLUMNS = "id, zone_id, kind, file_name, mime_type, size_bytes, taken_at, latitude,"
            + " longitude, uploaded_by, uploaded_at";

    private static ZoneFile.Photo photo(ResultSet rs, int row) throws SQLException {
        Timestamp taken = rs.getTimestamp("taken_at");
        return new ZoneFile.Photo(rs.getLong("id"), rs.getLong("zone_id"), ZonePhotoKind.valueOf(rs.getString("kind")),
                rs.getString("file_name"), rs.getString("mime_type"), rs.getInt("size_bytes"),
                taken == null ? null : taken.toLocalDateTime(), (Double) rs.getObject("latitude", Double.class),
                (Double) rs.getObject("longitude", Double.class), rs.getString("uploaded_by"),
                ZoneRecords.instant(rs, "uploaded_at"));
    }

    private static InvalidRequestException refused(String code, String message) {
        return new InvalidRequestException(ApiError.field("photo", code, message));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
