package org.shirong.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A phone photo (up to 5 MB, 4000 px) made the size it prints at: half an A4 page wide is about 80 mm, for which
 * {@value #MAX_SIDE} px is above 300 dpi. Keeps a dossier of a plan item's many cases small and its memory bounded.
 */
final class PrintPhotos {

    static final int MAX_SIDE = 1200;

    private PrintPhotos() {
    }

    /** The photo as a JPEG no larger than {@link #MAX_SIDE} px; unchanged when it is small already or unreadable. */
    static Printable fit(String mimeType, byte[] content) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException unreadable) {
            return new Printable(mimeType, content);
        }
        if (image == null || Math.max(image.getWidth(), image.getHeight()) <= MAX_SIDE) {
            return new Printable(mimeType, content);
        }
        double scale = (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight());
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
            return new Printable(mimeType, content);
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

    record Printable(String mimeType, byte[] content) {
    }
}
