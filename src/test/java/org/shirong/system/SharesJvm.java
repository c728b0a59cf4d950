package org.shirong.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class without Spring, server or browser (plain unit tests, process tests on the engine of
 * process-test.cfg.xml, and tests building engines of their own, each uniquely named on its own in-memory H2) that the
 * build runs in one JVM with the other classes so marked, one after another (pom.xml, execution "shared-jvm"): a JVM
 * of its own cost each such class more than its tests. Such a class must leave the JVM as it found it: the engine
 * clock reset, its deployments removed, no default time zone, locale or system property changed ({@link SharedJvmHygiene}
 * resets the engine's test doubles, clock and authenticated user after each class in any case).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("shared-jvm")
@ExtendWith(SharedJvmHygiene.class)
public @interface SharesJvm {
}
