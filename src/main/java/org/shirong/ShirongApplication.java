package org.shirong;

import org.shirong.system.CheckOnly;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Shirong (市容): a Camunda 7 process application for city-appearance campaigns. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ShirongApplication {

    /** Starts Shirong; with {@code --shirong.check-only} only checks the process, form and organisation files ({@link CheckOnly}). */
    public static void main(String[] args) {
        if (CheckOnly.requested(args)) {
            System.exit(CheckOnly.run(args, System.out));
        }
        SpringApplication.run(ShirongApplication.class, args);
    }
}
