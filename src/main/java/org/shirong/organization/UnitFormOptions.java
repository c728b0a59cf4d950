package org.shirong.organization;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;
import org.shirong.system.FormSelectOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forms that name a unit offer the units of the organisation they are deployed for: 重新派遣 (the new lead unit)
 * 交办工作 (the unit to do it) and 临时会议 (the units called). Leading groups and offices are not offered: they hand work out.
 * A district's 临时会议 (联席会议) and 工作交办 also name its towns and streets, by their offices (条块联动): a meeting
 * only notifies them; work handed to a town is done by its office in the town's own organisation (WorkAssignmentProcess
 * calls itself there), as a meeting's decision for a town is. A town has no towns, so a town's forms offer its own units.
 * A collective (各居委会) is not offered, its member units are: each 居委会 does its own work. 重新派遣 offers no group that
 * shares the 督查考核 ({@code roles.assessors}), nor (for each task, {@code CaseRedispatchOptions}) the unit that returned the case.
 */
@Configuration
class UnitFormOptions {

    private static final Set<GroupType> WORKING = Set.of(GroupType.WORKING_GROUP, GroupType.UNIT, GroupType.COMMITTEE,
            GroupType.COMMUNITY, GroupType.VILLAGE, GroupType.PROPERTY);

    /** The groups sharing the 督查考核 (纪委监察) assess the units; they lead no case (jxreview-s58 J8). */
    @Bean
    FormSelectOptions redispatchUnitOptions(Organizations organizations) {
        return options(organizations, "forms/CaseRedispatch.form", "newLeadUnit", false,
                (own, o) -> !own.assesses(o.value()), organization -> Optional.empty());
    }

    @Bean
    FormSelectOptions workAssignmentUnitOptions(Organizations organizations) {
        return options(organizations, "forms/WorkAssignmentStart.form", "unitGroup", true);
    }

    /** Only a district's meeting lists its towns and streets: a town is not told of them (jxreview-s55 J15). */
    @Bean
    FormSelectOptions adHocMeetingUnitOptions(Organizations organizations) {
        return options(organizations, "forms/AdHocMeetingStart.form", "attendeeUnits", true, (own, o) -> true,
                organization -> Optional.of(organizations.within(organization).isEmpty() ? "可多选，列出的是本组织的各单位"
                        : "可多选，列出的是本组织的各单位和本区各街镇（通知该街镇的办公室）"));
    }

    private static FormSelectOptions options(Organizations organizations, String form, String field, boolean towns) {
        return options(organizations, form, field, towns, (own, o) -> true, organization -> Optional.empty());
    }

    /**
     * The organisation's working units (with its towns' and streets' offices when {@code towns}) that {@code offered}
     * keeps, and the field's description in the organisation ({@link FormSelectOptions#description}; empty keeps the form's).
     */
    private static FormSelectOptions options(Organizations organizations, String form, String field, boolean towns,
            BiPredicate<Organization, FormSelectOptions.Option> offered, Function<String, Optional<String>> description) {
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
                Organization own = organizations.of(organization);
                List<Option> units = own.groups().stream().filter(g -> WORKING.contains(g.type()) && !own.isCollective(g.id()))
                        .map(g -> new Option(g.name(), g.id())).toList();
                return (!towns ? units.stream() : Stream.concat(units.stream(), organizations.within(organization).stream()
                        .map(t -> new Option(t.name(), t.roles().office())))).filter(o -> offered.test(own, o)).toList();
            }

            @Override
            public Optional<String> description(String organization) {
                return description.apply(organization);
            }
        };
    }
}
