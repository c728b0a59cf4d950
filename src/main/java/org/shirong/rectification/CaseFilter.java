package org.shirong.rectification;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.TextInput;

/**
 * The filters of {@code GET /api/cases} and of its Excel ledger, as {@link CaseRecords} applies them: {@code unit} the
 * lead unit (with {@code cooperating} not null: the cooperating unit among those), {@code status}, {@code overdue},
 * {@code escalated}, {@code campaign}, {@code organization} (the case's, checked by
 * {@link org.shirong.organization.CallerOrganization#narrowedTo}), {@code territory} (the town or street the case lies
 * in, its 属地: a district's cases in one town) and {@code reported} (the days a case was reported on), each ignored when
 * null (or showing nothing); a filter with control characters, or a territory no organisation has, is refused (400)
 * naming it.
 */
record CaseFilter(String unit, List<String> cooperating, CaseStatus status, Boolean overdue, Boolean escalated,
        String campaign, String organization, String territory, ReportedDays reported) {

    static final String ROLE_ALL = "all";
    static final String ROLE_COOPERATING = "cooperating";

    /** The filter of a request; {@code role} must be {@code all} (or absent) or {@code cooperating} (the caller's units). */
    static CaseFilter of(Authentication user, String unit, CaseStatus status, Boolean overdue, Boolean escalated,
            String role, String campaign, String organization, String territory, ReportedDays reported) {
        if (role != null && !role.equals(ROLE_ALL) && !role.equals(ROLE_COOPERATING)) {
            throw new InvalidRequestException(ApiError.field("role", "INVALID_ROLE",
                    "role 只能是 all（全部可查看的案件）或 cooperating（本单位协办的案件）"));
        }
        return new CaseFilter(TextInput.selector("unit", unit, "INVALID_PARAMETER"), ROLE_COOPERATING.equals(role) ? CaseVisibility.groups(user) : null,
                status, overdue, escalated, TextInput.selector("campaign", campaign, "INVALID_PARAMETER"), organization, territory, reported);
    }

    /** The 属地 named by the {@code territory} parameter (an organisation's id or name) as its id; null when none is named. */
    static String territory(TerritoryDirectory territories, String requested) {
        String named = TextInput.selector("territory", requested, "INVALID_PARAMETER");
        return named == null ? null : territories.find(named).orElseThrow(() -> new InvalidRequestException(
                ApiError.field("territory", "UNKNOWN_TERRITORY", "参数 territory 无效：没有街镇 \"" + named + "\"")));
    }

}
