package org.shirong.zone;

import java.util.List;
import org.springframework.stereotype.Component;

/** The {@code trainings} of a zone's file: the sessions its people attended, latest first ({@link Trainings#ofZone}). */
@Component
class TrainingFileSection implements ZoneFileSection {

    private final Trainings trainings;

    TrainingFileSection(Trainings trainings) {
        this.trainings = trainings;
    }

    @Override
    public String key() {
        return "trainings";
    }

    @Override
    public Object of(Zone zone) {
        List<Trainings.Attendance> attended = trainings.ofZone(zone.id());
        return attended.isEmpty() ? null : attended;
    }
}
