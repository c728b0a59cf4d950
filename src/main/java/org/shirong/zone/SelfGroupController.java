package org.shirong.zone;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.organization.CallerOrganization;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/zones/self-groups}: the organisation's 自律组织, read by its staff, recorded by its office. */
@RestController
class SelfGroupController {

    private final SelfGroups selfGroups;
    private final ZoneAccess access;
    private final CallerOrganization callerOrganization;
    private final IdentityService identityService;

    SelfGroupController(SelfGroups selfGroups, ZoneAccess access, CallerOrganization callerOrganization,
            IdentityService identityService) {
        this.selfGroups = selfGroups;
        this.access = access;
        this.callerOrganization = callerOrganization;
        this.identityService = identityService;
    }

    /**
     * The leader's phone is personal data as a zone holder's is (a leader is often one): in full for those who read every
     * holder's phone ({@link ZoneAccess#readsPhones}), masked for other staff and the overseeing district (secreview-s57 S1).
     */
    @GetMapping("/api/zones/self-groups")
    List<SelfGroups.SelfGroup> all(@RequestParam(required = false) String organization) {
        String tenant = callerOrganization.forReading(identityService.getCurrentAuthentication(), organization);
        access.staffOf(tenant);
        List<SelfGroups.SelfGroup> groups = selfGroups.all(tenant);
        if (access.readsPhones(tenant)) {
            return groups;
        }
        return groups.stream().map(g -> new SelfGroups.SelfGroup(g.id(), g.name(), g.scope(), g.scopeName(), g.place(), g.leader(),
                ZoneView.maskedPhone(g.phone()), g.foundedOn(), g.charter(), g.members())).toList();
    }

    @PostMapping(value = "/api/zones/self-groups", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody SelfGroups.NewSelfGroup group,
            @RequestParam(required = false) String organization) {
        String tenant = callerOrganization.forWork(identityService.getCurrentAuthentication(), organization);
        access.requireOffice(tenant);
        long id = selfGroups.create(tenant, group, access.caller());
        return ResponseEntity.created(URI.create("/api/zones/self-groups")).body(Map.of("id", id));
    }
}
