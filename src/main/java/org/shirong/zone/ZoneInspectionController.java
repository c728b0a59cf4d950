package org.shirong.zone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/zones/{id}/inspections} (multipart: {@code result} OK|BREACH, {@code items} the problems found,
 * {@code note}, {@code photo} with its optional {@code photoTakenAt} and {@code photoLocation} "lat,lng" from the
 * photo's EXIF): a routine inspection by the inspectors, the office, the enforcement unit or the zone's owner group.
 * A breach opens the 门责 ladder, or joins the one in handling. 201 with {@link ZoneInspections.Recorded}.
 */
@RestController
@RequestMapping("/api")
class ZoneInspectionController {

    private static final Pattern LAT_LNG = Pattern.compile("\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*,\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*");

    private final ZoneAccess access;
    private final ZoneInspections inspections;

    ZoneInspectionController(ZoneAccess access, ZoneInspections inspections) {
        this.access = access;
        this.inspections = inspections;
    }

    @PostMapping(value = "/zones/{id}/inspections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ZoneInspections.Recorded> inspect(@PathVariable long id, @RequestParam(required = false) String result,
            @RequestParam(required = false) List<String> items, @RequestParam(required = false) String note,
            @RequestParam(required = false) MultipartFile photo, @RequestParam(required = false) String photoTakenAt,
            @RequestParam(required = false) String photoLocation) {
        Zone zone = access.readable(id);
        access.requireInspector(zone.tenantId(), zone, !"OK".equalsIgnoreCase(result == null ? null : result.trim()));
        ZoneInspections.Recorded recorded = inspections.record(id, new ZoneInspections.NewInspection(result, items, note),
                photo(photo, photoTakenAt, photoLocation), access.caller());
        return ResponseEntity.status(HttpStatus.CREATED).body(recorded);
    }

    /** The uploaded photo, with when and where the camera says it was taken when the browser could read that. */
    private static ZonePhoto photo(MultipartFile file, String takenAt, String location) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Double lat = null;
        Double lng = null;
        Matcher m = location == null ? null : LAT_LNG.matcher(location);
        if (m != null && m.matches() && Math.abs(Double.parseDouble(m.group(1))) <= 90 && Math.abs(Double.parseDouble(m.group(2))) <= 180) {
            lat = Double.parseDouble(m.group(1));
            lng = Double.parseDouble(m.group(2));
        }
        return new ZonePhoto(file.getOriginalFilename() == null ? "photo" : file.getOriginalFilename(), content, takenAt(takenAt), lat, lng);
    }

    /** The camera's time; one the browser could not have read from EXIF is left out rather than refusing the photo. */
    private static LocalDateTime takenAt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDateTime at = LocalDateTime.parse(text.strip());
            return at.getYear() >= 1990 && at.getYear() <= 2999 ? at.withNano(0) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
