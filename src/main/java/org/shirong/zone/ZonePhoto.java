package org.shirong.zone;

import java.time.LocalDateTime;

/**
 * A photo to put into a zone's file: its bytes and, when the camera wrote them, when ({@code takenAt}, the camera's
 * own clock) and where it was taken. Its type is read from the bytes when it is kept (see ZoneFiles#addPhoto).
 */
record ZonePhoto(String fileName, byte[] content, LocalDateTime takenAt, Double lat, Double lng) {
}
