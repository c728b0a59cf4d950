package org.shirong.organization;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/organization}: the units with their duties, the Chinese names of the groups' types, and who the caller is. */
@RestController
@RequestMapping("/api")
class OrganizationController {

    private final OrganizationRecords records;
    private final IdentityService identityService;
    private final CallerOrganization callerOrganization;

    OrganizationController(OrganizationRecords records, IdentityService identityService, CallerOrganization callerOrganization) {
        this.records = records;
        this.identityService = identityService;
        this.callerOrganization = callerOrganization;
    }

    /**
     * The units of the organisations the caller may read (their own; a district's office also its towns'), as the group
     * queries answer staff: another town's units, their duties and who heads them are not the caller's to see.
     */
    @GetMapping("/organization/units")
    List<UnitView> units() {
        return records.units(callerOrganization.readable(identityService.getCurrentAuthentication())).stream()
                .map(u -> new UnitView(u.id(), u.name(), u.type(), u.type().label(), u.duties(), u.parent(), u.heads()))
                .toList();
    }

    /**
     * The type codes a group may have with their Chinese names (LEADING_GROUP: 领导小组), the organisations' and the
     * administrators' group's: Admin's 组 pages show a group's type by name (shirong/group-types.js).
     */
    @GetMapping("/organization/group-types")
    List<GroupTypeName> groupTypes() {
        return Stream.concat(Arrays.stream(GroupType.values()).map(type -> new GroupTypeName(type.name(), type.label())),
                Stream.of(new GroupTypeName(AdminAccount.GROUP_TYPE, AdminAccount.GROUP_TYPE_NAME))).toList();
    }

    @GetMapping("/me")
    Me me() {
        Authentication authentication = identityService.getCurrentAuthentication();
        User user = identityService.createUserQuery().userId(authentication.getUserId()).singleResult();
        return new Me(authentication.getUserId(), user == null ? null : user.getFirstName(),
                authentication.getGroupIds());
    }

    record UnitView(String id, String name, GroupType type, String typeName, String duties, String parent,
            List<String> heads) {
    }

    record GroupTypeName(String type, String name) {
    }

    record Me(String id, String name, List<String> groups) {
    }
}
