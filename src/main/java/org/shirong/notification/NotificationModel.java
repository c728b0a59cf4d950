package org.shirong.notification;

import static org.shirong.rectification.RectificationProcess.VAR_ADDRESS;
import static org.shirong.rectification.RectificationProcess.VAR_CASE_NO;
import static org.shirong.rectification.RectificationProcess.VAR_DUE_AT;
import static org.shirong.rectification.RectificationProcess.VAR_LEAD_UNIT;
import static org.shirong.rectification.RectificationProcess.VAR_TITLE;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.shirong.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The model a template gets from the process: {@code caseNo}, {@code title}, {@code address},
 * {@code leadUnit} and {@code leadUnitName}, {@code due} (the due instant as 2026年5月9日 10:00 in the
 * calendar's zone, Asia/Shanghai), {@code link} (Tasklist, searching the business key), plus every
 * other input parameter of the send task (dates formatted like {@code due}). Missing values are empty.
 */
@Component
class NotificationModel {

    static final String LINK = "link";
    static final Set<String> SETTINGS = Set.of(SendNotificationDelegate.TEMPLATE, SendNotificationDelegate.RECIPIENTS,
            SendNotificationDelegate.ITERATION);
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final IdentityService identityService;
    private final String tasklistUrl;
    private final ZoneId zone;

    NotificationModel(IdentityService identityService, NotificationProperties properties, WorkingCalendar calendar) {
        this.identityService = identityService;
        this.tasklistUrl = properties.tasklistUrl() == null ? "" : properties.tasklistUrl();
        this.zone = calendar.zone();
    }

    Map<String, Object> of(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        Object leadUnit = execution.getVariable(VAR_LEAD_UNIT);
        Map<String, Object> model = new HashMap<>();
        model.put("caseNo", text(execution.getVariable(VAR_CASE_NO), businessKey));
        model.put("title", text(execution.getVariable(VAR_TITLE), ""));
        model.put("address", text(execution.getVariable(VAR_ADDRESS), ""));
        model.put("leadUnit", text(leadUnit, ""));
        model.put("leadUnitName", leadUnit == null ? "" : groupName(leadUnit.toString()));
        model.put("due", text(execution.getVariable(VAR_DUE_AT), ""));
        model.put(LINK, link(businessKey));
        execution.getVariablesLocal().forEach((name, value) -> {
            if (!SETTINGS.contains(name) && value != null) {
                model.put(name, text(value, ""));
            }
        });
        return model;
    }

    /** Tasklist with its search set to the process's business key. */
    String link(String businessKey) {
        if (businessKey == null) {
            return tasklistUrl;
        }
        String query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + businessKey + "\",\"name\":\"\"}]";
        return tasklistUrl + "#/?searchQuery=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String groupName(String groupId) {
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        return group == null || group.getName() == null ? groupId : group.getName();
    }

    private String text(Object value, String missing) {
        if (value == null) {
            return missing;
        }
        return value instanceof Date date ? DISPLAY.format(date.toInstant().atZone(zone)) : value.toString();
    }
}
