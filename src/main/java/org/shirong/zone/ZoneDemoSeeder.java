package org.shirong.zone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.shirong.organization.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo's zones, once, on the demo run ({@code shirong.demo.seed}), after the cases ({@code DemoSeeder}): 九亭's plan
 * names no holders, so {@code demo/jiuting-zones.csv} holds 24 made-up ones (marked 演示) on the demo's roads, imported
 * as the office (创建办) imports a file; then 九亭大街's shops and 九亭市场's stalls form their 自律组织, and the other
 * parts' {@link ZoneDemoStep}s run (告知书 delivered and posted, a zone at 黄牌). The engine
 * property {@value #MARKER} records that it was done, so it never runs twice.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = {"shirong.demo.enabled", "shirong.demo.seed"}, havingValue = "true")
class ZoneDemoSeeder implements ApplicationRunner {

    static final String MARKER = "shirong.demo.zones-seeded";
    static final String TENANT = "jiuting";
    static final String OFFICE_USER = "chuangban1";
    private static final Logger LOG = LoggerFactory.getLogger(ZoneDemoSeeder.class);

    private final ManagementService managementService;
    private final Organizations organizations;
    private final ZoneImport zoneImport;
    private final SelfGroups selfGroups;
    private final ZoneRecords zones;
    private final ObjectProvider<ZoneDemoStep> steps;

    ZoneDemoSeeder(ManagementService managementService, Organizations organizations, ZoneImport zoneImport,
            SelfGroups selfGroups, ZoneRecords zones, ObjectProvider<ZoneDemoStep> steps) {
        this.steps = steps;
        this.managementService = managementService;
        this.organizations = organizations;
        this.zoneImport = zoneImport;
        this.selfGroups = selfGroups;
        this.zones = zones;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    /** Seeds unless done before, 九亭 is not run here or already has zones; returns whether it seeded. */
    boolean seed() {
        if (managementService.getProperties().containsKey(MARKER) || organizations.find(TENANT).isEmpty()) {
            return false;
        }
        managementService.setProperty(MARKER, Instant.now().toString());
        if (!zones.active(TENANT).isEmpty()) {
            LOG.info("演示数据：九亭镇已有责任区，不再导入演示责任区");
            return false;
        }
        try (InputStream csv = new ClassPathResource("demo/jiuting-zones.csv").getInputStream()) {
            ZoneImport.Result imported = zoneImport.importFile(TENANT, csv, "jiuting-zones.csv", "text/csv", OFFICE_USER);
            selfGroups.create(TENANT, new SelfGroups.NewSelfGroup("九亭大街商户自律小组", "STREET", "九亭大街", "王建国",
                    "13800000001", "2026-03-01", "门前三包、自扫门前；不出店经营、不乱堆物、不乱张贴；每月轮值巡查一次。",
                    List.of(member("JT-Z-0001", "组长"), member("JT-Z-0002", "副组长"), member("JT-Z-0003", null),
                            member("JT-Z-0004", null), member("JT-Z-0005", null), member("JT-Z-0006", null))), OFFICE_USER);
            selfGroups.create(TENANT, new SelfGroups.NewSelfGroup("九亭市场商户自律会", "MARKET", "九亭市场", "罗经理",
                    "13800000022", "2026-03-15", "摊位不出店、垃圾日产日清、通道不堆物；违者由自律会先行劝导。",
                    List.of(member("JT-Z-0022", "会长"), member("JT-Z-0023", "副会长"))), OFFICE_USER);
            steps.orderedStream().forEach(step -> step.run(TENANT, OFFICE_USER));
            LOG.info("演示数据：九亭镇导入 {} 个演示责任区和 2 个自律组织", imported.created());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            LOG.warn("演示责任区未能生成（{}），Shirong 照常启动", e.getMessage(), e);
            return false;
        }
    }

    private static SelfGroups.NewMember member(String zoneNo, String role) {
        return new SelfGroups.NewMember(zoneNo, null, role);
    }
}
