package org.shirong.notification;

/** A rendered template: the subject line and the plain-text body. */
record Rendered(String subject, String body) {
}
