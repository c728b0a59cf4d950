package org.shirong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Shirong (市容): a Camunda 7 process application for city-appearance campaigns. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ShirongApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShirongApplication.class, args);
    }
}
