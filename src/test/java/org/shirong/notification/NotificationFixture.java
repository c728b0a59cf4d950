package org.shirong.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.organization.CaseCooperators;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.system.AuthenticatedIdentities;
import org.shirong.system.IdentityCacheProperties;
import org.shirong.system.PublicUrl;
import org.shirong.system.SystemAccess;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Wires the real notification services by hand over an engine-only test engine's database, which
 * must have Shirong's migrations applied ({@link #migrate}): the inbox always, e-mail never (no SMTP
 * server), the webhook when a robot URL is given. {@link #register()} makes the beans the diagrams
 * name available to their expressions.
 */
public final class NotificationFixture {

    /** The {@code shirong.public-url} the fixture's links are built from. */
    static final String PUBLIC_URL = "https://shirong.example.cn/";

    private static final Organizations JIUTING = Organizations.read("jiuting");

    private static boolean migrated;

    final JdbcTemplate jdbc;
    final NotificationOutbox outbox;
    final Notifications notifications;
    final NotificationDelivery delivery;
    final NotificationProperties properties;
    private final IdentityService identity;
    private final JavaDelegate sendNotificationDelegate;
    private final ProcessNotices notices;
    private final NotificationDigests digests;

    public NotificationFixture(ProcessEngine engine) {
        this(engine, null);
    }

    NotificationFixture(ProcessEngine engine, String webhookUrl) {
        DataSource dataSource = dataSource(engine);
        jdbc = new JdbcTemplate(dataSource);
        identity = engine.getIdentityService();
        properties = new NotificationProperties("PT1M,PT10M,PT1H",
                new NotificationProperties.Inbox(true), new NotificationProperties.Email(true, "shirong@localhost"),
                new NotificationProperties.Webhook(webhookUrl != null, webhookUrl, Map.of(), Duration.ofSeconds(5)));
        outbox = new NotificationOutbox(jdbc);
        List<ExternalChannel> channels = List.of(new EmailChannel(null, "shirong@localhost", identity),
                new WebhookChannel(properties.webhook(), new ObjectMapper()));
        notifications = new Notifications(new org.shirong.system.ProcessDefinitions(engine.getRepositoryService()), new NotificationTemplates(), outbox, new InboxRecords(jdbc), channels, properties,
                engine.getRuntimeService(), new SystemAccess(identity));
        delivery = new NotificationDelivery(outbox, channels, new DataSourceTransactionManager(dataSource));
        RecipientResolver recipients = new RecipientResolver(identity, new OrganizationRecords(jdbc, JIUTING),
                new org.shirong.organization.OrganizationRoles(JIUTING, identity, () -> CaseCooperators.NONE),
                // keeps nothing: the fixture's engine has no interceptor telling it of identity changes
                new AuthenticatedIdentities(new IdentityCacheProperties(Duration.ZERO, 1)));
        NotificationModel model = new NotificationModel(identity, JIUTING, new PublicUrl(PUBLIC_URL, new StandardEnvironment()),
                WorkingCalendar.bundled());
        sendNotificationDelegate = new SendNotificationDelegate(recipients, model, notifications);
        notices = new ProcessNotices(recipients, model, notifications, new SystemAccess(identity));
        digests = new NotificationDigests(notifications, outbox, recipients, model, new SystemAccess(identity));
    }

    /** Digests (one message per person) on the fixture's outbox. */
    public NotificationDigests digests() {
        return digests;
    }

    /** The notices that the processes' listeners queue, wired as {@link #register()} wires the send tasks. */
    public ProcessNotices notices() {
        return notices;
    }

    private static DataSource dataSource(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    }

    /** Applies Shirong's migrations to the engine's database, once per JVM. */
    public static synchronized void migrate(ProcessEngine engine) {
        if (!migrated) {
            Flyway.configure().dataSource(dataSource(engine)).locations("classpath:db/migration")
                    .table("shirong_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
            migrated = true;
        }
    }

    /** Registers {@code sendNotificationDelegate}, {@code deliverNotificationDelegate} and {@code notificationRetryCycle}. */
    public void register() {
        Mocks.register("sendNotificationDelegate", sendNotificationDelegate);
        Mocks.register("deliverNotificationDelegate", new DeliverNotificationDelegate(delivery));
        Mocks.register("notificationRetryCycle", properties.retryCycle());
    }

    /** A user with an e-mail address in the group, optionally recorded as the unit's head ({@code organization.yaml} head-of). */
    public void member(String userId, String groupId, boolean head) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(userId);
            user.setEmail(userId + "@jiuting.example.cn");
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
        jdbc.update("merge into org_unit (group_id, name, unit_type, sort_order) key (group_id) values (?, ?, 'UNIT', 0)",
                groupId, groupId);
        if (head) {
            jdbc.update("merge into org_unit_head (group_id, user_id) key (group_id, user_id) values (?, ?)", groupId, userId);
        }
    }

    /** The templates of a user's inbox messages, oldest first. */
    public List<String> inbox(String userId) {
        return jdbc.queryForList("select template_id from notification_inbox where recipient_id = ? order by id", String.class, userId);
    }

    /** The body of a user's latest inbox message with the template. */
    public String latestBody(String userId, String template) {
        return jdbc.queryForObject("select body from notification_inbox where recipient_id = ? and template_id = ?"
                + " order by id desc limit 1", String.class, userId, template);
    }

    /** The link of a user's latest inbox message with the template (what its 打开 opens). */
    public String latestLink(String userId, String template) {
        return jdbc.queryForObject("select link from notification_inbox where recipient_id = ? and template_id = ?"
                + " order by id desc limit 1", String.class, userId, template);
    }

    public long outboxRows(String businessKey) {
        return jdbc.queryForObject("select count(*) from notification_outbox where business_key = ?", Long.class, businessKey);
    }

    public void clear() {
        jdbc.update("delete from notification_inbox");
        jdbc.update("delete from notification_outbox");
    }
}
