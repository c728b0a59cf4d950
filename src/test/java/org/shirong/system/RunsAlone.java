package org.shirong.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that must not share the machine's two cores with another test JVM: a real browser, a
 * Shirong JVM of its own, a race, a wall-clock lock time or a load. The build runs the other classes two
 * at a time and these one at a time afterwards (pom.xml, surefire executions).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("alone")
public @interface RunsAlone {
}
