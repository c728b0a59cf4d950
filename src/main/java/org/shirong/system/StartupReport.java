package org.shirong.system;

import java.util.List;
import org.shirong.organization.OrganizationRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where Shirong is reachable and, in the demo run, the accounts to log in with. */
@Component
class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final OrganizationRecords records;
    private final Environment environment;
    private final boolean demo;

    StartupReport(OrganizationRecords records, Environment environment, @Value("${shirong.demo.enabled}") boolean demo) {
        this.records = records;
        this.environment = environment;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        StringBuilder text = new StringBuilder("\n\n==== Shirong 市容 已启动 ====\n")
                .append("  任务列表 Tasklist:  ").append(base).append("/camunda/app/tasklist/\n")
                .append("  驾驶舱 Cockpit:     ").append(base).append("/camunda/app/cockpit/\n")
                .append("  管理 Admin:         ").append(base).append("/camunda/app/admin/\n")
                .append("  REST API:           ").append(base).append("/engine-rest/version 与 ").append(base).append("/api/me （HTTP Basic）\n");
        if (demo) {
            text.append("  演示账号（仅限演示运行）：管理员 ").append(environment.getProperty("shirong.admin.id"))
                    .append(" / ").append(environment.getProperty("shirong.admin.password", "").isBlank()
                            ? environment.getProperty("shirong.demo.admin-password", "admin") : "（SHIRONG_ADMIN_PASSWORD 所设密码）")
                    .append("；以下用户密码均为 ").append(environment.getProperty("shirong.demo.password")).append("\n");
            text.append(accounts(records.users()));
        }
        LOG.info(text.toString());
    }

    /** One line an account, the names in one column however long the ids (a town's prefix makes zzshirongban1). */
    static String accounts(List<OrganizationRecords.Person> users) {
        int width = users.stream().mapToInt(u -> u.id().length()).max().orElse(0) + 2;
        StringBuilder lines = new StringBuilder();
        users.forEach(u -> lines.append("    ").append(String.format("%-" + width + "s", u.id())).append(u.name()).append('\n'));
        return lines.toString();
    }
}
