package org.shirong.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with an in-memory H2 and no job executor. Every test class
 * using it shares one Spring context, and so the one engine named "default" that the REST API and the
 * webapps address; tests that start another context give it a unique engine name. Settings are given
 * here because ./config/application.yaml would override a test profile file.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:shirong-web;DB_CLOSE_DELAY=-1",
        // The REST API and the webapps address the engine named "default".
        "camunda.bpm.generate-unique-process-engine-name=false",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("test")
public @interface ShirongWebTest {
}
