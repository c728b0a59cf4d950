package org.shirong.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The demo's before and after photos: drawn, not photographed — a street corner with and without rubbish bags. */
final class DemoPhotos {

    private DemoPhotos() {
    }

    static byte[] before() {
        return draw(true);
    }

    static byte[] after() {
        return draw(false);
    }

    private static byte[] draw(boolean rubbish) {
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x9fc5e8));
        g.fillRect(0, 0, 480, 160);
        g.setColor(new Color(0xb7b7b7));
        g.fillRect(0, 160, 480, 160);
        g.setColor(new Color(0x8d6e63));
        g.fillRect(300, 60, 150, 110);
        g.setColor(new Color(0x38761d));
        g.fillOval(30, 90, 90, 80);
        if (rubbish) {
            g.setColor(new Color(0x3d3d3d));
            g.fillOval(180, 200, 70, 60);
            g.fillOval(230, 215, 60, 50);
            g.setColor(new Color(0x6aa84f));
            g.fillOval(200, 240, 55, 45);
        } else {
            g.setColor(new Color(0x2e7d32));
            g.fillRect(215, 190, 40, 60);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
