package org.shirong.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.shirong.zone.ZoneNoticeProcess.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.organization.Organizations;
import org.shirong.rectification.EvidencePhotos;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.ProcessDefinitions;
import org.shirong.system.SharesJvm;
import org.shirong.system.SystemAccess;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of 责任告知书送达上墙 with the real notice, file and photo services: the office issues the 2026 edition,
 * 第一居委会 delivers it with the holder's signature photo and posts it with a photo of the wall. A missing photo, a
 * missing signer or a file that is no image is refused in Chinese with nothing saved; each step lands in the zone's
 * file and its notice status.
 */
@Deployment(resources = "processes/ZoneNoticeProcess.bpmn")
@SharesJvm
class ZoneNoticeProcessTest {

    private static final Instant ISSUED = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant DELIVERED = Instant.parse("2026-03-03T02:00:00Z");
    private static final Instant POSTED = Instant.parse("2026-03-03T02:20:00Z");
    private static final Organizations ORGANIZATIONS = Organizations.read("jiuting");
    private static boolean migrated;

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    JdbcTemplate jdbc;
    ZoneRecords zones;
    ZoneFiles files;
    ZoneNotices notices;
    IdentityService identity;

    @BeforeEach
    void setUp() {
        init(processEngine);
        DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource();
        synchronized (ZoneNoticeProcessTest.class) {
            if (!migrated) {
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                        .table("shirong_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
                migrated = true;
            }
        }
        jdbc = new JdbcTemplate(dataSource);
        identity = processEngine.getIdentityService();
        zones = new ZoneRecords(jdbc);
        files = new ZoneFiles(jdbc, zones, ORGANIZATIONS, 5_000_000);
        ZoneFixture fixture = new ZoneFixture(processEngine);
        notices = new ZoneNotices(jdbc, zones, files, ORGANIZATIONS, processEngine.getRuntimeService(),
                new ProcessDefinitions(processEngine.getRepositoryService()), new SystemAccess(identity), fixture.settings,
                fixture.calendars);
        Mocks.register("noticeTaskListener", new NoticeTaskListener(notices, new EvidencePhotos(5_000_000), identity));
        ClockUtil.setCurrentTime(Date.from(ISSUED));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        identity.clearAuthentication();
        ClockUtil.reset();
        jdbc.update("delete from zone_notice");
        jdbc.update("delete from zone_event");
        jdbc.update("delete from zone_photo");
        jdbc.update("delete from zone");
    }

    private long zone(String zoneNo, String holder, ZoneType type, String address, String ownerGroup, String duties) {
        return zones.insert(new Zone(0, "jiuting", zoneNo, holder, type, address, "九亭大街居委", null, "九亭大街",
                RoadClass.MAIN_ROAD, null, null, "王建国", "13800000001", "门前至人行道边沿", duties, ownerGroup,
                Zone.Status.ACTIVE, null, null, 0, ISSUED, "chuangban1", ISSUED));
    }

    private ProcessInstance instance(long zoneId) {
        String id = notices.of(zoneId, 2026).orElseThrow().processInstanceId();
        return runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(8, 8, 20, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static Object file(String name, byte[] content) {
        return Variables.fileValue(name).file(content).mimeType("image/jpeg").create();
    }

    private List<String> fileKinds(long zoneId) {
        return files.file(zoneId).events().stream().map(e -> e.kind().name()).toList();
    }

    @Test
    void theOwnerGroupDeliversWithASignaturePhotoThenPostsWithAPhotoOfTheWall() throws IOException {
        long zoneId = zone("JT-Z-0001", "老王面馆", ZoneType.SHOP, "九亭大街 12 号", "juwei01", ZoneType.SHOP.defaultDuties());

        ZoneNotices.Started started = notices.start("jiuting", new ZoneNotices.StartRequest(2026, null, null, null), "chuangban1");

        assertThat(started).isEqualTo(new ZoneNotices.Started(1, 0));
        ProcessInstance pi = instance(zoneId);
        assertThat(pi.getBusinessKey()).isEqualTo("JT-Z-0001/2026");
        assertThat(pi).isWaitingAt(TASK_DELIVER);
        assertThat(task(TASK_DELIVER, pi)).hasCandidateGroup("juwei01").hasName("送达责任告知书 · JT-Z-0001 · 老王面馆 · 九亭大街 12 号");
        assertThat(task(TASK_DELIVER, pi).getDescription()).isEqualTo("2026 年版责任告知书。责任人：老王面馆；地址：九亭大街 12 号");
        // jtreview-s56 T1: 送达 is due 5 working days after the issue (Monday 09:00 → next Monday 09:00), 上墙 10 (九亭's zones.yaml)
        assertThat(task(TASK_DELIVER, pi).getDueDate()).isEqualTo(Date.from(Instant.parse("2026-03-09T01:00:00Z")));
        assertThat(notices.of(zoneId, 2026).orElseThrow()).extracting(ZoneNotices.Notice::status, ZoneNotices.Notice::ownerGroup,
                ZoneNotices.Notice::issuedBy, ZoneNotices.Notice::issuedAt).containsExactly(ZoneNotices.Status.ISSUED, "juwei01",
                "chuangban1", ISSUED);
        assertThat(zones.find(zoneId).orElseThrow().noticeStatus()).isEqualTo("ISSUED");

        // Refused in Chinese, the task stays open and nothing is saved.
        identity.setAuthenticatedUserId("juwei01a");
        ClockUtil.setCurrentTime(Date.from(DELIVERED));
        assertThatThrownBy(() -> complete(task(TASK_DELIVER, pi), Map.of(VAR_DELIVERED_TO, "王建国")))
                .hasMessageContaining("请拍摄责任人签收照片");
        assertThatThrownBy(() -> complete(task(TASK_DELIVER, pi), Map.of(VAR_DELIVERED_TO, "  ",
                VAR_SIGNATURE_PHOTO, file("sign.jpg", jpeg())))).hasMessageContaining("请填写签收人");
        assertThatThrownBy(() -> complete(task(TASK_DELIVER, pi), Map.of(VAR_DELIVERED_TO, "王建国",
                VAR_SIGNATURE_PHOTO, Variables.fileValue("sign.txt").file("签过了".getBytes()).create())))
                .hasMessageContaining("责任人签收照片不是图片文件");
        assertThat(pi).isWaitingAt(TASK_DELIVER);
        assertThat(jdbc.queryForObject("select count(*) from zone_photo", Integer.class)).isZero();
        assertThat(notices.of(zoneId, 2026).orElseThrow().status()).isEqualTo(ZoneNotices.Status.ISSUED);

        byte[] signature = jpeg();
        Map<String, Object> delivery = new HashMap<>(Map.of(VAR_DELIVERED_TO, " 王建国 ", VAR_DELIVERY_NOTE, "由店长代收",
                VAR_SIGNATURE_PHOTO, file("IMG_0001.jpg", signature),
                VAR_SIGNATURE_PHOTO + "TakenAt", "2026-03-03T10:00:00", VAR_SIGNATURE_PHOTO + "Location", "31.123456,121.333333"));
        complete(task(TASK_DELIVER, pi), delivery);

        assertThat(pi).isWaitingAt(TASK_POST);
        assertThat(task(TASK_POST, pi)).hasCandidateGroup("juwei01").hasName("张贴告知书上墙 · JT-Z-0001 · 老王面馆 · 九亭大街 12 号");
        assertThat(task(TASK_POST, pi).getDueDate()).isEqualTo(Date.from(Instant.parse("2026-03-16T01:00:00Z")));
        assertThat(runtimeService().getVariables(pi.getId())).doesNotContainKeys(VAR_SIGNATURE_PHOTO,
                VAR_SIGNATURE_PHOTO + "TakenAt", VAR_SIGNATURE_PHOTO + "Location");
        ZoneNotices.Notice delivered = notices.of(zoneId, 2026).orElseThrow();
        assertThat(delivered).extracting(ZoneNotices.Notice::status, ZoneNotices.Notice::deliveredTo,
                ZoneNotices.Notice::deliveredBy, ZoneNotices.Notice::deliveredAt)
                .containsExactly(ZoneNotices.Status.DELIVERED, "王建国", "juwei01a", DELIVERED);
        ZoneFile.StoredPhoto stored = files.photo(zoneId, delivered.signaturePhotoId()).orElseThrow();
        assertThat(stored.content()).isEqualTo(signature);
        assertThat(stored.photo().kind()).isEqualTo(ZonePhotoKind.SIGNATURE);
        assertThat(stored.photo().takenAt()).hasToString("2026-03-03T10:00");
        assertThat(stored.photo().latitude()).isEqualTo(31.123456);
        assertThat(zones.find(zoneId).orElseThrow().noticeStatus()).isEqualTo("DELIVERED");

        ClockUtil.setCurrentTime(Date.from(POSTED));
        assertThatThrownBy(() -> complete(task(TASK_POST, pi), Map.of(VAR_POSTING_NOTE, "已贴")))
                .hasMessageContaining("请拍摄告知书上墙照片");
        byte[] wall = jpeg();
        complete(task(TASK_POST, pi), Map.of(VAR_POSTING_NOTE, "张贴于收银台后墙", VAR_POSTED_PHOTO, file("IMG_0002.jpg", wall)));

        assertThat(pi).hasPassed(END_POSTED).isEnded();
        ZoneNotices.Notice posted = notices.of(zoneId, 2026).orElseThrow();
        assertThat(posted).extracting(ZoneNotices.Notice::status, ZoneNotices.Notice::postedBy, ZoneNotices.Notice::postedAt)
                .containsExactly(ZoneNotices.Status.POSTED, "juwei01a", POSTED);
        assertThat(files.photo(zoneId, posted.postedPhotoId()).orElseThrow().content()).isEqualTo(wall);
        assertThat(zones.find(zoneId).orElseThrow()).extracting(Zone::noticeEdition, Zone::noticeStatus).containsExactly(2026, "POSTED");
        List<ZoneFile.Entry> events = files.file(zoneId).events();
        assertThat(events).extracting(ZoneFile.Entry::kindName, ZoneFile.Entry::actor, ZoneFile.Entry::detail, ZoneFile.Entry::photoId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("印发责任告知书", "chuangban1", "2026 年版责任告知书，由第一居委会送达", null),
                        org.assertj.core.groups.Tuple.tuple("送达责任告知书", "juwei01a", "2026 年版，签收人：王建国；由店长代收",
                                delivered.signaturePhotoId()),
                        org.assertj.core.groups.Tuple.tuple("告知书上墙", "juwei01a", "2026 年版，张贴于收银台后墙", posted.postedPhotoId()));
    }

    @Test
    void anEditionIsIssuedOnceToTheSelectedActiveZones() {
        long first = zone("JT-Z-0001", "老王面馆", ZoneType.SHOP, "九亭大街 12 号", "juwei01", ZoneType.SHOP.defaultDuties());
        long second = zone("JT-Z-0002", "易富路 88 弄", ZoneType.RESIDENTIAL, "易富路 88 弄", "wuye01", ZoneType.RESIDENTIAL.defaultDuties());

        assertThat(notices.start("jiuting", new ZoneNotices.StartRequest(2026, "juwei01", null, null), "chuangban1"))
                .isEqualTo(new ZoneNotices.Started(1, 0));
        assertThat(notices.of(second, 2026)).isEmpty();
        // Again for everyone: the first zone has its 2026 notice already.
        assertThat(notices.start("jiuting", new ZoneNotices.StartRequest(2026, null, null, null), "chuangban1"))
                .isEqualTo(new ZoneNotices.Started(1, 1));
        assertThat(task(TASK_DELIVER, instance(second))).hasCandidateGroup("wuye01");
        assertThat(fileKinds(first)).containsExactly("NOTICE_ISSUED");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(2);

        assertThatThrownBy(() -> notices.start("jiuting", new ZoneNotices.StartRequest(null, null, null, null), "chuangban1"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("请填写告知书版次（年度，如 2026）");
        assertThatThrownBy(() -> notices.start("jiuting", new ZoneNotices.StartRequest(26, null, null, null), "chuangban1"))
                .hasMessage("告知书版次 26 无效：应为年度，如 2026");
        assertThatThrownBy(() -> notices.start("jiuting", new ZoneNotices.StartRequest(2027, "juwei99", null,
                List.of("JT-Z-0001", "JT-Z-0404")), "chuangban1"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).extracting(
                        org.shirong.system.ApiError::message).containsExactly("本组织没有负责单位“juwei99”", "没有登记责任区编号 JT-Z-0404"));
        assertThatThrownBy(() -> notices.start("jiuting", new ZoneNotices.StartRequest(2027, null, "第九居委会", null), "chuangban1"))
                .hasMessage("没有符合条件的在册责任区（第九居委会），未印发告知书");
        assertThat(jdbc.queryForObject("select count(*) from zone_notice where edition = 2027", Integer.class)).isZero();
    }

    @Test
    void aZoneOfAGroupNoLongerInTheOrganisationIsDeliveredByTheOffice() {
        long zoneId = zone("JT-Z-0003", "九亭市场", ZoneType.MARKET, "九亭大街 300 号", "juwei404", ZoneType.MARKET.defaultDuties());

        notices.start("jiuting", new ZoneNotices.StartRequest(2026, null, null, List.of("JT-Z-0003")), "chuangban1");

        assertThat(task(TASK_DELIVER, instance(zoneId))).hasCandidateGroup("chuangban");
        assertThat(notices.of(zoneId, 2026).orElseThrow().ownerGroup()).isEqualTo("chuangban");
    }

    @Test
    void deletingAnInstanceDoesNotAskForItsPhoto() {
        long zoneId = zone("JT-Z-0004", "九亭大街 20 号", ZoneType.SHOP, "九亭大街 20 号", "juwei01", ZoneType.SHOP.defaultDuties());
        notices.start("jiuting", new ZoneNotices.StartRequest(2026, null, null, null), "chuangban1");
        ProcessInstance pi = instance(zoneId);

        runtimeService().deleteProcessInstance(pi.getId(), "责任区已注销");

        assertThat(pi).isEnded();
        assertThat(notices.of(zoneId, 2026).orElseThrow().status()).isEqualTo(ZoneNotices.Status.ISSUED);
    }
}
