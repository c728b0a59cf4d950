package org.shirong.zone;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's 告知书 ({@link ZoneDemoStep}): the office issues this year's edition to every demo zone; the owner groups
 * deliver three in four (a drawn signature photo) and post every other one (a drawn wall photo), each as a member of
 * the group completes the tasks in Tasklist, so 送达率 and 上墙率 are below their 100% targets and the lists have work.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = {"shirong.demo.enabled", "shirong.demo.seed"}, havingValue = "true")
class ZoneNoticeDemoStep implements ZoneDemoStep {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneNoticeDemoStep.class);

    private final ZoneNotices notices;
    private final ZoneRecords zones;
    private final Organizations organizations;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final WorkingCalendars calendars;

    ZoneNoticeDemoStep(ZoneNotices notices, ZoneRecords zones, Organizations organizations, TaskService taskService,
            IdentityService identityService, WorkingCalendars calendars) {
        this.notices = notices;
        this.zones = zones;
        this.organizations = organizations;
        this.taskService = taskService;
        this.identityService = identityService;
        this.calendars = calendars;
    }

    @Override
    public void run(String tenant, String officeUser) {
        int edition = ClockUtil.getCurrentTime().toInstant().atZone(calendars.of(tenant).zone()).getYear();
        notices.start(tenant, new ZoneNotices.StartRequest(edition, null, null, null), officeUser);
        Organization org = organizations.of(tenant);
        List<Zone> active = zones.active(tenant);
        int delivered = 0;
        int posted = 0;
        for (int i = 0; i < active.size(); i++) {
            Zone zone = active.get(i);
            Optional<Organization.UserDefinition> member = org.users().stream().filter(u -> u.groups().contains(zone.ownerGroup())).findFirst();
            if (member.isEmpty() || i % 4 == 3) {
                continue;
            }
            String key = ZoneNoticeProcess.businessKey(zone.zoneNo(), edition);
            complete(member.get(), tenant, key, Map.of(ZoneNoticeProcess.VAR_DELIVERED_TO, zone.person(),
                    ZoneNoticeProcess.VAR_SIGNATURE_PHOTO, photo("签收-" + zone.zoneNo() + ".jpg", false)));
            delivered++;
            if (i % 2 == 0) {
                complete(member.get(), tenant, key, Map.of(ZoneNoticeProcess.VAR_POSTED_PHOTO,
                        photo("上墙-" + zone.zoneNo() + ".jpg", true)));
                posted++;
            }
        }
        LOG.info("演示数据：{} 年版责任告知书印发 {} 份，送达 {} 份，上墙 {} 份", edition, active.size(), delivered, posted);
    }

    private void complete(Organization.UserDefinition user, String tenant, String businessKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().tenantIdIn(tenant).processInstanceBusinessKey(businessKey).singleResult();
        identityService.setAuthentication(user.id(), new ArrayList<>(user.groups()), List.of(tenant));
        try {
            taskService.claim(task.getId(), user.id());
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** A drawn photo: a pen over a signed sheet, or the notice on a shop's wall (the demo has no real photos). */
    private static Object photo(String fileName, boolean wall) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(wall ? new Color(0xC8B89A) : new Color(0xE8E8E8));
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.fillRect(wall ? 220 : 120, wall ? 90 : 40, wall ? 200 : 400, wall ? 280 : 400);
        g.setColor(new Color(0x333333));
        for (int line = 0; line < 8; line++) {
            int y = (wall ? 130 : 90) + line * (wall ? 26 : 36);
            g.fillRect(wall ? 240 : 150, y, wall ? 160 : 340, 4);
        }
        g.setColor(new Color(0x1F4E9C));
        g.fillOval(wall ? 360 : 380, wall ? 320 : 380, 36, 24);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Variables.fileValue(fileName).file(out.toByteArray()).mimeType("image/jpeg").create();
    }
}
