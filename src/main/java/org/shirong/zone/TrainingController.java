package org.shirong.zone;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.organization.CallerOrganization;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Responsibility-zone training ({@link Trainings}): {@code POST /api/zones/trainings} records a session (the office and
 * the leading group), {@code GET /api/zones/trainings?year=} lists a year's sessions and
 * {@code GET /api/zones/trainings/coverage?year=} the coverage per category (the organisation's staff); the year defaults
 * to the current one. Attendees' phones are read as holders' are ({@link ZoneAccess#readsPhone}), else masked.
 */
@RestController
@RequestMapping("/api/zones/trainings")
class TrainingController {

    private final Trainings trainings;
    private final CallerOrganization callerOrganization;
    private final IdentityService identityService;
    private final WorkingCalendar calendar;
    private final ZoneAccess access;

    TrainingController(Trainings trainings, CallerOrganization callerOrganization, IdentityService identityService,
            WorkingCalendar calendar, ZoneAccess access) {
        this.access = access;
        this.trainings = trainings;
        this.callerOrganization = callerOrganization;
        this.identityService = identityService;
        this.calendar = calendar;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Long>> record(@RequestBody Trainings.NewTraining training,
            @RequestParam(required = false) String organization) {
        Authentication caller = identityService.getCurrentAuthentication();
        String own = callerOrganization.forWork(caller, organization);
        access.requireZones(own);
        callerOrganization.requireOfficeOrLeading(caller, own, "登记责任区培训");
        long id = trainings.record(own, training, caller.getUserId());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping
    List<Trainings.Session> list(@RequestParam(required = false) String year, @RequestParam(required = false) String organization) {
        String own = callerOrganization.forReading(identityService.getCurrentAuthentication(), organization);
        access.requireZones(own);
        boolean readsAll = access.readsPhones(own);
        return trainings.ofYear(own, year(year), ownerGroup -> readsAll || access.inGroup(ownerGroup));
    }

    @GetMapping("/coverage")
    List<Trainings.Coverage> coverage(@RequestParam(required = false) String year,
            @RequestParam(required = false) String organization) {
        String own = callerOrganization.forReading(identityService.getCurrentAuthentication(), organization);
        access.requireZones(own);
        return trainings.coverage(own, year(year));
    }

    private int year(String year) {
        if (year == null || year.isBlank()) {
            return ZoneFiles.now().atZone(calendar.zone()).getYear();
        }
        if (!year.strip().matches("\\d{4}")) {
            throw new InvalidRequestException(ApiError.field("year", "INVALID_YEAR", "年度 \"" + year + "\" 无效，请写四位年份（如 2026）"));
        }
        return Integer.parseInt(year.strip());
    }
}
