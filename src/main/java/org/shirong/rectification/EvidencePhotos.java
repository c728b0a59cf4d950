package org.shirong.rectification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes the before/after photos a lead unit uploaded on the 整改 form out of the task's File
 * variables into the case record, after checking that each is a real image of acceptable size.
 */
@Component
class EvidencePhotos {

    record Photo(String fileName, String mimeType, byte[] content) {
    }

    private final int maxBytes;

    EvidencePhotos(@Value("${shirong.rectification.max-photo-bytes}") int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The photo in {@code variable}, checked; empty when none was uploaded. Refuses non-images and oversized files. */
    Optional<Photo> take(DelegateExecution execution, String variable, String label) {
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
            throw FormInputRefused.of(variable, label + "不是图片文件（支持 JPEG、PNG、GIF、WebP）：" + file.getFilename());
        }
        return Optional.of(new Photo(file.getFilename() == null ? variable : file.getFilename(), mimeType, content));
    }

    /** The image type by the file's first bytes (its name or declared type may lie). */
    static String imageType(byte[] b) {
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
