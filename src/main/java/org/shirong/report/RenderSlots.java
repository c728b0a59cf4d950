package org.shirong.report;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.shirong.system.StartupRefusedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many case dossiers (PDF) and 迎检 archives this node renders at once ({@code shirong.documents.max-concurrent-renders}):
 * each takes a core for seconds (some 55 ms a case), so a handful of downloads at once by anyone who reads a campaign held
 * both cores of a town's server. A download that finds every slot taken waits {@value #WAIT_SECONDS} seconds for one,
 * then is told to try again shortly (503).
 */
@Component
class RenderSlots {

    static final int WAIT_SECONDS = 2;

    /** Refused for want of a free slot: answered 503 with when to try again. */
    static final class Busy extends RuntimeException {
        Busy(int slots) {
            super("正在生成其他案件台账或迎检档案（同时最多 " + slots + " 份），请稍等几秒钟再下载");
        }
    }

    @FunctionalInterface
    interface Render {
        void run() throws IOException;
    }

    final Semaphore slots;
    private final int size;

    RenderSlots(@Value("${shirong.documents.max-concurrent-renders}") int size) {
        if (size < 1) {
            throw new StartupRefusedException("shirong.documents.max-concurrent-renders 为 " + size + "，应至少为 1",
                    "请修改 config/application.yaml（同时生成的案件台账 PDF 和迎检档案份数，默认 2）后重新启动。");
        }
        this.size = size;
        this.slots = new Semaphore(size, true);
    }

    /** Runs {@code render} in a slot, or throws {@link Busy} when none came free in time. */
    void run(Render render) throws IOException {
        try {
            if (!slots.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new Busy(size);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(size);
        }
        try {
            render.run();
        } finally {
            slots.release();
        }
    }
}
