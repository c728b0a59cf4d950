package org.shirong.notification;

import static org.shirong.rectification.RectificationProcess.VAR_ADDRESS;
import static org.shirong.rectification.RectificationProcess.VAR_CASE_NO;
import static org.shirong.rectification.RectificationProcess.VAR_DUE_AT;
import static org.shirong.rectification.RectificationProcess.VAR_CLAIMED;
import static org.shirong.rectification.RectificationProcess.VAR_HANDLER;
import static org.shirong.rectification.RectificationProcess.VAR_LEAD_UNIT;
import static org.shirong.rectification.RectificationProcess.VAR_TITLE;
import static org.shirong.system.ChineseDates.MINUTE;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * The model a template gets from the process: {@code caseNo}, {@code title}, {@code address},
 * {@code leadUnit} and {@code leadUnitName}, {@code handlerName} (who handles the case in its lead unit, by name; empty
 * when no one does yet), {@code due} (the due instant as 2026年5月9日 10:00 in the
 * calendar's zone, Asia/Shanghai), {@code link} (Tasklist opening the recipient's task of the business key,
 * see {@link #link}), {@code officeName}, {@code leadingName} and {@code inspectorsName} (the groups that play those parts in
 * the organisation the process runs in, as its file names them: 锦溪镇's office is 推进小组办公室, not 九亭镇's 创建办),
 * plus every other parameter of the send task (dates formatted like {@code due}); a
 * parameter {@code link} (e.g. a document's address) replaces the Tasklist link, and a parameter {@code about} (a process
 * instance's id, where the business key names a campaign of many tasks) is what the Tasklist link opens the task of.
 * Missing values are empty.
 * Every path of Shirong in a value ({@code /api/documents/…}) is made absolute with {@code shirong.public-url}, so
 * that links work from an e-mail.
 */
@Component
class NotificationModel {

    static final String LINK = "link";
    static final String ABOUT = "about";
    static final Set<String> SETTINGS = Set.of(SendNotificationDelegate.TEMPLATE, SendNotificationDelegate.RECIPIENTS,
            SendNotificationDelegate.ITERATION, ABOUT);
    /** For a process of no organisation (deployed without a tenant). */
    private static final Map<String, String> GENERIC_ROLE_NAMES = Map.of("officeName", "办公室", "leadingName", "领导小组",
            "inspectorsName", "核查人员", "noticeIssuer", "领导小组");

    private final IdentityService identityService;
    private final Organizations organizations;
    private final PublicUrl publicUrl;
    private final ZoneId zone;

    NotificationModel(IdentityService identityService, Organizations organizations, PublicUrl publicUrl, WorkingCalendar calendar) {
        this.identityService = identityService;
        this.organizations = organizations;
        this.publicUrl = publicUrl;
        this.zone = calendar.zone();
    }

    /** The model for the send task's {@code parameters} (its settings left out, see {@link SendNotificationDelegate}). */
    Map<String, Object> of(DelegateExecution execution, Map<String, Object> parameters) {
        String businessKey = SendNotificationDelegate.businessKey(execution);
        Object leadUnit = execution.getVariable(VAR_LEAD_UNIT);
        Map<String, Object> model = new HashMap<>();
        model.put("caseNo", text(execution.getVariable(VAR_CASE_NO), businessKey));
        model.put("title", text(execution.getVariable(VAR_TITLE), ""));
        model.put("address", text(execution.getVariable(VAR_ADDRESS), ""));
        model.put("leadUnit", text(leadUnit, ""));
        // another organisation's lead unit with that one named, as the process's organisation reads it (a district
        // department on a town's 属地 cooperation: 区绿化市容局（松江区）)
        model.put("leadUnitName", leadUnit == null ? "" : organizations.ofGroup(leadUnit.toString()).isPresent()
                ? organizations.unitName(leadUnit.toString(), execution.getTenantId()) : groupName(leadUnit.toString()));
        Object handler = execution.getVariable(VAR_HANDLER);
        model.put("handlerName", handler == null ? "" : organizations.personName(handler.toString()));
        // "是" once the lead unit has claimed the case: on its dispatch notice, it claimed it as it entered it (sjreview F12)
        model.put("claimed", Boolean.TRUE.equals(execution.getVariable(VAR_CLAIMED)) ? "是" : "");
        model.put("due", text(execution.getVariable(VAR_DUE_AT), ""));
        model.put(LINK, link(parameters.get(ABOUT) != null ? parameters.get(ABOUT).toString() : businessKey));
        model.putAll(organizations.find(execution.getTenantId()).map(Organization::roleNames).orElse(GENERIC_ROLE_NAMES));
        parameters.forEach((name, value) -> {
            if (!SETTINGS.contains(name) && value != null) {
                model.put(name, text(value, ""));
            }
        });
        model.replaceAll((name, value) -> value instanceof String s ? publicUrl.absoluteIn(s) : value);
        return model;
    }

    /**
     * Tasklist with {@code about} set to the business key: Tasklist's inbox plugin ({@code tasklist/shirong/inbox.js})
     * asks {@code /api/notifications/target} for the reader's task of it when the link is opened (after logging in, as
     * Tasklist keeps the address through its login), so the link still leads to the right task after a claim or a
     * step of the process, and opens it in a filter of the reader that holds it.
     */
    String link(String businessKey) {
        String tasklist = publicUrl.tasklist();
        return businessKey == null ? tasklist
                : tasklist + "#/?" + ABOUT + "=" + URLEncoder.encode(businessKey, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A path of Shirong ({@code /api/documents/…}) as a link in a message: absolute, with {@code shirong.public-url}. */
    String absolute(String path) {
        return publicUrl.absoluteIn(path);
    }

    /** From the organisation file, which is in memory; only a group made in Admin is looked up in the engine. */
    String groupName(String groupId) {
        return organizations.groupName(groupId).orElseGet(() -> engineGroupName(groupId));
    }

    private String engineGroupName(String groupId) {
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        return group == null || group.getName() == null ? groupId : group.getName();
    }

    private String text(Object value, String missing) {
        if (value == null) {
            return missing;
        }
        return value instanceof Date date ? MINUTE.format(date.toInstant().atZone(zone)) : value.toString();
    }
}
