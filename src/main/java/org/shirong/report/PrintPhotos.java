package org.shirong.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.shirong.rectification.PhotoSize;

/**
 * A phone photo (up to 5 MB, 4000 px) made the size it prints at: half an A4 page wide is about 80 mm, for which
 * {@value #MAX_SIDE} px is above 300 dpi. Keeps a dossier of a plan item's many cases small and its memory bounded; the
 * 责任区 file handed over to 执法 prints its photos the same way.
 */
public final class PrintPhotos {

    public static final int MAX_SIDE = 1200;

    private PrintPhotos() {
    }

    /**
     * The photo as a JPEG no larger than {@link #MAX_SIDE} px; unchanged when it is small already; null when it cannot be
     * read. Its size is read from its header and a large one decoded only every n-th pixel, so that memory stays bounded
     * whatever size the file claims: a 400 KB PNG of 20,000 × 20,000 px decoded whole needs 400 MB, and the PDF renderer,
     * handed the file back as unreadable, decoded it again (out of memory twice on a 512 MB heap at each download).
     */
    public static Printable fit(String mimeType, byte[] content) {
        BufferedImage image;
        try (ImageInputStream in = PhotoSize.stream(content)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                PhotoSize.Size claimed = new PhotoSize.Size(reader.getWidth(0), reader.getHeight(0));
                if (claimed.noCameraTakes()) {
                    return null; // stored before uploads were checked; even one row would need a row buffer that wide
                }
                int side = Math.max(claimed.width(), claimed.height());
                if (side <= MAX_SIDE) {
                    return new Printable(mimeType, content);
                }
                ImageReadParam everyNth = reader.getDefaultReadParam();
                int step = side / MAX_SIDE;
                everyNth.setSourceSubsampling(step, step, 0, 0);
                image = reader.read(0, everyNth);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        double scale = Math.min(1, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        try {
            return new Printable("image/jpeg", jpeg(small));
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public record Printable(String mimeType, byte[] content) {
    }
}
