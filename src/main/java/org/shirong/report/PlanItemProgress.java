package org.shirong.report;

import java.time.Instant;
import java.util.List;

/**
 * Progress per plan item (整治项目, survey 大类) of a campaign as it stood at an instant, for the documents and the
 * campaign overview. The campaign capability knows the plan and implements it; documents only show it.
 */
public interface PlanItemProgress {

    /**
     * One plan item (or, with a null category, the campaign's cases under no item): its lead and responsible units and
     * its cases found by then, closed, closed on time, and overdue (超期: past due without the fix handed in by the
     * deadline, closed late included; not a case waiting for 核查 of a fix handed in on time, nor one in an approved 挂账).
     */
    record Line(String category, String name, String leadUnit, String leadUnitName, List<String> responsibleUnitNames,
            int found, int closed, int onTime, int overdue) {

        public Line {
            responsibleUnitNames = List.copyOf(responsibleUnitNames);
        }

        /** 、-joined for a table cell, or — when the item names none. */
        public String responsible() {
            return responsibleUnitNames.isEmpty() ? "—" : String.join("、", responsibleUnitNames);
        }
    }

    /**
     * The items in the plan's order and their sum; {@code items} is empty for a campaign whose template has none (not even
     * a line of the cases under no item), and the documents and the 驾驶舱 then leave the 整治项目 section out.
     */
    record Table(List<Line> items, Line total) {

        public Table {
            items = List.copyOf(items);
        }
    }

    Table of(String campaignCode, Instant asOf);

    /**
     * The group ids of the plan items' lead units (with {@code responsibleToo}, then of their responsible units), in the
     * plan's order, each once; none for a campaign without items. A lead unit need not be a participant (锦溪's 创建办,
     * where the office sits, signs no letter with itself yet leads two items): the unit tables and a meeting's units
     * add them (s52 J11, J21).
     */
    List<String> itemUnits(String campaignCode, boolean responsibleToo);
}
