package org.shirong.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.campaign.CampaignRecords.TaskRow;
import org.shirong.organization.OrganizationRecords;
import org.springframework.stereotype.Service;

/**
 * The end of a phase and of the campaign on record: which of the phase's tasks are still open (they
 * carry on into the next phase and are listed to the leading group), and the campaign marked ended.
 */
@Service
class PhaseEnds {

    /** The phase's open tasks at its end, as a count and as lines for the notification. */
    record OpenWork(int count, String list) {
    }

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CampaignRecords records;
    private final OrganizationRecords organization;
    private final WorkingCalendars calendars;

    PhaseEnds(CampaignRecords records, OrganizationRecords organization, WorkingCalendars calendars) {
        this.records = records;
        this.organization = organization;
        this.calendars = calendars;
    }

    OpenWork phaseEnded(String code, int phaseNo) {
        List<TaskRow> open = records.openPhaseTasks(code, phaseNo);
        records.endPhase(code, phaseNo, now(), open.size());
        Map<String, String> names = organization.unitNames();
        ZoneId zone = calendars.of(records.find(code).map(CampaignRecords.Campaign::tenantId).orElse(null)).zone();
        String list = open.stream().map(t -> "· %s —— 承办：%s，期限 %s".formatted(t.name(), names.getOrDefault(t.groupId(), t.groupId()),
                t.dueAt() == null ? "阶段结束" : DUE.format(t.dueAt().atZone(zone)))).collect(Collectors.joining("\n"));
        return new OpenWork(open.size(), list);
    }

    void campaignEnded(String code) {
        records.end(code, now());
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
