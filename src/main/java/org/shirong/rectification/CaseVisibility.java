package org.shirong.rectification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may read a case, its timeline and its photos ({@code shirong.cases.visibility}): with {@code unit} (the
 * default) the case's lead unit, its responsible units and every unit told to cooperate on it (协办,
 * {@link CaseParties}), whoever reported it, and the office, the leading group, the inspectors and the
 * administrators; with {@code town} every logged-in user.
 */
@Component
class CaseVisibility {

    enum Mode {
        UNIT, TOWN
    }

    /** A condition on {@code rect_case} with its arguments, to be and-ed to a list query. */
    record Filter(String sql, List<Object> args) {
    }

    private final Mode mode;
    private final Set<String> seeAll;
    private final CaseParties parties;

    CaseVisibility(@Value("${shirong.cases.visibility}") String mode, RectificationProperties properties,
            @Value("${shirong.rectification.inspectors-group}") String inspectorsGroup, CaseParties parties) {
        this.parties = parties;
        this.mode = switch (mode.strip().toLowerCase()) {
            case "unit" -> Mode.UNIT;
            case "town" -> Mode.TOWN;
            default -> throw new IllegalStateException("shirong.cases.visibility 只能是 unit 或 town，而不是 " + mode);
        };
        this.seeAll = Set.of(properties.officeGroup(), properties.leadingGroup(), inspectorsGroup, Groups.CAMUNDA_ADMIN);
    }

    boolean mayRead(Authentication user, CaseRecord c) {
        if (user == null) {
            return false;
        }
        if (mode == Mode.TOWN || seesAll(user) || user.getUserId().equals(c.reportedBy())) {
            return true;
        }
        Set<String> units = new LinkedHashSet<>();
        units.add(c.leadUnit());
        if (c.responsibleUnits() != null) {
            Arrays.stream(c.responsibleUnits().split(",")).map(String::strip).forEach(units::add);
        }
        return groups(user).stream().anyMatch(units::contains) || parties.anyOf(c.caseNo(), groups(user));
    }

    /** The cases {@code user} may read, as a condition for {@link CaseRecords#list}; null when they may read all. */
    Filter listFilter(Authentication user) {
        if (user != null && (mode == Mode.TOWN || seesAll(user))) {
            return null;
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("(reported_by = ?");
        args.add(user == null ? "" : user.getUserId());
        for (String group : user == null ? List.<String>of() : groups(user)) {
            sql.append(" or lead_unit = ? or concat(',', replace(coalesce(responsible_units, ''), ' ', ''), ',') like ?");
            args.add(group);
            args.add("%," + group + ",%");
        }
        List<String> groups = user == null ? List.of() : groups(user);
        if (!groups.isEmpty()) {
            sql.append(" or ").append(CaseParties.partyCondition(groups.size()));
            args.addAll(groups);
        }
        return new Filter(sql.append(')').toString(), args);
    }

    private boolean seesAll(Authentication user) {
        return groups(user).stream().anyMatch(seeAll::contains);
    }

    /** The units of the user (its groups), for {@code role=cooperating}. */
    static List<String> groups(Authentication user) {
        return user.getGroupIds() == null ? List.of() : user.getGroupIds();
    }
}
