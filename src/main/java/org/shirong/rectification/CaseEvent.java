package org.shirong.rectification;

import java.time.Instant;

/** One step on a case's timeline ({@code rect_case_event}). */
public record CaseEvent(Instant occurredAt, CaseEventKind kind, String actor, String detail) {
}
