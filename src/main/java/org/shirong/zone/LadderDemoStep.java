package org.shirong.zone;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's 门责 ladder: 督导检查组 finds goods piled outside 沪亭早餐店（演示）, so its breach runs on the job executor to
 * 告知劝导 and 第二居委会 has the 告知责任人限期整改 task in Tasklist. (Further steps wait for the working-time deadline.)
 */
@Component
@Order(20)
@ConditionalOnProperty(name = {"shirong.demo.enabled", "shirong.demo.seed"}, havingValue = "true")
class LadderDemoStep implements ZoneDemoStep {

    static final String ZONE_NO = "JT-Z-0007";
    static final String INSPECTOR = "ducha1";
    private static final Logger LOG = LoggerFactory.getLogger(LadderDemoStep.class);

    private final ZoneRecords zones;
    private final ZoneInspections inspections;

    LadderDemoStep(ZoneRecords zones, ZoneInspections inspections) {
        this.zones = zones;
        this.inspections = inspections;
    }

    @Override
    public void run(String tenant, String officeUser) {
        zones.findByNo(tenant, ZONE_NO).ifPresent(zone -> {
            ZoneInspections.Recorded recorded = inspections.record(zone.id(), new ZoneInspections.NewInspection("BREACH",
                    List.of("PILING"), "演示：门前人行道堆放纸箱和餐车"), new ZonePhoto("demo-breach.png", photo(), null,
                    null, null), INSPECTOR);
            LOG.info("演示数据：责任区 {} 发现门责问题，处置 {}", ZONE_NO, recorded.breachId());
        });
    }

    /** A plain picture standing in for the site photo. */
    private static byte[] photo() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xC8, 0xC8, 0xC8));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(0x9C, 0x6B, 0x30));
        g.fillRect(60, 120, 200, 90);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
