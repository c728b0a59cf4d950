package org.shirong.zone;

/**
 * A part of a zone's file kept by another part of this package (告知书, 门责处置, 培训), which
 * {@code GET /api/zones/{id}/file} shows under its {@link #key()} beside the zone and its steps. Each part that has one
 * declares a bean implementing this.
 */
interface ZoneFileSection {

    /** The key in the file's JSON: {@code notice}, {@code breaches} or {@code trainings}. */
    String key();

    /** What the part holds for the zone, ready for JSON (a record, a list); null when nothing. */
    Object of(Zone zone);
}
