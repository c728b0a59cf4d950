package org.shirong.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes one small dossier once Shirong has started, in the background, and throws it away: the first dossier after a
 * start took several times as long as the next ones (measured 1.8 s against 0.4 s for JT-DEMO's dossier, 6.5 s on a
 * busy machine), nearly all of it one-time work — loading the PDF renderer's classes, its standard fonts' metrics and
 * the template, the image classes that shrink and embed photos, code not yet compiled — which the first person to ask
 * then waited for. Start-up itself does not wait.
 */
@Component
class DossierWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(DossierWarmUp.class);

    private final DossierPdf pdf;
    private final CompletableFuture<Duration> done = new CompletableFuture<>();

    DossierWarmUp(DossierPdf pdf) {
        this.pdf = pdf;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread warmer = new Thread(this::makeOne, "dossier-pdf-warm-up");
        warmer.setDaemon(true);
        warmer.setPriority(Thread.MIN_PRIORITY);
        warmer.start();
    }

    /** How long the warm-up took, once it has run (exceptionally when it could not: no font, say). */
    CompletableFuture<Duration> done() {
        return done;
    }

    private void makeOne() {
        long started = System.nanoTime();
        try {
            pdf.write("案件台账", "预热", List.of(sample()), OutputStream.nullOutputStream());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.debug("案件台账 PDF 已预热（{} 毫秒）", took.toMillis());
            done.complete(took);
        } catch (DossierFont.Unavailable e) {
            done.completeExceptionally(e); // already told at start-up, and to whoever asks for a dossier
        } catch (IOException | RuntimeException e) {
            LOG.warn("案件台账 PDF 预热未成功（第一份台账会慢一些）：{}", e.toString());
            done.completeExceptionally(e);
        }
    }

    /** A sheet with every kind of table a dossier has and a photo shrunk to print size, so that these are made once too. */
    private static DossierSheets.Sheet sample() throws IOException {
        DossierSheets.Row row = new DossierSheets.Row(List.of("2026-01-05 09:00", "立案", "张三", "预热"));
        return new DossierSheets.Sheet("JT-2026-000000", "预热", List.of(new DossierSheets.Field("案件编号", "JT-2026-000000")),
                List.of(row), List.of(photos()), List.of(row), List.of(row), List.of(row));
    }

    private static DossierSheets.PhotoPair photos() throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(PrintPhotos.MAX_SIDE + 1, 8, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
        PrintPhotos.Printable printable = PrintPhotos.fit("image/jpeg", jpeg.toByteArray());
        String src = "data:" + printable.mimeType() + ";base64," + Base64.getEncoder().encodeToString(printable.content());
        return new DossierSheets.PhotoPair("", new DossierSheets.Picture("整改前", src, null, List.of("拍摄时间：照片未记录")),
                new DossierSheets.Picture("整改后", null, "尚无照片", List.of()));
    }
}
