package org.shirong.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plain {@link ShirongWebTest} class (no settings or beans of its own) that the build may run in one JVM on one
 * Spring context with the other classes so marked, one after another (pom.xml, execution "shared-context"):
 * starting Spring and the engine is most of a web test class's time. Such a class must not depend on a fresh
 * database (it asserts on what it created itself) and must leave nothing behind that another could trip over (a
 * moved engine clock, a changed organisation, a running campaign: {@link CampaignLeftovers} withdraws those). Every other test class gets a JVM and a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("shared-context")
@ExtendWith(CampaignLeftovers.class)
public @interface SharesSpringContext {
}
