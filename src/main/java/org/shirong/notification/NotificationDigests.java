package org.shirong.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Service;

/**
 * One notification for many cases (issue 13, W2): a town unit that an import of 10,000 rows dispatches 600 cases to gets
 * one message, 本次导入向贵单位派发 600 件, instead of 600. Whoever starts the processes sets the transient variable
 * {@link #VAR_HELD_FOR_DIGEST} to the template their send task would use; the send task of that template then queues
 * nothing, and the starter queues the digest with {@link #sendPerPerson} in its own transaction (the outbox row commits
 * with the cases it tells of: nothing lost, and, keyed by the business key, never queued twice): one message per person
 * however many of the units they are in, as every notice (s54), and once per organisation: the people's rows are keyed
 * with it ({@link #personIteration}), so that someone in units of two organisations hears of both.
 */
@Service
public class NotificationDigests {

    /**
     * Process variable, transient where the send task runs in the starter's transaction: the template whose send task is
     * held back for a digest.
     */
    public static final String VAR_HELD_FOR_DIGEST = "notificationHeldForDigest";

    /** The outbox's iteration column holds this many characters. */
    private static final int MAX_ITERATION = 64;

    private final Notifications notifications;
    private final NotificationOutbox outbox;
    private final RecipientResolver recipients;
    private final NotificationModel model;
    private final SystemAccess systemAccess;

    NotificationDigests(Notifications notifications, NotificationOutbox outbox, RecipientResolver recipients,
            NotificationModel model, SystemAccess systemAccess) {
        this.outbox = outbox;
        this.systemAccess = systemAccess;
        this.notifications = notifications;
        this.recipients = recipients;
        this.model = model;
    }

    /**
     * A notice about a document of the work (a 通报) to several groups of {@code organization} at once, in the caller's
     * transaction: one message per person however many of the groups they belong to, a leading group told through its
     * leaders ({@link RecipientResolver#ofNotice}), each group's robot; its link the document's address. Notices of one
     * document to several organisations' groups share {@code iteration}: a person already told (in any of them) is not told
     * again. Returns how many rows were queued.
     */
    public int sendDocumentToGroups(String businessKey, String iteration, String template, Map<String, Object> values,
            String documentPath, Collection<String> groups, String organization) {
        Map<String, Object> all = new HashMap<>(values);
        all.put(NotificationModel.LINK, model.absolute(documentPath));
        return systemAccess.run(() -> notifications.send(new Notification(businessKey, template, iteration, all,
                recipients.ofNotice(groups), organization)));
    }

    /**
     * One unit's part of a digest ({@link #sendPerPerson}): the unit's group id and what the template says of its work;
     * {@code about}, when the part is one piece of work (a unit given one task), is what its Tasklist link opens the task of
     * (that task's process instance), rather than the digest's (jtphone-s61 F2).
     */
    public record UnitPart(String group, Map<String, Object> values, String about) {

        public UnitPart(String group, Map<String, Object> values) {
            this(group, values, null);
        }
    }

    /**
     * A digest of several units' work (the tasks a phase start gives, the cases an import dispatches) in {@code organization},
     * one message per person in the caller's transaction: whoever is in several of the units (a head of two, a clerk in
     * two units' groups) is told once, of each of their units' part under the unit's name. A person of one unit gets {@code values},
     * the part's values, {@code leadUnit}, {@code leadUnitName} and {@code link}; a person of several gets {@code values} and {@code units}, a list of the parts (each with
     * its {@code leadUnit} and {@code leadUnitName}) in the order given, and {@code leadUnitName}, their names together.
     * Each unit's robot gets its own part alone. Keyed by {@code businessKey}, {@code iteration} and {@code organization} per
     * person (by {@code iteration} per unit for the robots, a unit being of one organisation), so a repeated call queues
     * nothing, and a person in units of two organisations told by a call for each hears of both; {@code about}, when given, is the work the Tasklist link opens
     * the reader's task of, unless the reader's parts are one piece of work with an {@code about} of its own ({@link UnitPart}).
     * Returns how many rows were queued.
     */
    public int sendPerPerson(String businessKey, String iteration, String template, Map<String, Object> values,
            List<UnitPart> parts, String organization, String about) {
        return systemAccess.run(() -> {
            Map<String, List<UnitPart>> partsOfUser = new LinkedHashMap<>();
            for (UnitPart part : parts) {
                recipients.ofGroup(part.group()).users().stream().sorted()
                        .forEach(user -> partsOfUser.computeIfAbsent(user, u -> new ArrayList<>()).add(part));
            }
            // the people of the same units share one rendering
            Map<List<UnitPart>, Set<String>> usersOfParts = new LinkedHashMap<>();
            partsOfUser.forEach((user, theirs) -> usersOfParts.computeIfAbsent(theirs, k -> new LinkedHashSet<>()).add(user));
            int queued = 0;
            for (Map.Entry<List<UnitPart>, Set<String>> people : usersOfParts.entrySet()) {
                queued += notifications.send(new Notification(businessKey, template, personIteration(iteration, organization),
                        modelOf(values, people.getKey(), linkOf(people.getKey(), about)), new Recipients(people.getValue(), Set.of()),
                        organization));
            }
            for (UnitPart part : parts) {
                queued += notifications.send(new Notification(businessKey, template, iteration + "/" + part.group(),
                        modelOf(values, List.of(part), linkOf(List.of(part), about)), new Recipients(Set.of(), Set.of(part.group())),
                        organization));
            }
            return queued;
        });
    }

    /**
     * Whether {@link #sendPerPerson} with these arguments has queued its digest already (a row for any of its people or of
     * the groups' robots): for a digest that many transactions would queue (each unit's overdue timer), asked before
     * reading and rendering what it says. A digest whose groups have no member and no robot is never queued: false.
     */
    public boolean queued(String businessKey, String iteration, String template, Collection<String> groups, String organization) {
        List<String> iterations = new ArrayList<>();
        iterations.add(personIteration(iteration, organization));
        groups.forEach(group -> iterations.add(iteration + "/" + group));
        return systemAccess.run(() -> outbox.anyQueued(businessKey, template, iterations));
    }

    /** The people's rows' iteration: the caller's with the organisation, shortened to fit the column when it must. */
    static String personIteration(String iteration, String organization) {
        String keyed = iteration + "@" + organization;
        if (keyed.length() <= MAX_ITERATION) {
            return keyed;
        }
        String hash = Integer.toHexString(iteration.hashCode());
        return iteration.substring(0, Math.max(0, MAX_ITERATION - organization.length() - hash.length() - 2)) + "~" + hash + "@"
                + organization;
    }

    /** The link of a message telling of {@code parts}: to their one piece of work where they are one, else about the digest's. */
    private String linkOf(List<UnitPart> parts, String about) {
        return model.link(parts.size() == 1 && parts.get(0).about() != null ? parts.get(0).about() : about);
    }

    private Map<String, Object> modelOf(Map<String, Object> values, List<UnitPart> parts, String link) {
        Map<String, Object> all = new HashMap<>(values);
        all.put(NotificationModel.LINK, link);
        if (parts.size() == 1) {
            all.putAll(parts.get(0).values());
            all.put("leadUnit", parts.get(0).group());
            all.put("leadUnitName", model.groupName(parts.get(0).group()));
            return all;
        }
        List<Map<String, Object>> units = new ArrayList<>();
        for (UnitPart part : parts) {
            Map<String, Object> unit = new HashMap<>(part.values());
            unit.put("leadUnit", part.group());
            unit.put("leadUnitName", model.groupName(part.group()));
            units.add(unit);
        }
        all.put("units", units);
        all.put("leadUnitName", String.join("、", units.stream().map(u -> u.get("leadUnitName").toString()).toList()));
        return all;
    }
}
