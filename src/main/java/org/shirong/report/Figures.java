package org.shirong.report;

import java.util.List;

/** The figures a campaign document shows, ready for a template (dates and rates already written for people); the records are public for FreeMarker. */
final class Figures {

    private Figures() {
    }

    /** The campaign row; {@code currentPhase} is the phase number, 0 before the first. */
    public record Campaign(String code, String name, String templateName, String status, int currentPhase) {
    }

    /** One phase and its handed-out tasks: done (completed) and still open, and the share done. */
    public record Phase(int no, String name, String firstDay, String lastDay, boolean current, int done, int open, String progress) {
    }

    /** One unit's cases in a period: reported (新增), closed (结案), due in it and overdue (超期), open at its end. */
    public record UnitCases(String unitId, String unitName, int reported, int closed, int overdue, int openAtEnd) {
    }

    /** The unit lines and their sum. */
    public record CaseTable(List<UnitCases> units, UnitCases total) {
    }

    /** One unit's work past its deadline and not done (campaign tasks and 工作交办), each as 任务名称（期限 2026年11月8日）. */
    public record OverdueUnit(String unitName, List<String> items) {
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "—" : Math.round(part * 1000.0 / whole) / 10.0 + "%";
    }
}
