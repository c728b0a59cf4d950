package org.shirong.organization;

import java.util.List;
import java.util.Set;
import org.shirong.system.FormSelectOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forms that name a unit offer the units of the organisation they are deployed for: 重新派遣 (the new lead unit)
 * 交办工作 (the unit to do it) and 临时会议 (the units called). Leading groups and offices are not offered: they hand work out.
 */
@Configuration
class UnitFormOptions {

    private static final Set<GroupType> WORKING = Set.of(GroupType.WORKING_GROUP, GroupType.UNIT, GroupType.COMMITTEE,
            GroupType.PROPERTY);

    @Bean
    FormSelectOptions redispatchUnitOptions(Organizations organizations) {
        return options(organizations, "forms/CaseRedispatch.form", "newLeadUnit");
    }

    @Bean
    FormSelectOptions workAssignmentUnitOptions(Organizations organizations) {
        return options(organizations, "forms/WorkAssignmentStart.form", "unitGroup");
    }

    @Bean
    FormSelectOptions adHocMeetingUnitOptions(Organizations organizations) {
        return options(organizations, "forms/AdHocMeetingStart.form", "attendeeUnits");
    }

    private static FormSelectOptions options(Organizations organizations, String form, String field) {
        return new FormSelectOptions() {
            @Override
            public String form() {
                return form;
            }

            @Override
            public String field() {
                return field;
            }

            @Override
            public List<Option> options(String organization) {
                return organizations.of(organization).groups().stream().filter(g -> WORKING.contains(g.type()))
                        .map(g -> new Option(g.name(), g.id())).toList();
            }
        };
    }
}
