package org.shirong.zone;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.ApiError;
import org.shirong.system.ChineseDates;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.ProcessDefinitions;
import org.shirong.system.SystemAccess;
import org.shirong.system.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 《责任告知书》 of the zones ({@code zone_notice}, one per zone and edition): issued by the office, which starts a
 * {@code ZoneNoticeProcess} per zone, then delivered (签收照片) and posted (上墙照片) by the zone's owner group. Every step
 * goes into the zone's file ({@link ZoneFiles}) and the zone's latest notice status ({@link ZoneRecords#markNotice}).
 * The file API shows the latest edition's notice under {@code notice}.
 */
@Service
class ZoneNotices implements ZoneFileSection {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneNotices.class);
    private static final String COLUMNS = "id, tenant_id, zone_id, edition, owner_group, process_instance_id, issued_at,"
            + " issued_by, delivered_at, delivered_by, delivered_to, signature_photo_id, posted_at, posted_by,"
            + " posted_photo_id, status";
    static final int FIRST_EDITION = 2000;
    static final int LAST_EDITION = 2999;

    enum Status {
        ISSUED("已印发"), DELIVERED("已送达"), POSTED("已上墙");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** One zone's notice of one edition as {@code zone_notice} holds it. */
    record Notice(long id, String tenantId, long zoneId, int edition, String ownerGroup, String processInstanceId,
            Instant issuedAt, String issuedBy, Instant deliveredAt, String deliveredBy, String deliveredTo,
            Long signaturePhotoId, Instant postedAt, String postedBy, Long postedPhotoId, Status status) {
    }

    /** {@code POST /api/zones/notices}: the edition, and which zones (all active ones when nothing else is named). */
    record StartRequest(Integer edition, String ownerGroup, String community, List<String> zoneNos) {
    }

    /** How many notices were issued, and how many selected zones were skipped (already have that edition, or closed). */
    record Started(int started, int skipped) {
    }

    /** One page of the printed notice: what {@code zones/responsibility-notice.ftlh} shows of a zone. */
    record Sheet(String zoneNo, String holderName, String holderTypeName, String address, String community, String person,
            String phone, String extent, String duties, boolean residential, String ownerGroupName) {
    }

    private final JdbcTemplate jdbc;
    private final ZoneRecords zones;
    private final ZoneFiles files;
    private final Organizations organizations;
    private final RuntimeService runtimeService;
    private final ProcessDefinitions definitions;
    private final SystemAccess systemAccess;
    private final ZoneSettings settings;
    private final WorkingCalendars calendars;

    ZoneNotices(JdbcTemplate jdbc, ZoneRecords zones, ZoneFiles files, Organizations organizations,
            RuntimeService runtimeService, ProcessDefinitions definitions, SystemAccess systemAccess, ZoneSettings settings,
            WorkingCalendars calendars) {
        this.settings = settings;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.zones = zones;
        this.files = files;
        this.organizations = organizations;
        this.runtimeService = runtimeService;
        this.definitions = definitions;
        this.systemAccess = systemAccess;
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /**
     * Issues the edition's notice to every active zone of the organisation that the request selects and that has none of
     * that edition yet: a {@code zone_notice} row, a NOTICE_ISSUED entry in its file and a {@code ZoneNoticeProcess}
     * whose 送达 task waits for the zone's owner group. All or nothing: one transaction.
     */
    @Transactional
    Started start(String organization, StartRequest request, String actor) {
        Organization org = organizations.of(organization);
        int edition = checkedEdition(request.edition());
        List<ApiError> errors = new ArrayList<>();
        String ownerGroup = ZoneRegister.selector("ownerGroup", request.ownerGroup());
        String community = ZoneRegister.selector("community", request.community());
        if (request.zoneNos() != null) {
            request.zoneNos().forEach(n -> ZoneRegister.selector("zoneNos", n));
        }
        if (ownerGroup != null && !org.hasGroup(ownerGroup)) {
            errors.add(ApiError.field("ownerGroup", "UNKNOWN_GROUP", "本组织没有负责单位“" + ownerGroup + "”"));
        }
        Set<String> named = request.zoneNos() == null ? Set.of() : request.zoneNos().stream().filter(n -> !TextInput.isBlank(n))
                .map(Zone::normalNo).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!named.isEmpty()) {
            List<String> known = zones.existingNos(organization, List.copyOf(named));
            List<String> unknown = named.stream().filter(n -> !known.contains(n)).toList();
            if (!unknown.isEmpty()) {
                errors.add(ApiError.field("zoneNos", "UNKNOWN_ZONE", "没有登记责任区编号 " + String.join("、", unknown.stream().limit(10).toList())
                        + (unknown.size() > 10 ? " 等 " + unknown.size() + " 个" : "")));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<Zone> selected = zones.active(organization).stream()
                .filter(z -> ownerGroup == null || ownerGroup.equals(z.ownerGroup()))
                .filter(z -> community == null || community.equals(z.community()))
                .filter(z -> named.isEmpty() || named.contains(Zone.normalNo(z.zoneNo()))).toList();
        int closed = named.isEmpty() ? 0 : named.size() - selected.size();
        if (selected.isEmpty() && closed == 0) {
            throw new InvalidRequestException(ApiError.field(null, "NO_ZONES", "没有符合条件的在册责任区"
                    + (ownerGroup == null ? "" : "（负责单位 " + org.group(ownerGroup).map(Organization.GroupDefinition::name).orElse(ownerGroup) + "）")
                    + (community == null ? "" : "（" + community + "）") + "，未印发告知书"));
        }
        Set<Long> issued = new java.util.HashSet<>(jdbc.queryForList(
                "select zone_id from zone_notice where tenant_id = ? and edition = ?", Long.class, organization, edition));
        String definition = systemAccess.run(() -> definitions.latestId(ZoneNoticeProcess.KEY, organization));
        int started = 0;
        for (Zone zone : selected) {
            if (issued.contains(zone.id())) {
                continue;
            }
            issue(org, zone, edition, definition, actor);
            started++;
        }
        int skipped = selected.size() - started + closed;
        LOG.info("{} issued the {} 责任告知书 of {} to {} zones ({} skipped)", actor, edition, organization, started, skipped);
        return new Started(started, skipped);
    }

    private static int checkedEdition(Integer edition) {
        if (edition == null) {
            throw new InvalidRequestException(ApiError.field("edition", "REQUIRED", "请填写告知书版次（年度，如 2026）"));
        }
        if (edition < FIRST_EDITION || edition > LAST_EDITION) {
            throw new InvalidRequestException(ApiError.field("edition", "INVALID_VALUE",
                    "告知书版次 " + edition + " 无效：应为年度，如 2026"));
        }
        return edition;
    }

    private void issue(Organization org, Zone zone, int edition, String definition, String actor) {
        Instant now = now();
        String group = zone.ownerGroup();
        if (group == null || !org.hasGroup(group)) {
            // The import checks the group; this catches one removed from organization.yaml since, so the notice is not stranded.
            LOG.warn("责任区 {}：负责单位 {} 不是组织 {} 的组，告知书交办公室送达", zone.zoneNo(), group, org.id());
            group = org.roles().office();
        }
        jdbc.update("insert into zone_notice (tenant_id, zone_id, edition, owner_group, issued_at, issued_by, status)"
                + " values (?,?,?,?,?,?,?)", org.id(), zone.id(), edition, group, ZoneRecords.ts(now), actor, Status.ISSUED.name());
        long noticeId = jdbc.queryForObject("select id from zone_notice where zone_id = ? and edition = ?", Long.class,
                zone.id(), edition);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ZoneNoticeProcess.VAR_NOTICE_ID, noticeId);
        variables.put(ZoneNoticeProcess.VAR_OWNER_GROUP, group);
        variables.put(ZoneNoticeProcess.VAR_ZONE_NO, zone.zoneNo());
        variables.put(ZoneNoticeProcess.VAR_HOLDER_NAME, zone.holderName());
        variables.put(ZoneNoticeProcess.VAR_ADDRESS, zone.address());
        variables.put(ZoneNoticeProcess.VAR_EDITION, edition);
        Deadlines due = deadlines(org.id(), now);
        variables.put(ZoneNoticeProcess.VAR_DELIVERY_DUE, Date.from(due.delivery()));
        variables.put(ZoneNoticeProcess.VAR_POSTING_DUE, Date.from(due.posting()));
        String instanceId = systemAccess.run(() -> runtimeService.createProcessInstanceById(definition)
                .businessKey(ZoneNoticeProcess.businessKey(zone.zoneNo(), edition)).setVariables(variables).execute().getId());
        jdbc.update("update zone_notice set process_instance_id = ? where id = ?", instanceId, noticeId);
        files.record(zone.id(), ZoneEventKind.NOTICE_ISSUED, actor,
                edition + " 年版责任告知书，由" + org.group(group).map(Organization.GroupDefinition::name).orElse(group) + "送达",
                String.valueOf(edition), null);
        markZone(zone, edition, Status.ISSUED, now);
    }

    /** When a notice's 送达 and 上墙 are due. */
    record Deadlines(Instant delivery, Instant posting) {
    }

    /**
     * When a notice issued at {@code issuedAt} is to be delivered and posted ({@code notice.delivery-limit} and
     * {@code posting-limit} of zones.yaml, both from the issue, on the organisation's working calendar): the tasks' due
     * dates, and from when the notice counts in the unit's 送达率 and 上墙率 ({@link ZoneRates#noticeRates}).
     */
    Deadlines deadlines(String organization, Instant issuedAt) {
        return deadlines(settings, calendars, organization, issuedAt);
    }

    static Deadlines deadlines(ZoneSettings settings, WorkingCalendars calendars, String organization, Instant issuedAt) {
        ZoneSettings.NoticeLimits limits = settings.enabled(organization) ? settings.of(organization).notice()
                : ZoneSettings.NoticeLimits.DEFAULT;
        var calendar = calendars.of(organization);
        return new Deadlines(calendar.due(issuedAt, limits.delivery()), calendar.due(issuedAt, limits.posting()));
    }

    /** Keeps the zone's shown notice status on its latest edition: a late step of an older edition does not overwrite it. */
    private void markZone(Zone zone, int edition, Status status, Instant at) {
        if (zone.noticeEdition() == null || zone.noticeEdition() <= edition) {
            zones.markNotice(zone.id(), edition, status.name(), at);
        }
    }

    /** 送达: who signed for the notice and the photo of it; the photo goes into the zone's file. */
    void delivered(long noticeId, String deliveredTo, String note, ZonePhoto signature, String actor) {
        Notice notice = find(noticeId).orElseThrow(() -> new IllegalStateException("没有告知书记录 " + noticeId));
        Zone zone = zones.find(notice.zoneId()).orElseThrow();
        Instant now = now();
        long photoId = files.addPhoto(zone.id(), ZonePhotoKind.SIGNATURE, signature, actor);
        jdbc.update("update zone_notice set delivered_at = ?, delivered_by = ?, delivered_to = ?, signature_photo_id = ?,"
                + " status = ? where id = ?", ZoneRecords.ts(now), actor, deliveredTo, photoId, Status.DELIVERED.name(), noticeId);
        files.record(zone.id(), ZoneEventKind.NOTICE_DELIVERED, actor,
                notice.edition() + " 年版，签收人：" + deliveredTo + (TextInput.isBlank(note) ? "" : "；" + note.strip()),
                String.valueOf(notice.edition()), photoId);
        markZone(zone, notice.edition(), Status.DELIVERED, now);
    }

    /** 上墙: the photo of the posted notice goes into the zone's file. */
    void posted(long noticeId, String note, ZonePhoto posted, String actor) {
        Notice notice = find(noticeId).orElseThrow(() -> new IllegalStateException("没有告知书记录 " + noticeId));
        Zone zone = zones.find(notice.zoneId()).orElseThrow();
        Instant now = now();
        long photoId = files.addPhoto(zone.id(), ZonePhotoKind.POSTED, posted, actor);
        jdbc.update("update zone_notice set posted_at = ?, posted_by = ?, posted_photo_id = ?, status = ? where id = ?",
                ZoneRecords.ts(now), actor, photoId, Status.POSTED.name(), noticeId);
        files.record(zone.id(), ZoneEventKind.NOTICE_POSTED, actor,
                notice.edition() + " 年版" + (TextInput.isBlank(note) ? "" : "，" + note.strip()), String.valueOf(notice.edition()),
                photoId);
        markZone(zone, notice.edition(), Status.POSTED, now);
    }

    Optional<Notice> find(long noticeId) {
        return jdbc.query("select " + COLUMNS + " from zone_notice where id = ?", ZoneNotices::map, noticeId).stream().findFirst();
    }

    Optional<Notice> of(long zoneId, int edition) {
        return jdbc.query("select " + COLUMNS + " from zone_notice where zone_id = ? and edition = ?", ZoneNotices::map,
                zoneId, edition).stream().findFirst();
    }

    /** The zone's notice of its latest edition, if it was ever issued one. */
    Optional<Notice> latest(long zoneId) {
        return jdbc.query("select " + COLUMNS + " from zone_notice where zone_id = ? order by edition desc",
                ZoneNotices::map, zoneId).stream().findFirst();
    }

    private static Notice map(ResultSet rs, int row) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("tenant_id"), rs.getLong("zone_id"), rs.getInt("edition"),
                rs.getString("owner_group"), rs.getString("process_instance_id"), ZoneRecords.instant(rs, "issued_at"),
                rs.getString("issued_by"), ZoneRecords.instant(rs, "delivered_at"), rs.getString("delivered_by"),
                rs.getString("delivered_to"), rs.getObject("signature_photo_id", Long.class),
                ZoneRecords.instant(rs, "posted_at"), rs.getString("posted_by"), rs.getObject("posted_photo_id", Long.class),
                Status.valueOf(rs.getString("status")));
    }

    /** The latest notice in the zone's file: its steps, with who did them by name and links to its two photos. */
    record NoticeView(int edition, String status, String statusName, String ownerGroup, String ownerGroupName,
            Instant issuedAt, String issuedByName, Instant deliveredAt, String deliveredByName, String deliveredTo,
            String signaturePhotoUrl, Instant postedAt, String postedByName, String postedPhotoUrl, String pdfUrl) {
    }

    @Override
    public String key() {
        return "notice";
    }

    @Override
    public Object of(Zone zone) {
        return latest(zone.id()).map(n -> new NoticeView(n.edition(), n.status().name(), n.status().label(), n.ownerGroup(),
                organizations.of(n.tenantId()).group(n.ownerGroup()).map(Organization.GroupDefinition::name).orElse(n.ownerGroup()),
                n.issuedAt(), person(n.issuedBy()), n.deliveredAt(), person(n.deliveredBy()), n.deliveredTo(),
                photoUrl(zone, n.signaturePhotoId()), n.postedAt(), person(n.postedBy()), photoUrl(zone, n.postedPhotoId()),
                "/api/zones/" + zone.id() + "/notice.pdf?edition=" + n.edition())).orElse(null);
    }

    private String person(String userId) {
        return userId == null ? null : organizations.personName(userId);
    }

    private static String photoUrl(Zone zone, Long photoId) {
        return photoId == null ? null : "/api/zones/" + zone.id() + "/photos/" + photoId;
    }

    /** What the printed notice shows of the zone; its duties only where they differ from those of its type. */
    Sheet sheet(Zone zone) {
        Organization org = organizations.of(zone.tenantId());
        String duties = TextInput.isBlank(zone.duties()) || zone.duties().strip().equals(zone.holderType().defaultDuties())
                ? null : zone.duties().strip();
        return new Sheet(zone.zoneNo(), zone.holderName(), zone.holderType().label(), zone.address(), zone.community(),
                zone.person(), zone.phone(), TextInput.isBlank(zone.extent()) ? null : zone.extent(), duties,
                zone.holderType() == ZoneType.RESIDENTIAL,
                org.group(zone.ownerGroup()).map(Organization.GroupDefinition::name).orElse(zone.ownerGroup()));
    }

    /**
     * The print model of {@code zones/responsibility-notice}; each page's {@link Sheet} as a map, as FreeMarker reads only
     * public classes' accessors (a missing value stays a missing key).
     */
    Map<String, Object> printModel(String organization, int edition, List<Zone> printed, ZoneId zoneId) {
        Organization org = organizations.of(organization);
        java.time.LocalDate today = now().atZone(zoneId).toLocalDate();
        return Map.of("organizationName", org.name(), "edition", edition,
                "issuedOn", ChineseDates.DAY.format(today),
                "notices", printed.stream().map(this::sheet).map(ZoneNotices::page).toList());
    }

    private static Map<String, Object> page(Sheet s) {
        Map<String, Object> page = new HashMap<>();
        page.put("zoneNo", s.zoneNo());
        page.put("holderName", s.holderName());
        page.put("holderTypeName", s.holderTypeName());
        page.put("address", s.address());
        page.put("community", s.community());
        page.put("person", s.person());
        page.put("phone", s.phone());
        page.put("extent", s.extent());
        page.put("duties", s.duties());
        page.put("residential", s.residential());
        page.put("ownerGroupName", s.ownerGroupName());
        return page;
    }
}
