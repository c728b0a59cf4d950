package org.shirong.zone;

import java.time.LocalDateTime;

/**
 * A photo to put into a zone's file: its bytes and, when the camera wrote them, when ({@code takenAt}, the camera's
 * own clock) and where it was taken.
 */
record ZonePhoto(String fileName, String mimeType, byte[] content, LocalDateTime takenAt, Double lat, Double lng) {
}
