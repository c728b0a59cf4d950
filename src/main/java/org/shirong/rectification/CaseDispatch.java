package org.shirong.rectification;

/**
 * Key, inputs, outputs and allowed values of the decision {@code config/organizations/<组织>/CaseDispatch.dmn} (案件派遣),
 * which gives a case its lead unit, responsible units and time limit.
 */
public final class CaseDispatch {

    public static final String KEY = "CaseDispatch";

    /** Input: a category code of {@code config/categories.yaml}. */
    public static final String IN_CATEGORY = "category";
    /** Input: an {@link Urgency} name. */
    public static final String IN_URGENCY = "urgency";
    /** Input: a {@link CaseSource} name. */
    public static final String IN_SOURCE = "source";

    /** Output: the group id of the lead unit (牵头单位) in {@code config/organization.yaml}. */
    public static final String OUT_LEAD_UNIT = "leadUnit";
    /** Output: comma-separated group ids of the responsible units (责任单位); may be empty. */
    public static final String OUT_RESPONSIBLE_UNITS = "responsibleUnits";
    /** Output: the time limit, counted in {@link #OUT_LIMIT_UNIT}. */
    public static final String OUT_LIMIT_AMOUNT = "limitAmount";
    /** Output: a {@link org.shirong.calendar.LimitUnit} name. */
    public static final String OUT_LIMIT_UNIT = "limitUnit";

    private CaseDispatch() {
    }
}
