package org.shirong.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a campaign's tasks handed in (办理情况 and files: 签订的目标责任书, 台帐 photos and files), for its 迎检 archive. The
 * campaign capability keeps them and implements it.
 */
public interface TaskResultFiles {

    /**
     * A task done or with files: its unit (the group it was issued to, and its name) and who completed it by name, and its
     * files in the order handed in.
     */
    record TaskResult(long id, String name, String groupId, String unitName, String result, String completedBy, Instant completedAt,
            List<File> files) {
    }

    record File(long id, String fileName, int sizeBytes) {
    }

    /** The campaign's tasks done or with files, in the order they were issued. */
    List<TaskResult> of(String campaignCode);

    /** One file's content: the archive holds one at a time. */
    Optional<byte[]> content(String campaignCode, long fileId);
}
