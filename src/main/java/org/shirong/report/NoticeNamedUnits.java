package org.shirong.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.scoring.NoticeOthers;
import org.shirong.scoring.UnitScores;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whom a 通报 just stored names, read from the model it was rendered with, as it printed them: the units named for their
 * scores (and a district's towns for theirs), those that left a 协办 unrecorded, those late with a task of the period and
 * those a meeting decided to 通报; each once with its reasons. Hands them to {@link NoticeReplies} for their written
 * reports. The issuing organisation's office and leading group are never asked (they issue the 通报).
 */
@Component
class NoticeNamedUnits {

    private final Organizations organizations;
    private final ObjectProvider<NoticeReplies> replies;

    NoticeNamedUnits(Organizations organizations, ObjectProvider<NoticeReplies> replies) {
        this.organizations = organizations;
        this.replies = replies;
    }

    /** Asks every unit the 通报 {@code notice} of {@code organization}'s campaign names ({@code model}) for its written report. */
    void askForReplies(String organization, String campaignCode, String periodCode, String periodName, StoredDocument notice,
            Map<String, Object> model, Instant at) {
        List<NoticeReplies.NamedUnit> units = named(organization, model);
        NoticeReplies target = replies.getIfAvailable();
        if (target != null && !units.isEmpty()) {
            target.request(campaignCode, periodCode, periodName, notice, units, at);
        }
    }

    /** The units {@code model}'s 通报 names, in its order, each once with its reasons; not the office nor the leading group. */
    List<NoticeReplies.NamedUnit> named(String organization, Map<String, Object> model) {
        Map<String, String> names = new HashMap<>();
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        java.util.function.BiConsumer<String[], String> add = (unit, reason) -> {
            if (unit[0] != null) {
                names.putIfAbsent(unit[0], unit[1]);
                reasons.computeIfAbsent(unit[0], g -> new ArrayList<>()).add(reason);
            }
        };
        // a 暂定 ranking (a campaign closed mid-month) names no unit for its scores
        // nor does a 通报 of a meeting that ranks no unit (its cycle's score-phases have no day in the period)
        boolean provisional = model.get("scores") instanceof UnitScores.PeriodScores scores && scores.provisional()
                || model.containsKey("unranked");
        if (model.get("scores") instanceof UnitScores.PeriodScores scores && !provisional) {
            scores.named().forEach(u -> add.accept(new String[] {u.unitId(), u.unitName()},
                    "考核总分 " + u.total() + "（" + u.grade() + " 级），列入通报"));
        }
        if (model.get("territories") instanceof UnitScores.TerritoryScores territories && !provisional) {
            Map<String, String> officeByTown = new HashMap<>();
            organizations.townNamesByOffice(organization).forEach((office, town) -> officeByTown.put(town, office));
            territories.named().forEach(t -> add.accept(new String[] {officeByTown.get(t.name()), t.name()},
                    "街镇排名总分 " + t.total() + "（" + t.grade() + " 级），列入通报"));
        }
        if (model.get("cooperation") instanceof UnitScores.CooperationScores cooperation) {
            cooperation.named().forEach(c -> add.accept(new String[] {c.unitId(), c.unitName()}, c.reason()));
        }
        if (model.get("lateTasks") instanceof List<?> late) {
            late.stream().map(Figures.LateTaskLine.class::cast).forEach(t -> add.accept(new String[] {t.groupId(), t.unitName()},
                    t.reason()));
        }
        if (model.get("meetingNamed") instanceof List<?> decided) {
            decided.stream().map(MeetingNamedUnits.Named.class::cast).forEach(d -> add.accept(new String[] {d.groupId(), d.unitName()},
                    NoticeOthers.Decided.wording(d.reason(), d.decidedBy())));
        }
        Organization issuer = organizations.of(organization);
        Set<String> issuers = new HashSet<>();
        issuers.add(issuer.roles().office());
        issuers.add(issuer.roles().leading());
        return reasons.entrySet().stream().filter(e -> !issuers.contains(e.getKey()))
                .map(e -> new NoticeReplies.NamedUnit(e.getKey(), names.get(e.getKey()), List.copyOf(e.getValue()))).toList();
    }
}
