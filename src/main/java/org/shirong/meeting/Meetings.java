package org.shirong.meeting;

import org.shirong.system.ProcessDefinitions;
import static org.shirong.meeting.JointMeetingProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.scoring.UnitScores;
import org.shirong.system.SystemAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a campaign convenes a meeting (工作例会, 季度专项工作会议): starts one {@code JointMeetingProcess}
 * per campaign, cycle and meeting time. Convening the same meeting again (a retried job) returns the
 * meeting already started. Runs without the caller's authorizations, as it is called from a job.
 */
@Service
public class Meetings {

    private final ProcessDefinitions definitions;

    private final MeetingRecords records;
    private final RuntimeService runtimeService;
    private final SystemAccess systemAccess;
    private final UnitScores scores;
    private final Organizations organizations;

    Meetings(ProcessDefinitions definitions, MeetingRecords records, RuntimeService runtimeService, SystemAccess systemAccess,
            UnitScores scores, Organizations organizations) {
        this.scores = scores;
        this.organizations = organizations;
        this.definitions = definitions;
        this.records = records;
        this.runtimeService = runtimeService;
        this.systemAccess = systemAccess;
    }

    /** The meeting's key and process instance, and whether this call started it. */
    public record Convened(String meetingKey, String processInstanceId, boolean started) {
    }

    /** A meeting convened (its notice and agenda sent out {@code convenedAt}) and not yet held: of the cycle {@code cycleId}. */
    public record Upcoming(String cycleId, String meetingName, Instant meetingAt, Instant convenedAt) {
    }

    /** The campaign's meetings already convened that are still to be held after {@code after}, soonest first. */
    @Transactional(readOnly = true)
    public java.util.List<Upcoming> upcoming(String campaignCode, Instant after) {
        return records.upcoming(campaignCode, after);
    }

    /**
     * Starts the meeting unless it was convened already; {@code scorePeriod} may be null (the month before the meeting),
     * else it is refused as {@link UnitScores#periodProblem} names it (a wrong format, or a year out of range);
     * {@code place} (地点, may be null) is given in its notice and agenda; without one the organisation's own meeting place
     * ({@code meetings.place} of its organization.yaml) is, and without that the notice says 地点：另行通知.
     */
    @Transactional
    public Convened convene(String organization, String campaignCode, String campaignName, String cycleId, String meetingName,
            String organiserGroup, Instant meetingAt, String scorePeriod, String place) {
        return convene(organization, campaignCode, campaignName, cycleId, meetingName, organiserGroup, meetingAt, scorePeriod,
                place, null);
    }

    /**
     * As above; {@code unranked}, when not null, says why the meeting ranks and names no unit (its cycle's score-phases have
     * no day in the period: 锦溪's 办公室例会 of the 明确任务制定方案 months): its agenda gives that sentence in place of the
     * ranking and the units to 通报, and it issues no 通报 of its figures.
     */
    @Transactional
    public Convened convene(String organization, String campaignCode, String campaignName, String cycleId, String meetingName,
            String organiserGroup, Instant meetingAt, String scorePeriod, String place, String unranked) {
        require(campaignCode, "campaignCode");
        require(cycleId, "cycleId");
        require(meetingName, "meetingName");
        require(organiserGroup, "organiserGroup");
        if (meetingAt == null) {
            throw new IllegalArgumentException("会议时间 meetingAt 不能为空");
        }
        if (scorePeriod != null && !scorePeriod.isBlank()) {
            scores.periodProblem(scorePeriod).ifPresent(message -> {
                throw new IllegalArgumentException(message);
            });
        }
        MeetingFacts m = new MeetingFacts(campaignCode.strip(), campaignName == null ? campaignCode : campaignName.strip(),
                cycleId.strip(), meetingName.strip(), organiserGroup.strip(), meetingAt,
                scorePeriod == null ? "" : scorePeriod.strip(), organization, place == null || place.isBlank()
                        ? organizations.find(organization).map(Organization::meetingPlace).orElse("") : place.strip());
        String key = m.key();
        var existing = records.meetingInstance(key);
        if (existing.isPresent()) {
            return new Convened(key, existing.get(), false);
        }
        try {
            records.addMeeting(key, m, ClockUtil.getCurrentTime().toInstant());
        } catch (DuplicateKeyException convenedAtTheSameTime) {
            return new Convened(key, records.meetingInstance(key).orElse(""), false);
        }
        String instanceId = systemAccess.run(() -> runtimeService.createProcessInstanceById(definitions.latestId(KEY, organization))
                .businessKey(m.campaignCode()).setVariables(variables(m, unranked)).execute().getId());
        records.meetingStarted(key, instanceId);
        return new Convened(key, instanceId, true);
    }

    private static Map<String, Object> variables(MeetingFacts m, String unranked) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CAMPAIGN_CODE, m.campaignCode());
        variables.put(VAR_CAMPAIGN_NAME, m.campaignName());
        variables.put(VAR_CYCLE_ID, m.cycleId());
        variables.put(VAR_MEETING_NAME, m.meetingName());
        variables.put(VAR_ORGANISER_GROUP, m.organiserGroup());
        variables.put(VAR_MEETING_AT, Date.from(m.meetingAt()));
        variables.put(VAR_SCORE_PERIOD, m.scorePeriod());
        variables.put(VAR_PLACE, m.place());
        if (unranked != null) {
            variables.put(VAR_UNRANKED, unranked);
        }
        return variables;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("召开会议需要 " + name);
        }
    }
}
