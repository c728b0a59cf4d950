package org.shirong.rectification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.shirong.system.ApiError;
import org.shirong.system.FileNames;
import org.shirong.system.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes the before/after photos a lead unit uploaded on the 整改 form out of the task's File
 * variables into the case record, after checking that each is a real image a camera could have taken, of acceptable size.
 * Beside each photo {@code X} the form sends {@code XTakenAt} ("2026-11-30T09:15:00", the camera's clock) and
 * {@code XLocation} ("31.123456,121.333333"), read in the browser from the photo's EXIF before it was made
 * smaller (which drops EXIF); either is empty when the photo carried none. Public for the other packages' photo
 * tasks (责任区 告知书 and 复查), which take their photos the same way.
 */
@Component
public class EvidencePhotos {

    private static final Logger LOG = LoggerFactory.getLogger(EvidencePhotos.class);
    static final String TAKEN_AT = "TakenAt";
    static final String LOCATION = "Location";
    private static final Pattern LAT_LNG = Pattern.compile("\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*,\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*");

    /** {@code takenAt}, {@code latitude}, {@code longitude}: from the photo's EXIF, null when unknown. */
    public record Photo(String fileName, String mimeType, byte[] content, LocalDateTime takenAt, Double latitude, Double longitude) {
    }

    private final int maxBytes;

    public EvidencePhotos(@Value("${shirong.rectification.max-photo-bytes}") int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The photo in {@code variable}, checked; empty when none was uploaded. Refuses non-images and oversized files; the
     * phone's file name is cleaned ({@link FileNames}), "整改后照片.jpg" when it gave none.
     */
    public Optional<Photo> take(DelegateExecution execution, String variable, String label) {
        Object typed = execution.getVariableTyped(variable);
        if (!(typed instanceof FileValue file) || file.getValue() == null) {
            return Optional.empty();
        }
        byte[] content;
        try (InputStream in = file.getValue()) {
            content = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (content.length == 0) {
            return Optional.empty();
        }
        if (content.length > maxBytes) {
            throw FormInputRefused.of(variable, label + "过大：不能超过 " + (maxBytes / 1_000_000) + " MB");
        }
        String mimeType = imageType(content);
        if (mimeType == null) {
            throw FormInputRefused.of(variable, label + "不是图片文件（支持 JPEG、PNG、GIF、WebP）：" + FileNames.stored(file.getFilename(), ""));
        }
        PhotoSize.problem(label, mimeType, content).ifPresent(refusal -> {
            throw FormInputRefused.of(variable, refusal.message());
        });
        String extension = mimeType.substring("image/".length()).replace("jpeg", "jpg");
        String fileName = FileNames.typed(FileNames.stored(file.getFilename(), label + "." + extension), mimeType);
        String caseNo = execution.getProcessBusinessKey();
        LocalDateTime takenAt = takenAt(text(execution, variable + TAKEN_AT), caseNo, variable);
        double[] location = location(text(execution, variable + LOCATION), caseNo, variable);
        return Optional.of(new Photo(fileName, mimeType, content, takenAt,
                location == null ? null : location[0], location == null ? null : location[1]));
    }

    /**
     * A photo uploaded to the API with a report ({@code POST /api/cases}, multipart), checked as {@link #take} checks a
     * form's; {@code takenAt} and {@code location} as the form's hidden fields send them. A refusal is a 400 naming
     * {@code field}, with {@code label} ("第 2 张照片") in its message.
     */
    public Photo uploaded(String field, String label, String originalName, byte[] content, String takenAt, String location) {
        if (content == null || content.length == 0) {
            throw refused(field, "EMPTY_PHOTO", label + "是空文件，请重新拍摄");
        }
        if (content.length > maxBytes) {
            throw refused(field, "PHOTO_TOO_LARGE", label + "过大：不能超过 " + (maxBytes / 1_000_000) + " MB");
        }
        String mimeType = imageType(content);
        if (mimeType == null) {
            throw refused(field, "NOT_AN_IMAGE", label + "不是图片文件（支持 JPEG、PNG、GIF、WebP）：" + FileNames.stored(originalName, ""));
        }
        PhotoSize.problem(label, mimeType, content).ifPresent(refusal -> {
            throw refused(field, refusal.code(), refusal.message());
        });
        String extension = mimeType.substring("image/".length()).replace("jpeg", "jpg");
        String fileName = FileNames.typed(FileNames.stored(originalName, "现场照片." + extension), mimeType);
        LocalDateTime at = takenAt(blankToNull(takenAt), "（上报中）", field);
        double[] place = location(blankToNull(location), "（上报中）", field);
        return new Photo(fileName, mimeType, content, at, place == null ? null : place[0], place == null ? null : place[1]);
    }

    private static InvalidRequestException refused(String field, String code, String message) {
        return new InvalidRequestException(ApiError.field(field, code, message));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Removes the photo's variable and those of its EXIF data, once the photo is in the case record. */
    public void remove(DelegateExecution execution, String variable) {
        execution.removeVariable(variable);
        execution.removeVariable(variable + TAKEN_AT);
        execution.removeVariable(variable + LOCATION);
    }

    /**
     * The camera's time; a value the browser could not have made from EXIF (the form writes it, not the person) is
     * left out rather than refusing the photo, as the clerk could do nothing about it.
     */
    private static LocalDateTime takenAt(String text, String caseNo, String variable) {
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime at = LocalDateTime.parse(text);
            if (at.getYear() >= 1990 && at.getYear() <= 2999) {
                return at.withNano(0);
            }
        } catch (DateTimeParseException unreadable) {
            // logged below
        }
        LOG.info("案件 {}：{} 的拍摄时间 {} 无法识别，不予记录", caseNo, variable, shortened(text));
        return null;
    }

    private static double[] location(String text, String caseNo, String variable) {
        if (text == null) {
            return null;
        }
        Matcher m = LAT_LNG.matcher(text);
        if (m.matches()) {
            double lat = Double.parseDouble(m.group(1));
            double lng = Double.parseDouble(m.group(2));
            if (Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
                return new double[] {lat, lng};
            }
        }
        LOG.info("案件 {}：{} 的拍摄位置 {} 无法识别，不予记录", caseNo, variable, shortened(text));
        return null;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The image type by the file's first bytes (its name or declared type may lie). */
    public static String imageType(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }
}
