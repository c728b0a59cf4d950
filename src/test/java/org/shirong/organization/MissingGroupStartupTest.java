package org.shirong.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shirong.ShirongApplication;
import org.shirong.system.StartupRefusedException;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * An organisation's dispatch table or campaign template that names a group the organisation does not have (here 锦溪's
 * table naming 九亭's 绿容所) stops start-up with one message naming the file, the rule or field and the group: a case
 * dispatched to it would wait for a group nobody in 锦溪 belongs to.
 */
class MissingGroupStartupTest {

    @TempDir
    Path folder;

    /** The shipped 九亭镇 and 锦溪镇 folders, copied so that one file can be broken. */
    @BeforeEach
    void copyTheShippedOrganisations() throws IOException {
        for (String organization : new String[] {"jiuting", "jinxi", "_defaults"}) {
            Path from = Path.of("config/organizations", organization);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path to = folder.resolve(organization).resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
        }
    }

    /** The database of the last start: kept after the start fails (DB_CLOSE_DELAY=-1), to see what it left. */
    private String url;

    private Throwable startShirong(String... more) {
        url = "jdbc:h2:mem:shirong-missing-group-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + url,
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false",
                "--shirong.organizations.folder=" + folder,
                "--shirong.organizations.active=jiuting,jinxi"));
        args.addAll(List.of(more));
        Throwable failure = null;
        try (var context = new SpringApplicationBuilder(ShirongApplication.class).profiles("test").run(args.toArray(String[]::new))) {
            assertThat(context).as("Shirong started although a file names a missing group").isNull();
        } catch (RuntimeException e) {
            failure = e;
        }
        Throwable refused = failure;
        while (refused != null && !(refused instanceof StartupRefusedException)) {
            refused = refused.getCause();
        }
        assertThat(refused).as("start-up refused with a StartupRefusedException: %s", failure).isNotNull();
        return refused;
    }

    @Test
    void aDispatchTableNamingAnotherOrganisationsUnitStopsStartUp() throws IOException, SQLException {
        Path table = folder.resolve("jinxi/CaseDispatch.dmn");
        String dmn = Files.readString(table);
        int rule = dmn.indexOf("<rule id=\"Rule_RectifyTownRivers\">");
        int lead = dmn.indexOf("\"jxshuili\"", rule);
        Files.writeString(table, dmn.substring(0, lead) + "\"lvrong\"" + dmn.substring(lead + "\"jxshuili\"".length()));

        String message = startShirong().getMessage();

        assertThat(message).contains(table.toString(), "规则 Rule_RectifyTownRivers", "\"lvrong\"", "不是锦溪镇的组");
        assertThat(message.lines().filter(l -> l.contains("lvrong")).count()).as("one line for the one mistake").isOne();
        // The organisations are seeded beside the deployments: the seeding, begun before the files were found wrong,
        // is rolled back; nothing is deployed or seeded, and the next start (the file mended) seeds everything.
        assertThat(count("act_re_deployment")).as("deployments").isZero();
        assertThat(count("act_id_tenant")).as("organisations seeded").isZero();
        assertThat(count("act_id_user")).as("users seeded").isZero();
        assertThat(count("org_user")).as("users recorded as seeded").isZero();
        assertThat(count("startup_fingerprint")).as("start-up fingerprints").isZero();
    }

    private long count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                ResultSet rows = connection.createStatement().executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aTemplateNamingAMissingGroupStopsStartUp() throws IOException {
        Path template = folder.resolve("jinxi/campaigns/jinxi-2017-931.yaml");
        Files.writeString(template, Files.readString(template).replaceFirst("lead: jxjianguan", "lead: chengjian"));

        String message = startShirong().getMessage();

        assertThat(message).contains("jinxi-2017-931.yaml", "lead", "\"chengjian\"");
    }

    /** A user task, here inside a sub-process, whose candidate group one organisation lacks: one line for that one. */
    @Test
    void aDiagramNamingAGroupOneOrganisationLacksStopsStartUp() throws IOException {
        Path processes = Files.createDirectories(folder.resolve("extra-processes"));
        Files.writeString(processes.resolve("GroupProbe.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="GroupProbe" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:subProcess id="SubProcess_Nested">
                      <bpmn:userTask id="Task_CheckStreet" name="巡查街面" camunda:candidateGroups="lvrong" />
                    </bpmn:subProcess>
                  </bpmn:process>
                </bpmn:definitions>
                """);

        String message = startShirong("--shirong.deployment.processes-dir=" + processes).getMessage();

        assertThat(message).contains("GroupProbe.bpmn", "任务 Task_CheckStreet（巡查街面）", "\"lvrong\"", "不是锦溪镇的组");
        assertThat(message.lines().filter(l -> l.contains("Task_CheckStreet")).count()).as("九亭镇 has lvrong: one line").isOne();
    }
}
