package org.shirong.rectification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The size in pixels a photo's header claims, read without decoding the photo, and the refusal of a size no camera
 * takes. The case page and the 核查 form decode a photo in the browser and the dossier on the server: a 400 KB PNG may
 * claim 20,000 × 20,000 px (1.6 GB decoded). A 200-megapixel phone takes 16,320 × 12,240 px, a panorama about
 * 16,000 × 4,000.
 */
public final class PhotoSize {

    public static final int MAX_SIDE = 30_000;
    public static final long MAX_PIXELS = 250_000_000L;

    public record Size(int width, int height) {

        public boolean noCameraTakes() {
            return Math.max(width, height) > MAX_SIDE || (long) width * height > MAX_PIXELS;
        }

        boolean empty() {
            return width < 1 || height < 1;
        }
    }

    /** A refused photo: {@code code} for programs (unreadable or too large), {@code message} for the person. */
    public record Refusal(String code, String message) {
    }

    private PhotoSize() {
    }

    /**
     * Why a photo of {@code mimeType} (as {@link EvidencePhotos#imageType} read it) is refused; empty when a camera could
     * have taken it. {@code label} names the photo for the person who chose it ("整改后照片").
     */
    public static Optional<Refusal> problem(String label, String mimeType, byte[] content) {
        Optional<Size> size = of(mimeType, content).filter(s -> !s.empty());
        if (size.isEmpty()) {
            return Optional.of(new Refusal("PHOTO_UNREADABLE", label + "无法读取，文件可能已损坏，请重新拍摄或另选一张"));
        }
        if (size.get().noCameraTakes()) {
            return Optional.of(new Refusal("PHOTO_SIZE_TOO_LARGE", "%s尺寸过大（%d × %d 像素），请上传相机拍摄的照片（每边不超过 %d 像素，"
                    .formatted(label, size.get().width(), size.get().height(), MAX_SIDE) + "共不超过 2.5 亿像素）"));
        }
        return Optional.empty();
    }

    /** The size the header claims; empty when there is no readable header. */
    public static Optional<Size> of(String mimeType, byte[] content) {
        if ("image/webp".equals(mimeType)) {
            return webp(content); // the JDK has no WebP reader
        }
        try (ImageInputStream in = stream(content)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Read from memory: {@code ImageIO.createImageInputStream} would copy the bytes into a temporary file first. */
    public static ImageInputStream stream(byte[] content) {
        return new MemoryCacheImageInputStream(new ByteArrayInputStream(content));
    }

    /** The canvas size of a WebP's first chunk: extended (VP8X), lossy (VP8) or lossless (VP8L). */
    private static Optional<Size> webp(byte[] b) {
        if (b.length < 30) {
            return Optional.empty();
        }
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8X" -> Optional.of(new Size(1 + uint24(b, 24), 1 + uint24(b, 27)));
            case "VP8 " -> (b[23] & 0xFF) == 0x9D && (b[24] & 0xFF) == 0x01 && (b[25] & 0xFF) == 0x2A
                    ? Optional.of(new Size(uint16(b, 26) & 0x3FFF, uint16(b, 28) & 0x3FFF)) : Optional.empty();
            case "VP8L" -> {
                if ((b[20] & 0xFF) != 0x2F) {
                    yield Optional.empty();
                }
                long bits = (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16 | (b[24] & 0xFFL) << 24;
                yield Optional.of(new Size(1 + (int) (bits & 0x3FFF), 1 + (int) (bits >> 14 & 0x3FFF)));
            }
            default -> Optional.empty();
        };
    }

    private static int uint16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int uint24(byte[] b, int at) {
        return uint16(b, at) | (b[at + 2] & 0xFF) << 16;
    }
}
