package org.shirong.rectification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shirong.cases.duplicates}: a reported case's possible duplicates are the organisation's open cases of the same
 * category lying within {@code distanceMeters} of it (both with coordinates) or at the same address ({@link AddressKey});
 * at most {@code maxShown} of them, nearest first.
 */
@ConfigurationProperties("shirong.cases.duplicates")
record DuplicateProperties(@DefaultValue("50") int distanceMeters, @DefaultValue("5") int maxShown) {
}
