package org.shirong.zone;

import java.util.Arrays;
import java.util.Optional;

/** Whether a zone lies on a main road (履责率 target 98 % by default) or elsewhere (95 %). */
enum RoadClass {
    MAIN_ROAD("主要道路"),
    OTHER("其他");

    private final String label;

    RoadClass(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The class written as its code (MAIN_ROAD) or its Chinese name (主要道路). */
    static Optional<RoadClass> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(t) || v.label.equals(t)).findFirst();
    }
}
