package org.shirong.zone;

import java.math.BigDecimal;
import java.time.Instant;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.mockito.Mockito;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.CaseCooperators;
import org.shirong.organization.OrganizationRoles;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CategoryCatalogue;
import org.shirong.rectification.EvidencePhotos;
import org.shirong.system.ProcessDefinitions;
import org.shirong.system.SystemAccess;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the real zone register, file, settings, ladder and inspections by hand over the engine-only test engine's
 * database (Shirong's migrations applied) with the bundled working calendar, and registers the ladder process's beans
 * for its expressions. The hand-over to enforcement is a mock ({@link #handOvers}): {@code ZoneHandOverTest} covers it
 * with the real case services.
 */
final class ZoneFixture {

    /** The shipped 九亭镇, whose zones.yaml the ladder follows (enforcement by 城管中队). */
    static final Organizations ORGANIZATIONS = Organizations.read("jiuting");
    static final int MAX_PHOTO_BYTES = 5_000_000;

    private static boolean migrated;

    final JdbcTemplate jdbc;
    final ZoneRecords zones;
    final ZoneFiles files;
    final ZoneSettings settings;
    final WorkingCalendars calendars = WorkingCalendars.bundled();
    final ZoneLadder ladder;
    final ZoneInspections inspections;
    final ZoneHandOvers handOvers = Mockito.mock(ZoneHandOvers.class);

    ZoneFixture(ProcessEngine engine) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        synchronized (ZoneFixture.class) {
            if (!migrated) {
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                        .table("shirong_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
                migrated = true;
            }
        }
        jdbc = new JdbcTemplate(dataSource);
        OrganizationRoles roles = new OrganizationRoles(ORGANIZATIONS, engine.getIdentityService(), () -> CaseCooperators.NONE);
        zones = new ZoneRecords(jdbc);
        files = new ZoneFiles(jdbc, zones, ORGANIZATIONS, MAX_PHOTO_BYTES);
        settings = new ZoneSettings(ORGANIZATIONS, roles, catalogue());
        ladder = new ZoneLadder(jdbc, calendars, settings, zones, files);
        SystemAccess systemAccess = new SystemAccess(engine.getIdentityService());
        inspections = new ZoneInspections(jdbc, zones, files, ladder, engine.getRuntimeService(),
                new ProcessDefinitions(engine.getRepositoryService()), systemAccess);
        Mocks.register("organizationRoles", roles);
        Mocks.register("determineLadderStartDelegate", new DetermineLadderStartDelegate(ladder));
        Mocks.register("recordLadderStepDelegate", new RecordLadderStepDelegate(ladder));
        Mocks.register("closeBreachDelegate", new CloseBreachDelegate(ladder));
        Mocks.register("handOverToEnforcementDelegate", new HandOverToEnforcementDelegate(handOvers));
        Mocks.register("holderNotifiedListener", new HolderNotifiedListener(ladder, engine.getIdentityService()));
        Mocks.register("zoneRecheckListener", new ZoneRecheckListener(inspections, ladder, files,
                new EvidencePhotos(MAX_PHOTO_BYTES), engine.getIdentityService()));
        Mocks.register("zoneTaskListener", new ZoneTaskListener());
    }

    /** The real category catalogue of the organisations, whose constructor is its package's own (Spring builds it). */
    private static CategoryCatalogue catalogue() {
        try {
            var constructor = CategoryCatalogue.class.getDeclaredConstructor(Organizations.class);
            constructor.setAccessible(true);
            return constructor.newInstance(ORGANIZATIONS);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers an active 门店 zone of 九亭镇 on 九亭大街 that 第一居委会 (juwei01) answers for; returns its id. */
    long shop(String zoneNo, String holderName) {
        Instant now = ZoneLadder.now();
        return zones.insert(new Zone(0, "jiuting", zoneNo, holderName, ZoneType.SHOP, "九亭大街 " + zoneNo.replaceAll("\\D", "")
                + " 号", "第一居委会", null, "九亭大街", RoadClass.MAIN_ROAD, new BigDecimal("31.123456"), new BigDecimal("121.321000"),
                "张老板", "13800000000", "门前至人行道边缘", ZoneType.SHOP.defaultDuties(), "juwei01", Zone.Status.ACTIVE, null, null, 0,
                now, "chuangban1", now));
    }

    void clear() {
        Mocks.reset();
        Mockito.reset(handOvers);
        for (String table : new String[] {"zone_handover", "zone_ladder_step", "zone_breach", "zone_inspection", "zone_event",
                "zone_photo", "zone"}) {
            jdbc.update("delete from " + table);
        }
    }
}
