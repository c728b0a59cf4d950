package org.shirong.zone;

/**
 * A further step of the demo's zones, run by {@link ZoneDemoSeeder} after the import and the 自律组织, in
 * {@link org.springframework.core.annotation.Order} order: the 告知书 part starts the year's notices and posts half, the
 * ladder part leaves one zone at 黄牌. Declared as a bean (conditional on the demo seed, as the seeder) by the part that
 * owns the step.
 */
interface ZoneDemoStep {

    /** Runs the step for the organisation's zones as the office user {@code officeUser}. */
    void run(String tenant, String officeUser);
}
