package org.shirong.zone;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The zone's 门责处置 for its file ({@code GET /api/zones/{id}/file}, key {@code breaches}), newest first, with their steps. */
@Component
class BreachFileSection implements ZoneFileSection {

    record StepView(int level, String name, Instant issuedAt, Instant dueAt, Instant notifiedAt, String advisedPerson,
            String adviceNote, Instant recheckedAt, Boolean complied) {
    }

    record BreachView(long id, Instant startedAt, String status, String statusName, Integer startLevel, Integer level,
            String levelName, Instant rectifyDueAt, Instant endedAt, String caseNo, String zoneFileUrl, List<StepView> steps) {
    }

    private final ZoneLadder ladder;

    BreachFileSection(ZoneLadder ladder) {
        this.ladder = ladder;
    }

    @Override
    public String key() {
        return "breaches";
    }

    @Override
    public Object of(Zone zone) {
        return ladder.breaches(zone.id()).stream().map(b -> new BreachView(b.id(), b.startedAt(), b.status().name(),
                b.status().label(), b.startLevel(), b.level(), b.levelName(), b.rectifyDueAt(), b.endedAt(), b.caseNo(),
                b.caseNo() == null ? null : "/api/cases/" + b.caseNo() + "/zone-file.pdf",
                ladder.steps(b.id()).stream().map(s -> new StepView(s.level(), s.name(), s.issuedAt(), s.dueAt(),
                        s.notifiedAt(), s.advisedPerson(), s.adviceNote(), s.recheckedAt(), s.complied())).toList())).toList();
    }
}
