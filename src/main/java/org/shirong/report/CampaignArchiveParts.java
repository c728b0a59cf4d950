package org.shirong.report;

import static org.shirong.system.ChineseDates.MINUTE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * The parts of a campaign's 迎检 archive besides its case ledger: the documents it issued ({@value #DOCUMENTS}/会议议程,
 * 会议纪要, 通报, 月度工作报告, as printable HTML) and what its tasks handed in ({@value #TASKS}/单位/任务: 办理情况.txt and the
 * files). Each document and file is read and written to the ZIP in turn, so at most one (an attachment at most
 * {@code shirong.campaigns.attachments.max-bytes}, a document a few hundred kB of HTML) is held at a time.
 */
@Component
class CampaignArchiveParts {

    static final String DOCUMENTS = "二、活动文书";
    static final String TASKS = "三、任务办理情况和附件";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final CampaignDocuments documents;
    private final TaskResultFiles taskResults;

    CampaignArchiveParts(CampaignDocuments documents, TaskResultFiles taskResults) {
        this.documents = documents;
        this.taskResults = taskResults;
    }

    /** The campaign's documents, oldest first, each named by its day and title; returns how many. */
    int writeDocuments(ZipOutputStream zip, String campaignCode, ZoneId zone) throws IOException {
        List<StoredDocument> all = new ArrayList<>(documents.list(campaignCode));
        java.util.Collections.reverse(all);
        Set<String> names = new HashSet<>();
        for (StoredDocument d : all) {
            String name = unique(names, DOCUMENTS + "/" + d.kind().label() + "/" + DAY.format(d.createdAt().atZone(zone)) + "-"
                    + fileName(d.title()), ".html");
            zip.putNextEntry(new ZipEntry(name));
            zip.write(documents.html(d.id()).orElse("").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return all.size();
    }

    /**
     * Each task done or with files that {@code shown} lets through (by the group it was issued to: every unit's for those
     * who see all units, a unit member's own units' else): a folder under its unit with 办理情况.txt and the files;
     * returns how many files.
     */
    int writeTaskResults(ZipOutputStream zip, String campaignCode, ZoneId zone, Predicate<String> shown) throws IOException {
        Set<String> names = new HashSet<>();
        int files = 0;
        int n = 0;
        for (TaskResultFiles.TaskResult task : taskResults.of(campaignCode)) {
            n++; // numbered in the whole archive's order, so a unit's folder has the same name in the office's archive
            if (!shown.test(task.groupId())) {
                continue;
            }
            String folder = unique(names, TASKS + "/" + fileName(task.unitName()) + "/" + "%03d-".formatted(n)
                    + fileName(task.name()), "");
            zip.putNextEntry(new ZipEntry(folder + "/办理情况.txt"));
            zip.write(summary(task, zone).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            Set<String> own = new HashSet<>();
            for (TaskResultFiles.File file : task.files()) {
                byte[] content = taskResults.content(campaignCode, file.id()).orElse(null);
                if (content == null) {
                    continue;
                }
                String name = file.fileName();
                int dot = name.lastIndexOf('.');
                zip.putNextEntry(new ZipEntry(unique(own, folder + "/" + fileName(dot > 0 ? name.substring(0, dot) : name),
                        dot > 0 ? fileName(name.substring(dot)) : "")));
                zip.write(content);
                zip.closeEntry();
                files++;
            }
        }
        return files;
    }

    private static String summary(TaskResultFiles.TaskResult task, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        text.append("任务：").append(task.name()).append("\r\n");
        text.append("办理单位：").append(task.unitName()).append("\r\n");
        text.append("办理情况：").append(task.result() == null || task.result().isBlank() ? "（未办结）" : task.result()).append("\r\n");
        if (task.completedAt() != null) {
            text.append("办理人：").append(task.completedBy() == null ? "" : task.completedBy()).append("\r\n");
            text.append("办结时间：").append(MINUTE.format(task.completedAt().atZone(zone))).append("\r\n");
        }
        text.append("附件：").append(task.files().isEmpty() ? "无"
                : String.join("、", task.files().stream().map(TaskResultFiles.File::fileName).toList())).append("\r\n");
        return text.toString();
    }

    /** {@code base + extension}, or with （2）, （3）… before the extension when the archive has that name already. */
    private static String unique(Set<String> taken, String base, String extension) {
        String name = base + extension;
        for (int k = 2; !taken.add(name); k++) {
            name = base + "（" + k + "）" + extension;
        }
        return name;
    }

    /** A name without the characters no file system takes. */
    static String fileName(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }
}
