package org.shirong.rectification;

import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.notification.NotificationFixture;
import org.shirong.system.SystemAccess;
import org.shirong.organization.OrganizationRoles;
import org.shirong.organization.Organizations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Wires the real rectification and notification services by hand over the engine-only test engine's
 * database (with Shirong's migrations applied) and registers the process's beans for its
 * expressions. Each unit has a head with an e-mail address (huanwei1, nongfu1, …); nongfu2 is a
 * member of 农副公司 who does not head it.
 */
final class RectificationFixture {

    /** The shipped 九亭镇, the one organisation the process unit tests run in (their deployments have no tenant). */
    static final Organizations ORGANIZATIONS = Organizations.read("jiuting");


    private static boolean migrated;

    final RectificationCases cases;
    final CaseRecords records;
    final CaseParties parties;
    final CaseAppeals appeals;
    final JdbcTemplate jdbc;
    /** The saved 考核期间 appeals are told of: none, unless a test names one. */
    String savedPeriod;
    /** How often an approval held the saves of scores. */
    int savesHeld;
    final NotificationFixture notifications;
    /** The responsibility zones the dispatch of a case to 各居委会 looks at: a case at {@code address} is in the zone. */
    final java.util.List<Zone> zones = new java.util.ArrayList<>();

    record Zone(String address, String owner, String community) {
    }

    RectificationFixture(ProcessEngine engine) {
        DataSource dataSource = engine.getProcessEngineConfiguration() instanceof
                org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl impl ? impl.getDataSource() : null;
        synchronized (RectificationFixture.class) {
            if (!migrated) {
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                        .table("shirong_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
                migrated = true;
            }
        }
        jdbc = new JdbcTemplate(dataSource);
        WorkingCalendars calendars = WorkingCalendars.bundled();
        WorkingCalendar calendar = calendars.shared();
        RectificationProperties properties = new RectificationProperties(0.8, 2.0);
        IdentityService identity = engine.getIdentityService();
        records = new CaseRecords(jdbc);
        var numbers = new CaseNumbers(jdbc, new DataSourceTransactionManager(dataSource), organization -> "JT", calendar.zone());
        TerritoryDirectory territories = new OrganizationTerritories(ORGANIZATIONS);
        var noCampaigns = new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(CampaignPlans.class);
        var validator = new NewCaseValidator(new CategoryCatalogue(ORGANIZATIONS), territories, noCampaigns);
        var definitions = new org.shirong.system.ProcessDefinitions(engine.getRepositoryService());
        var deadlines = new CaseDeadlines(calendars, properties);
        cases = new RectificationCases(definitions, records, numbers, deadlines, validator,
                engine.getRuntimeService(), new SystemAccess(identity), territories, noCampaigns,
                new DueBounds(deadlines, calendars),
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(CaseEvidenceRules.class),
                new org.shirong.system.EngineBatch(engine), new ImportGivesWay(new org.shirong.system.ForegroundRequests(), 1_000), new org.shirong.system.RepeatedDecisions(), ORGANIZATIONS, null);
        parties = new CaseParties(jdbc);
        notifications = new NotificationFixture(engine);
        CaseCooperation cooperation = new CaseCooperation(parties, cases, records, engine.getRuntimeService(), identity,
                new SystemAccess(identity), definitions, ORGANIZATIONS,
                new org.shirong.system.AuthenticatedIdentities(new org.shirong.system.IdentityCacheProperties(java.time.Duration.ZERO, 1)),
                engine.getTaskService(), new CaseTaskListener(calendars, ORGANIZATIONS, new CooperatorsLine(parties, ORGANIZATIONS), parties), new EvidencePhotos(5_000_000),
                notifications.notices(), new TerritoryChecks(engine.getTaskService(), new SystemAccess(identity), calendars, ORGANIZATIONS));
        appeals = new CaseAppeals(records, new CaseAppealRecords(jdbc),
                new ReadableCases(records, new CaseVisibility("unit", ORGANIZATIONS, parties)), ORGANIZATIONS, new ScoredPeriods() {

                    @Override
                    public void holdSaves() {
                        savesHeld++;
                    }

                    @Override
                    public java.util.Optional<String> savedPeriodCounting(String organization, String campaign,
                            java.time.Instant at) {
                        return java.util.Optional.ofNullable(savedPeriod);
                    }
                }, definitions,
                engine.getRuntimeService(), new SystemAccess(identity), identity, calendars);
        Mocks.register("appealDecidedListener", new CaseAppealSteps().appealDecidedListener(appeals));
        CaseCooperationSteps cooperationSteps = new CaseCooperationSteps();
        Mocks.register("startCooperationDelegate", cooperationSteps.startCooperationDelegate(cooperation));
        Mocks.register("cooperationRecordedListener", cooperationSteps.cooperationRecordedListener(cooperation));
        Mocks.register("cooperationEndedListener", cooperationSteps.cooperationEndedListener(cooperation));
        OrganizationRoles roles = new OrganizationRoles(ORGANIZATIONS, identity, () -> new CooperatingUnits(cooperation, ORGANIZATIONS));
        PlaceOwners places = (tenant, address, community, gridCell, groups, names) -> zones.stream()
                .filter(z -> z.address().equals(address)).map(z -> new PlaceOwners.Owner(z.owner(), z.community())).toList();
        CommunityUpdates communityUpdates = new CommunityUpdates(roles, notifications.notices());
        CaseSteps steps = new CaseSteps(cases, new EvidencePhotos(5_000_000), identity, roles, calendars, org.shirong.system.DateWindow.DEFAULT, cooperation,
                notifications.notices(), new CollectiveUnits(ORGANIZATIONS, identity, places), communityUpdates, 90);
        CaseStepListeners listeners = new CaseStepListeners();
        Mocks.register("organizationRoles", roles);
        Mocks.register("caseDispatchedListener", listeners.caseDispatchedListener(steps));
        Mocks.register("caseClaimedListener", listeners.caseClaimedListener(steps));
        Mocks.register("caseReturnedListener", listeners.caseReturnedListener(steps));
        Mocks.register("caseRedispatchedListener", listeners.caseRedispatchedListener(steps));
        Mocks.register("caseSubmittedListener", listeners.caseSubmittedListener(steps));
        Mocks.register("extensionRequestedListener", listeners.extensionRequestedListener(steps));
        Mocks.register("extensionDecidedListener", listeners.extensionDecidedListener(steps));
        Mocks.register("suspensionRequestedListener", listeners.suspensionRequestedListener(steps));
        Mocks.register("suspensionDecidedListener", listeners.suspensionDecidedListener(steps));
        Mocks.register("caseResumedListener", listeners.caseResumedListener(steps));
        Mocks.register("caseSupervisedListener", listeners.caseSupervisedListener(steps));
        Mocks.register("verificationPassedListener", listeners.verificationPassedListener(steps));
        Mocks.register("verificationFailedListener", listeners.verificationFailedListener(steps));
        Mocks.register("caseTaskListener", new CaseTaskListener(calendars, ORGANIZATIONS, new CooperatorsLine(parties, ORGANIZATIONS), parties));
        OverdueCooperators overdueCooperators = new OverdueCooperators(parties, ORGANIZATIONS, calendars);
        Mocks.register("overdueCooperators", overdueCooperators);
        Mocks.register("supervisionFormListener", new SupervisionFormListener(calendars, ORGANIZATIONS, cases, overdueCooperators));
        Mocks.register("verifierClaimListener", new VerifierClaimListener(steps, new TaskActors(identity)));
        Mocks.register("supervisorClaimListener", new SupervisorClaimListener(new OwnUnitSupervision(cooperation, roles, ORGANIZATIONS),
                new TaskActors(identity), ORGANIZATIONS));
        Mocks.register("verificationDeadline", new VerificationDeadline(calendars, 3));
        Mocks.register("caseTaskDeadlines", new CaseTaskDeadlines(calendars, 2, 1, 1));
        Mocks.register("warnLeadUnitDelegate", new WarnLeadUnitDelegate(cases));
        Mocks.register("markCaseOverdueDelegate", new MarkCaseOverdueDelegate(cases));
        Mocks.register("escalateCaseDelegate", new EscalateCaseDelegate(cases));
        Mocks.register("recordSupervisionDelegate", new RecordSupervisionDelegate(steps));
        Mocks.register("closeCaseDelegate", new CloseCaseDelegate(cases, cooperation, communityUpdates));
        Mocks.register("closeMergedCaseDelegate", new CloseMergedCaseDelegate(cases, cooperation));
        Mocks.register("voidCaseDelegate", new VoidCaseDelegate(cases, cooperation));
        Mocks.register("reopenCaseDelegate", new ReopenCaseDelegate(steps));
        notifications.register();
        for (String unit : new String[] {"huanwei", "nongfu", "chengguan", "chuangban", "lingdao", "ducha"}) {
            notifications.member(unit + "1", unit, true);
        }
        notifications.member("nongfu2", "nongfu", false);
    }

    void clear() {
        Mocks.reset();
        zones.clear();
        notifications.clear();
        jdbc.update("delete from rect_case_appeal");
        jdbc.update("delete from rect_case_party");
        jdbc.update("delete from rect_case_photo");
        jdbc.update("delete from rect_case_extension");
        jdbc.update("delete from rect_case_event");
        jdbc.update("delete from rect_case");
    }
}
