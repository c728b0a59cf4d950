package org.shirong.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.shirong.campaign.CampaignRecords.TaskRow;
import org.shirong.rectification.PhotoSize;
import org.shirong.system.FileNames;
import org.springframework.stereotype.Service;

/**
 * Takes the files handed in with a campaign task ({@code attachment1}, {@code attachment2}, … File variables) into
 * {@code campaign_task_attachment}, in the task's completion transaction: each must be of a kind the task takes and
 * within {@code shirong.campaigns.attachments.max-bytes} (a photo also of a size a camera takes), and a task whose
 * template says {@code attachments: required} is not done without one. A refusal names the field and the limit, and
 * nothing is saved. The variables are removed, so that the files are kept once, with the campaign.
 */
@Service
class CampaignAttachments {

    private static final Pattern VARIABLE = Pattern.compile(CampaignTaskProcess.VAR_ATTACHMENT_PREFIX + "(\\d+)");

    private final AttachmentRecords records;
    private final int maxBytes;

    CampaignAttachments(AttachmentRecords records, AttachmentProperties properties) {
        this.records = records;
        this.maxBytes = properties.maxBytes();
    }

    /** Stores the task's files; returns how many there were. */
    int take(DelegateExecution execution, TaskRow task, String user) {
        List<AttachmentKind> kinds = kinds(execution.getVariable(CampaignTaskProcess.VAR_ATTACHMENT_KINDS));
        List<String> names = execution.getVariableNames().stream().filter(n -> VARIABLE.matcher(n).matches())
                .sorted(Comparator.comparingInt(CampaignAttachments::number)).toList();
        List<Runnable> inserts = new ArrayList<>();
        for (String name : names) {
            check(name, execution.getVariableTyped(name), kinds).ifPresent(file -> inserts.add(() -> records.insert(
                    task.campaignCode(), task.id(), file.kind(), file.fileName(), file.mimeType(), file.content(), user,
                    ClockUtil.getCurrentTime().toInstant())));
        }
        if (inserts.isEmpty() && Boolean.TRUE.equals(execution.getVariable(CampaignTaskProcess.VAR_ATTACHMENTS_REQUIRED))) {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_ATTACHMENT_PREFIX + "1",
                    "任务“%s”须上传附件（台帐、整治案件等材料，可接受：%s）才能办结".formatted(task.name(),
                            kinds.stream().map(AttachmentKind::label).collect(Collectors.joining("、"))));
        }
        inserts.forEach(Runnable::run);
        names.forEach(execution::removeVariable);
        return inserts.size();
    }

    /** A file handed in and accepted: the name it is kept under (its type's extension), its kind, type and content. */
    record Checked(String fileName, AttachmentKind kind, String mimeType, byte[] content) {
    }

    /**
     * The file sent as the variable {@code name}, checked as every upload of a task is: one of {@code kinds} by its content,
     * within {@code shirong.campaigns.attachments.max-bytes}, a photo also of a size a camera takes; a refusal names the
     * field and the limit. Empty when nothing (or an empty file) was sent. Also for the files of 办理交办事项.
     */
    Optional<Checked> check(String name, TypedValue value, List<AttachmentKind> kinds) {
        if (!(value instanceof FileValue file) || file.getValue() == null) {
            return Optional.empty();
        }
        byte[] content = read(file);
        if (content.length == 0) {
            return Optional.empty();
        }
        String fileName = FileNames.stored(file.getFilename(), name);
        if (content.length > maxBytes) {
            throw new FormFieldValidationException(name, "附件“%s”过大：每个附件不能超过 %s，请压缩或分成几个文件"
                    .formatted(fileName, size(maxBytes)));
        }
        var detected = AttachmentKind.detect(content, fileName).filter(d -> kinds.contains(d.kind()))
                .orElseThrow(() -> new FormFieldValidationException(name, "附件“%s”不是本任务可接受的类型，可接受：%s"
                        .formatted(fileName, kinds.stream().map(AttachmentKind::label).collect(Collectors.joining("、")))));
        if (detected.kind() == AttachmentKind.PHOTO) {
            PhotoSize.problem("照片“" + fileName + "”", detected.mimeType(), content).ifPresent(refusal -> {
                throw new FormFieldValidationException(name, refusal.message());
            });
        }
        return Optional.of(new Checked(FileNames.typed(fileName, detected.mimeType()), detected.kind(), detected.mimeType(), content));
    }

    /** The kinds the task was issued with (comma-separated ids); every kind for a task issued without. */
    static List<AttachmentKind> kinds(Object value) {
        if (value == null || value.toString().isBlank()) {
            return List.of(AttachmentKind.values());
        }
        return Arrays.stream(value.toString().split(",")).map(String::strip).map(AttachmentKind::of)
                .flatMap(java.util.Optional::stream).toList();
    }

    private byte[] read(FileValue file) {
        try (InputStream in = file.getValue()) {
            return in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int number(String name) {
        Matcher m = VARIABLE.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1).length() > 6 ? "999999" : m.group(1)) : 0;
    }

    /** A size as the office reads it: 5 MB, 800 KB. */
    static String size(long bytes) {
        return bytes >= 1_000_000 ? "%s MB".formatted(trim(bytes / 1_000_000.0)) : "%s KB".formatted(trim(bytes / 1_000.0));
    }

    private static String trim(double value) {
        return Objects.toString(java.math.BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString());
    }
}
