package org.shirong.zone;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.shirong.organization.GroupType;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responsibility-zone training sessions and their attendees ({@code training_session}, {@code training_attendee}), and
 * the coverage per category and year. A session is checked whole and saved in one transaction; every attendee who
 * names a zone gets a TRAINED step in that zone's file.
 */
@Service
class Trainings {

    /** A sanity bound on one request: every attendee is checked against the register in one transaction. */
    static final int MAX_ATTENDEES = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Trainings.class);

    record NewAttendee(String category, String name, String organisation, String zoneNo, String phone) {
    }

    record NewTraining(String heldOn, String title, String location, String trainer, List<NewAttendee> attendees) {
    }

    record Attendee(AttendeeCategory category, String categoryName, String name, String organisation, String zoneNo,
            String holderName, String phone) {
    }

    record Session(long id, LocalDate heldOn, String title, String location, String trainer, List<Attendee> attendees) {
    }

    /** {@code covered} of {@code target} zones (or 居委会) of the category had an attendee in the year; rate null without any. */
    record Coverage(AttendeeCategory category, String categoryName, int covered, int target, BigDecimal rate) {
    }

    /** An attendee as checked: the zone they stand for and, for a 居委会 attendee, the COMMITTEE group. */
    private record Checked(NewAttendee input, AttendeeCategory category, Zone zone, String committee) {
    }

    private final JdbcTemplate jdbc;
    private final ZoneRecords zones;
    private final ZoneFiles files;
    private final Organizations organizations;

    Trainings(JdbcTemplate jdbc, ZoneRecords zones, ZoneFiles files, Organizations organizations) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.files = files;
        this.organizations = organizations;
    }

    /** Saves the session and its attendees, or refuses the whole of it naming every mistake. */
    @Transactional
    long record(String organization, NewTraining training, String actor) {
        List<ApiError> errors = new ArrayList<>();
        LocalDate heldOn = heldOn(training.heldOn(), errors);
        text(errors, "title", "培训主题", training.title(), 200, true);
        text(errors, "location", "培训地点", training.location(), 200, false);
        text(errors, "trainer", "授课人", training.trainer(), 100, false);
        List<Checked> attendees = new ArrayList<>();
        if (training.attendees() == null || training.attendees().isEmpty()) {
            errors.add(ApiError.field("attendees", "REQUIRED", "请至少填写一位参训人员"));
        } else if (training.attendees().size() > MAX_ATTENDEES) {
            errors.add(ApiError.field("attendees", "TOO_MANY", "一次培训最多登记 " + MAX_ATTENDEES + " 位参训人员（本次 "
                    + training.attendees().size() + " 位），请分场次登记"));
        } else {
            Map<String, String> committees = committees(organization);
            for (int i = 0; i < training.attendees().size(); i++) {
                attendee(organization, i, training.attendees().get(i), committees, errors).ifPresent(attendees::add);
            }
        }
        if (!errors.isEmpty()) {
            LOG.info("{} 登记的培训未保存：{}", actor, errors.get(0).message());
            throw new InvalidRequestException(errors);
        }
        long id = insertSession(organization, heldOn, training, actor);
        for (Checked a : attendees) {
            jdbc.update("insert into training_attendee (session_id, category, name, organisation, zone_id, owner_group, phone)"
                            + " values (?,?,?,?,?,?,?)", id, a.category().name(), a.input().name().strip(),
                    stripped(a.input().organisation()), a.zone() == null ? null : a.zone().id(), a.committee(),
                    stripped(a.input().phone()));
            if (a.zone() != null) {
                files.record(a.zone().id(), ZoneEventKind.TRAINED, actor, "参加培训“%s”（%s%s）：%s %s".formatted(
                        training.title().strip(), heldOn, blank(training.location()) ? "" : "，" + training.location().strip(),
                        a.category().label(), a.input().name().strip()), "training-" + id, null);
            }
        }
        LOG.info("{} 登记了培训 {}（{}，{} 位参训人员）", actor, id, heldOn, attendees.size());
        return id;
    }

    private long insertSession(String organization, LocalDate heldOn, NewTraining t, String actor) {
        var key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement insert = c.prepareStatement("insert into training_session (tenant_id, held_on, title, location,"
                    + " trainer, created_by, created_at) values (?,?,?,?,?,?,?)", new String[] {"id"});
            insert.setString(1, organization);
            insert.setDate(2, Date.valueOf(heldOn));
            insert.setString(3, t.title().strip());
            insert.setString(4, stripped(t.location()));
            insert.setString(5, stripped(t.trainer()));
            insert.setString(6, actor);
            insert.setTimestamp(7, Timestamp.from(ZoneFiles.now()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    private Optional<Checked> attendee(String organization, int index, NewAttendee a, Map<String, String> committees,
            List<ApiError> errors) {
        String at = "第 " + (index + 1) + " 位参训人员：";
        String field = "attendees[" + index + "]";
        if (a == null) {
            errors.add(ApiError.field(field, "REQUIRED", at + "空条目"));
            return Optional.empty();
        }
        int before = errors.size();
        Optional<AttendeeCategory> category = AttendeeCategory.parse(a.category());
        if (category.isEmpty()) {
            errors.add(ApiError.field(field + ".category", "UNKNOWN_CATEGORY", at + (blank(a.category()) ? "请填写类别"
                    : "没有类别“" + a.category().strip() + "”") + "（可选：" + AttendeeCategory.labels() + "）"));
        }
        text(errors, field + ".name", at + "姓名", a.name(), 100, true);
        text(errors, field + ".organisation", at + "单位", a.organisation(), 200, false);
        text(errors, field + ".phone", at + "联系电话", a.phone(), 32, false);
        Zone zone = null;
        if (!blank(a.zoneNo())) {
            zone = zones.findByNo(organization, a.zoneNo().strip()).orElse(null);
            if (zone == null) {
                errors.add(ApiError.field(field + ".zoneNo", "UNKNOWN_ZONE", at + "没有责任区编号“" + a.zoneNo().strip() + "”"));
            }
        }
        String committee = null;
        if (category.orElse(null) == AttendeeCategory.RESIDENTS_COMMITTEE) {
            committee = committee(a.organisation(), committees);
            if (committee == null) {
                errors.add(ApiError.field(field + ".organisation", "UNKNOWN_COMMITTEE", at + (blank(a.organisation())
                        ? "请填写所在居委会" : "没有居委会“" + a.organisation().strip() + "”") + "（可选："
                        + String.join("、", committees.values()) + "）"));
            }
        }
        return errors.size() > before ? Optional.empty() : Optional.of(new Checked(a, category.get(), zone, committee));
    }

    /** The organisation's COMMITTEE groups (居委会), id to name, in its file's order. */
    private Map<String, String> committees(String organization) {
        return organizations.of(organization).groups().stream().filter(g -> g.type() == GroupType.COMMITTEE)
                .collect(Collectors.toMap(Organization.GroupDefinition::id, Organization.GroupDefinition::name, (x, y) -> x,
                        LinkedHashMap::new));
    }

    /** The committee named by its id or its name. */
    private static String committee(String text, Map<String, String> committees) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip();
        return committees.entrySet().stream().filter(e -> e.getKey().equals(t) || e.getValue().equals(t))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static LocalDate heldOn(String text, List<ApiError> errors) {
        if (blank(text)) {
            errors.add(ApiError.field("heldOn", "REQUIRED", "请填写培训日期（如 2026-05-12）"));
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.getYear() < 2000 || day.isAfter(LocalDate.now().plusYears(1))) {
                errors.add(ApiError.field("heldOn", "DATE_OUT_OF_RANGE", "培训日期“" + day + "”不合理（应在 2000 年以后、一年之内）"));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(ApiError.field("heldOn", "INVALID_DATE", "培训日期“" + text.strip() + "”无效，请写成 2026-05-12"));
            return null;
        }
    }

    private static void text(List<ApiError> errors, String field, String label, String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                errors.add(ApiError.field(field, "REQUIRED", label + "：必须填写"));
            }
            return;
        }
        Optional<String> problem = TextInput.problem(label, value, false);
        if (problem.isPresent()) {
            errors.add(ApiError.field(field, "INVALID_TEXT", problem.get()));
        } else if (value.strip().length() > max) {
            errors.add(ApiError.field(field, "TOO_LONG", label + "：不能超过 " + max + " 个字"));
        }
    }

    /**
     * The sessions held in the year, latest first, with their attendees in the order entered; an attendee's phone masked
     * unless {@code readsPhoneOf} accepts the attendee's owner group (the owner unit of the zone they stand for, or their
     * 居委会; null for neither).
     */
    List<Session> ofYear(String organization, int year, java.util.function.Predicate<String> readsPhoneOf) {
        Map<Long, List<Attendee>> attendees = new LinkedHashMap<>();
        jdbc.query("select a.session_id, a.category, a.name, a.organisation, a.phone, coalesce(z.owner_group, a.owner_group) as owner_group, z.zone_no, z.holder_name"
                        + " from training_attendee a join training_session s on s.id = a.session_id"
                        + " left join zone z on z.id = a.zone_id"
                        + " where s.tenant_id = ? and s.held_on >= ? and s.held_on < ? order by a.id",
                rs -> {
                    AttendeeCategory category = AttendeeCategory.valueOf(rs.getString("category"));
                    attendees.computeIfAbsent(rs.getLong("session_id"), k -> new ArrayList<>()).add(new Attendee(category,
                            category.label(), rs.getString("name"), rs.getString("organisation"), rs.getString("zone_no"),
                            rs.getString("holder_name"), readsPhoneOf.test(rs.getString("owner_group")) ? rs.getString("phone")
                                    : ZoneView.maskedPhone(rs.getString("phone"))));
                }, organization, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1)));
        return jdbc.query("select id, held_on, title, location, trainer from training_session"
                        + " where tenant_id = ? and held_on >= ? and held_on < ? order by held_on desc, id desc",
                (rs, n) -> new Session(rs.getLong("id"), rs.getDate("held_on").toLocalDate(), rs.getString("title"),
                        rs.getString("location"), rs.getString("trainer"), attendees.getOrDefault(rs.getLong("id"), List.of())),
                organization, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1)));
    }

    /** One attendance of a zone's person at a session. */
    record Attendance(long sessionId, LocalDate heldOn, String title, String location, String trainer, String categoryName,
            String name) {
    }

    /** The sessions the zone's people attended, latest first. */
    List<Attendance> ofZone(long zoneId) {
        return jdbc.query("select s.id, s.held_on, s.title, s.location, s.trainer, a.category, a.name from training_attendee a"
                        + " join training_session s on s.id = a.session_id where a.zone_id = ? order by s.held_on desc, a.id",
                (rs, n) -> new Attendance(rs.getLong("id"), rs.getDate("held_on").toLocalDate(), rs.getString("title"),
                        rs.getString("location"), rs.getString("trainer"),
                        AttendeeCategory.valueOf(rs.getString("category")).label(), rs.getString("name")), zoneId);
    }

    /**
     * Per category: the active zones of its type registered by the end of the year with an attendee of the category
     * trained in the year ÷ those zones; 居委会: the COMMITTEE groups with an attendee ÷ the COMMITTEE groups.
     */
    List<Coverage> coverage(String organization, int year) {
        Date from = Date.valueOf(LocalDate.of(year, 1, 1));
        Date until = Date.valueOf(LocalDate.of(year + 1, 1, 1));
        // written and read through the JVM's zone, which is the town's (shirong.time-zone)
        Timestamp yearEnd = Timestamp.valueOf(LocalDate.of(year + 1, 1, 1).atStartOfDay());
        List<Coverage> coverage = new ArrayList<>();
        for (AttendeeCategory category : AttendeeCategory.values()) {
            int covered;
            int target;
            if (category.zoneType() == null) {
                Set<String> committees = committees(organization).keySet();
                target = committees.size();
                covered = (int) jdbc.queryForList("select distinct a.owner_group from training_attendee a"
                                + " join training_session s on s.id = a.session_id where s.tenant_id = ? and a.category = ?"
                                + " and s.held_on >= ? and s.held_on < ?", String.class, organization, category.name(), from, until)
                        .stream().filter(committees::contains).count();
            } else {
                target = count("select count(*) from zone where tenant_id = ? and status = 'ACTIVE' and holder_type = ?"
                        + " and created_at < ?", organization, category.zoneType().name(), yearEnd);
                covered = count("select count(distinct z.id) from training_attendee a"
                        + " join training_session s on s.id = a.session_id join zone z on z.id = a.zone_id"
                        + " where s.tenant_id = ? and a.category = ? and z.status = 'ACTIVE' and z.holder_type = ?"
                        + " and z.created_at < ? and s.held_on >= ? and s.held_on < ?", organization, category.name(),
                        category.zoneType().name(), yearEnd, from, until);
            }
            coverage.add(new Coverage(category, category.label(), covered, target, target == 0 ? null
                    : BigDecimal.valueOf(covered * 100L).divide(BigDecimal.valueOf(target), 2, RoundingMode.HALF_UP)));
        }
        return coverage;
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static boolean blank(String s) {
        return TextInput.isBlank(s);
    }

    private static String stripped(String s) {
        return blank(s) ? null : s.strip();
    }
}
