package org.shirong.system;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs the JVM in the town's time zone ({@code shirong.time-zone}, default Asia/Shanghai) before the
 * engine starts: Camunda evaluates cron timers (meetings on the 5th at 09:00) and task due dates in
 * the JVM's default zone, which on a cloud server is often UTC.
 */
class TimeZoneSetup implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        TimeZone.setDefault(TimeZone.getTimeZone(environment.getProperty("shirong.time-zone", "Asia/Shanghai")));
    }
}
