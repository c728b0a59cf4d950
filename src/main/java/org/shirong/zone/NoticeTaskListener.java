package org.shirong.zone;

import static org.shirong.zone.ZoneNoticeProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.rectification.EvidencePhotos;
import org.shirong.system.TextInput;
import org.springframework.stereotype.Component;

/**
 * The listener of both tasks of {@code ZoneNoticeProcess}. On create it names the task after the zone, so that a
 * Tasklist row says which holder it is: 送达责任告知书 · JT-Z-0001 · 老王面馆 · 九亭大街 12 号. At the end of a task (an
 * execution listener, not a complete task listener: the engine would wrap a refusal from a task listener into a
 * 500, where this one reaches Tasklist and REST as the user's 400) it takes the required photo and records the step:
 * nothing is saved when the photo or the signer is missing, and the photo's File variable is removed once it is in
 * the zone's file.
 */
@Component("noticeTaskListener")
class NoticeTaskListener implements TaskListener, ExecutionListener {

    static final String SEPARATOR = " · ";
    private static final int SHORT_NAME = 20;

    private final ZoneNotices notices;
    private final EvidencePhotos photos;
    private final IdentityService identityService;

    NoticeTaskListener(ZoneNotices notices, EvidencePhotos photos, IdentityService identityService) {
        this.notices = notices;
        this.photos = photos;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_CREATE.equals(task.getEventName()) || task.getVariable(VAR_ZONE_NO) == null) {
            return;
        }
        String holder = text(task.getVariable(VAR_HOLDER_NAME));
        String address = text(task.getVariable(VAR_ADDRESS));
        task.setName(task.getName() + SEPARATOR + task.getVariable(VAR_ZONE_NO) + SEPARATOR + shortened(holder)
                + SEPARATOR + shortened(address));
        task.setDescription(task.getVariable(VAR_EDITION) + " 年版责任告知书。责任人：" + holder + "；地址：" + address);
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return; // the instance was deleted (e.g. by an administrator): nothing was handed in
        }
        long noticeId = ((Number) execution.getVariable(VAR_NOTICE_ID)).longValue();
        String activity = execution.getCurrentActivityId();
        if (TASK_DELIVER.equals(activity)) {
            String deliveredTo = required(execution, VAR_DELIVERED_TO, "签收人", 100);
            String note = optional(execution, VAR_DELIVERY_NOTE, "备注", 1000);
            ZonePhoto photo = photo(execution, VAR_SIGNATURE_PHOTO, "责任人签收照片");
            notices.delivered(noticeId, deliveredTo, note, photo, actor());
            photos.remove(execution, VAR_SIGNATURE_PHOTO);
        } else if (TASK_POST.equals(activity)) {
            String note = optional(execution, VAR_POSTING_NOTE, "备注", 1000);
            ZonePhoto photo = photo(execution, VAR_POSTED_PHOTO, "告知书上墙照片");
            notices.posted(noticeId, note, photo, actor());
            photos.remove(execution, VAR_POSTED_PHOTO);
        }
    }

    private ZonePhoto photo(DelegateExecution execution, String variable, String label) {
        EvidencePhotos.Photo p = photos.take(execution, variable, label)
                .orElseThrow(() -> new FormFieldValidationException(variable, "请拍摄" + label));
        return new ZonePhoto(p.fileName(), p.content(), p.takenAt(), p.latitude(), p.longitude());
    }

    private static String required(DelegateExecution execution, String variable, String label, int max) {
        String value = optional(execution, variable, label, max);
        if (value == null) {
            throw new FormFieldValidationException(variable, "请填写" + label);
        }
        return value;
    }

    /** A text field of the form, stripped; null when blank. Control characters and over-long text are refused. */
    private static String optional(DelegateExecution execution, String variable, String label, int max) {
        Object value = execution.getVariable(variable);
        String text = value == null ? null : value.toString();
        TextInput.problem(label, text, !VAR_DELIVERED_TO.equals(variable)).ifPresent(message -> {
            throw new FormFieldValidationException(variable, message);
        });
        if (TextInput.isBlank(text)) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new FormFieldValidationException(variable, label + "不能超过 " + max + " 个字");
        }
        return stripped;
    }

    private String actor() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String shortened(String text) {
        return text.length() > SHORT_NAME ? text.substring(0, SHORT_NAME) + "…" : text;
    }
}
