package org.shirong.rectification;

import java.util.ArrayList;
import java.util.List;
import org.shirong.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * Whom the lead unit works with, for 整改问题's description (sjreview-s57 D1): {@code 属地街镇：创建工作办公室（九亭镇）；
 * 协办单位：区商务委、区市场监管局}. Derived from the case's parties each time 整改问题 is created or the office corrects the
 * 属地, not kept in a process variable that a correction left stale (diffreview-s57 R2): one select, which the variable's
 * write at the dispatch and its delete at the end cost more than.
 */
@Component
class CooperatorsLine {

    private final CaseParties parties;
    private final Organizations organizations;

    CooperatorsLine(CaseParties parties, Organizations organizations) {
        this.parties = parties;
        this.organizations = organizations;
    }

    /**
     * The line of the case as organisation {@code readBy} names the units; null when it has none. A 属地 office that
     * answered 非本镇属地, or whose town is no more the case's 属地, is left out.
     */
    String of(String caseNo, String readBy) {
        List<String> territory = new ArrayList<>();
        List<String> responsible = new ArrayList<>();
        for (CaseParties.Party p : parties.current(caseNo)) {
            if (p.outcome() == CaseParties.Outcome.NOT_TERRITORY) {
                continue;
            }
            (p.reason() == CaseParties.Reason.TERRITORY ? territory : responsible).add(organizations.unitName(p.unitId(), readBy));
        }
        List<String> parts = new ArrayList<>();
        if (!territory.isEmpty()) {
            parts.add(TERRITORY + String.join("、", territory));
        }
        if (!responsible.isEmpty()) {
            parts.add(RESPONSIBLE + String.join("、", responsible));
        }
        return parts.isEmpty() ? null : String.join("；", parts);
    }

    private static final String TERRITORY = "属地街镇：";
    private static final String RESPONSIBLE = "协办单位：";

    /** 整改问题's description {@code description} with its line replaced by {@code line} (none when null). */
    static String replaced(String description, String line) {
        List<String> kept = new ArrayList<>();
        for (String row : description == null ? new String[0] : description.split("\n", -1)) {
            if (!row.startsWith(TERRITORY) && !row.startsWith(RESPONSIBLE)) {
                kept.add(row);
            }
        }
        if (line != null) {
            kept.add(line);
        }
        return String.join("\n", kept);
    }
}
