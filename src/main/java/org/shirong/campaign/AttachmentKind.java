package org.shirong.campaign;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The kinds of file a campaign task takes (台帐、整治案件、照片), as a template names them in {@code evidence.kinds}.
 * A file's kind is read from its first bytes, not from its name or declared type, which may lie; only the old
 * Word and Excel formats, which share one container, are told apart by the file name.
 */
enum AttachmentKind {
    PHOTO("photo", "照片（JPEG、PNG、GIF、WebP）"),
    PDF("pdf", "PDF 文件"),
    WORD("word", "Word 文档（.docx、.doc）"),
    EXCEL("excel", "Excel 表格（.xlsx、.xls）");

    private final String id;
    private final String label;

    AttachmentKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    String id() {
        return id;
    }

    String label() {
        return label;
    }

    static Optional<AttachmentKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    static String ids() {
        return String.join("、", Arrays.stream(values()).map(AttachmentKind::id).toList());
    }

    /** A file's kind and the type it is served with, or empty when it is none of the kinds. */
    record Detected(AttachmentKind kind, String mimeType) {
    }

    static Optional<Detected> detect(byte[] b, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return found(PHOTO, "image/jpeg");
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return found(PHOTO, "image/png");
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return found(PHOTO, "image/gif");
        }
        if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return found(PHOTO, "image/webp");
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return found(PDF, "application/pdf");
        }
        if (starts(b, 'P', 'K', 3, 4)) {
            return officeOpenXml(b);
        }
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            if (name.endsWith(".doc") || name.endsWith(".wps")) {
                return found(WORD, "application/msword");
            }
            if (name.endsWith(".xls") || name.endsWith(".et")) {
                return found(EXCEL, "application/vnd.ms-excel");
            }
        }
        return Optional.empty();
    }

    /**
     * A ZIP file is a Word document or an Excel workbook by the folder its content is in, read from the names in its
     * central directory alone: nothing is inflated, so a small upload whose first entry unpacks to gigabytes costs no
     * more than its list of names (walking the entries with {@code ZipInputStream} inflated each one to reach the next).
     */
    private static Optional<Detected> officeOpenXml(byte[] b) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(b)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.getName().startsWith("word/")) {
                    return found(WORD, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                }
                if (entry.getName().startsWith("xl/")) {
                    return found(EXCEL, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Detected> found(AttachmentKind kind, String mimeType) {
        return Optional.of(new Detected(kind, mimeType));
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
