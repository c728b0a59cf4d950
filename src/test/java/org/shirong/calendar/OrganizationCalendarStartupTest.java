package org.shirong.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shirong.ShirongApplication;
import org.shirong.system.StartupRefusedException;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * An organisation's own {@code calendar.yaml} with a mistake stops start-up naming the file and the field: deadlines
 * counted on office hours nobody meant would be wrong for every case of that organisation.
 */
class OrganizationCalendarStartupTest {

    @TempDir
    Path folder;

    /** Starts Shirong with 锦溪镇's folder holding only {@code calendar.yaml} (its other files are the bundled ones). */
    private String refusalWith(String calendarYaml) throws IOException {
        Path file = Files.createDirectories(folder.resolve("jinxi")).resolve("calendar.yaml");
        Files.writeString(file, calendarYaml);
        Throwable failure = null;
        try (var context = new SpringApplicationBuilder(ShirongApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:shirong-org-calendar-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false",
                "--shirong.organizations.folder=" + folder,
                "--shirong.organizations.active=jiuting,jinxi")) {
            assertThat(context).as("Shirong started although %s is wrong", file).isNull();
        } catch (RuntimeException e) {
            failure = e;
        }
        Throwable refused = failure;
        while (refused != null && !(refused instanceof StartupRefusedException)) {
            refused = refused.getCause();
        }
        assertThat(refused).as("start-up refused with a StartupRefusedException: %s", failure).isNotNull();
        assertThat(refused.getMessage()).contains(file.toString());
        return refused.getMessage();
    }

    @Test
    void officeHoursThatEndBeforeTheyStartStopStartUp() throws IOException {
        assertThat(refusalWith("office-hours: [\"08:00-11:00\", \"13:30-12:00\"]\n"))
                .contains("office-hours[1]", "\"13:30-12:00\"", "开始时间须早于结束时间");
    }

    @Test
    void holidaysCannotBeSetPerOrganisation() throws IOException {
        assertThat(refusalWith("time-zone: Asia/Shanghai\nyears: [2026]\n"))
                .contains("years（第", "未知字段", "office-hours, time-zone");
    }
}
