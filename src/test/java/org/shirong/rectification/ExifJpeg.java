package org.shirong.rectification;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A phone-sized JPEG (busy enough to be several MB) carrying the EXIF a phone camera writes: DateTimeOriginal and a
 * GPS position, in a little-endian TIFF block placed right after the JPEG's start, as cameras do.
 */
final class ExifJpeg {

    private ExifJpeg() {
    }

    /** {@code takenAt} as EXIF writes it ("2026:11:30 09:15:00"); latitude north and longitude east in degrees. */
    static byte[] photo(int width, int height, long seed, String takenAt, double latitude, double longitude) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 3000; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(300), 20 + random.nextInt(300));
        }
        g.dispose();
        for (int y = 0; y < height; y += 2) { // fine grain, as in a real photo, keeps the JPEG large
            for (int x = 0; x < width; x += 2) {
                image.setRGB(x, y, image.getRGB(x, y) ^ random.nextInt(0x202020));
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        byte[] plain = jpeg.toByteArray();
        byte[] app1 = app1(takenAt, latitude, longitude);
        byte[] result = new byte[plain.length + app1.length];
        System.arraycopy(plain, 0, result, 0, 2); // SOI
        System.arraycopy(app1, 0, result, 2, app1.length);
        System.arraycopy(plain, 2, result, 2 + app1.length, plain.length - 2);
        return result;
    }

    private static byte[] app1(String takenAt, double latitude, double longitude) {
        ByteBuffer tiff = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        // IFD0 at 8: two pointers (Exif IFD, GPS IFD)
        int exifIfd = 8 + 2 + 2 * 12 + 4;           // 38
        int exifData = exifIfd + 2 + 12 + 4;         // 56: DateTimeOriginal, 20 bytes
        int gpsIfd = exifData + 20;                  // 76
        int gpsData = gpsIfd + 2 + 4 * 12 + 4;       // 130: two times three rationals
        tiff.putShort((short) 2);
        entry(tiff, 0x8769, 4, 1, exifIfd);
        entry(tiff, 0x8825, 4, 1, gpsIfd);
        tiff.putInt(0);
        tiff.putShort((short) 1);
        entry(tiff, 0x9003, 2, 20, exifData);
        tiff.putInt(0);
        tiff.put((takenAt + "\0").getBytes(StandardCharsets.US_ASCII));
        tiff.putShort((short) 4);
        entry(tiff, 1, 2, 2, 'N');
        entry(tiff, 2, 5, 3, gpsData);
        entry(tiff, 3, 2, 2, 'E');
        entry(tiff, 4, 5, 3, gpsData + 24);
        tiff.putInt(0);
        rationals(tiff, latitude);
        rationals(tiff, longitude);
        int length = tiff.position();
        ByteBuffer segment = ByteBuffer.allocate(2 + 2 + 6 + length).order(ByteOrder.BIG_ENDIAN);
        segment.putShort((short) 0xFFE1).putShort((short) (2 + 6 + length));
        segment.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        segment.put(tiff.array(), 0, length);
        return segment.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** Degrees, minutes, and seconds to 1/10000. */
    private static void rationals(ByteBuffer tiff, double degrees) {
        int whole = (int) degrees;
        double minutes = (degrees - whole) * 60;
        int wholeMinutes = (int) minutes;
        long seconds = Math.round((minutes - wholeMinutes) * 60 * 10000);
        tiff.putInt(whole).putInt(1).putInt(wholeMinutes).putInt(1).putInt((int) seconds).putInt(10000);
    }
}
