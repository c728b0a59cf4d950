package org.shirong.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * A request to start a campaign: {@code {template, code, name, dates?}}. Without {@code dates} the
 * phases start today and keep the template's lengths; {@code dates.start} moves that start, and
 * {@code dates.phases} (one entry per phase, each with {@code from} and/or {@code to}) sets the phases
 * one by one, whatever an entry leaves out following the template.
 */
public record CampaignStartRequest(String template, String code, String name, Dates dates) {

    public record Dates(LocalDate start, List<PhaseDates> phases) {
    }

    /** The first and last day (inclusive) of a phase; either may be left out. */
    public record PhaseDates(LocalDate from, LocalDate to) {
    }
}
