package org.shirong.rectification;

import java.time.Instant;

/** The three instants of a case's clock: yellow warning, due (red), escalation to the 通报 list. */
record Deadlines(Instant warnAt, Instant dueAt, Instant escalateAt) {
}
