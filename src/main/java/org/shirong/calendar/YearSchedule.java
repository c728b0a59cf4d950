package org.shirong.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The content of one {@code <year>.yaml}: the days off and make-up working days (调休上班) the State
 * Council published for that year, or, when {@code provisional}, only the statutory holidays.
 */
record YearSchedule(Integer year, Boolean provisional, Source source, List<Holiday> holidays, List<MakeUpDay> makeUpDays) {

    /** The notice the days were taken from. */
    record Source(String title, LocalDate published) {
    }

    /** Days off, both ends included. */
    record Holiday(String name, LocalDate from, LocalDate to) {
    }

    /** A weekend day that is worked because of {@code holiday}. */
    record MakeUpDay(LocalDate date, String holiday) {
    }

    YearSchedule {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        makeUpDays = makeUpDays == null ? List.of() : List.copyOf(makeUpDays);
    }

    boolean isProvisional() {
        return Boolean.TRUE.equals(provisional);
    }
}
