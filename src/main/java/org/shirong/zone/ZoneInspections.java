package org.shirong.zone;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.NotFoundException;
import org.shirong.system.ProcessDefinitions;
import org.shirong.system.SystemAccess;
import org.shirong.system.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zone inspections ({@code zone_inspection}): a routine check records 已履责 or a breach with its items and a photo; a
 * breach opens the 门责 ladder ({@code ZoneEnforcementProcess}) unless one is in handling, which it then joins. The
 * ladder's rechecks are recorded here too (kind RECHECK, left out of 履责率). Everything goes into the zone's file.
 */
@Service
class ZoneInspections {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneInspections.class);
    static final int MAX_NOTE = 2000;

    enum Kind {
        ROUTINE, RECHECK
    }

    enum Result {
        OK("已履责"), BREACH("发现问题");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** What a breach is about: the 六无 and the stairwells' 二无一白. */
    enum Item {
        STALL("乱设摊"),
        PILING("乱堆物"),
        POSTING("乱张贴"),
        CARVING("乱刻画"),
        GRAFFITI("乱涂写"),
        LAUNDRY("乱晾晒"),
        STAIRWELL("楼道堆物、张贴（二无一白）"),
        OTHER("其他");

        private final String label;

        Item(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        /** The item written as its code (PILING) or its Chinese name (乱堆物). */
        static Optional<Item> parse(String text) {
            String t = text == null ? "" : text.strip();
            return Arrays.stream(values()).filter(i -> i.name().equalsIgnoreCase(t) || i.label.equals(t)).findFirst();
        }

        static String labels() {
            return Arrays.stream(values()).map(Item::label).collect(Collectors.joining("、"));
        }
    }

    /** An inspection as the inspector submits it: {@code result} OK or BREACH, the items found, a note. */
    record NewInspection(String result, List<String> items, String note) {
    }

    /**
     * What the inspection did: its id; the breach it opened or joined and that breach's level (0 when OK, the level it
     * starts at for a new breach); the ladder's process; and what to tell the inspector.
     */
    record Recorded(long inspectionId, Long breachId, int ladderLevel, String processInstanceId, boolean joined, String message) {
    }

    private final JdbcTemplate jdbc;
    private final ZoneRecords zones;
    private final ZoneFiles files;
    private final ZoneLadder ladder;
    private final RuntimeService runtimeService;
    private final ProcessDefinitions definitions;
    private final SystemAccess systemAccess;

    ZoneInspections(JdbcTemplate jdbc, ZoneRecords zones, ZoneFiles files, ZoneLadder ladder, RuntimeService runtimeService,
            ProcessDefinitions definitions, SystemAccess systemAccess) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.files = files;
        this.ladder = ladder;
        this.runtimeService = runtimeService;
        this.definitions = definitions;
        this.systemAccess = systemAccess;
    }

    /**
     * Records a routine inspection of an active zone, with its photo (required for a breach). A breach starts the
     * ladder, or joins the breach in handling. Nothing is saved when anything is refused.
     */
    @Transactional
    Recorded record(long zoneId, NewInspection inspection, ZonePhoto photo, String actor) {
        Zone zone = zones.find(zoneId).orElseThrow(() -> new NotFoundException("ZONE_NOT_FOUND", "没有责任区 " + zoneId));
        if (!zone.active()) {
            throw refused("zoneId", "ZONE_CLOSED", "责任区 " + zone.zoneNo() + " 已注销，不再检查");
        }
        Result result = result(inspection.result());
        List<Item> items = items(inspection.items());
        String note = note(inspection.note());
        if (result == Result.BREACH && items.isEmpty()) {
            throw refused("items", "ITEMS_REQUIRED", "发现问题须选择问题类型（可选：" + Item.labels() + "）");
        }
        if (result == Result.BREACH && (photo == null || photo.content() == null || photo.content().length == 0)) {
            throw refused("photo", "PHOTO_REQUIRED", "发现问题须附现场照片");
        }
        Long photoId = photo == null || photo.content() == null || photo.content().length == 0 ? null
                : files.addPhoto(zoneId, ZonePhotoKind.INSPECTION, photo, actor);
        Instant now = ZoneLadder.now();
        String found = describe(result, items, note);
        if (result == Result.OK) {
            long id = insert(zone, Kind.ROUTINE, now, actor, result, items, note, photoId, null);
            files.record(zoneId, ZoneEventKind.INSPECTED_OK, actor, found, null, photoId);
            return new Recorded(id, null, 0, null, false, "检查已记录：" + zone.holderName() + "已履责");
        }
        Optional<ZoneLadder.Breach> open = ladder.openBreach(zoneId);
        if (open.isPresent() && !processRuns(open.get())) {
            LOG.warn("Breach {} of zone {} was open without its process (deleted in Cockpit?): ended as cancelled",
                    open.get().id(), zone.zoneNo());
            ladder.cancelled(open.get().id());
            open = Optional.empty();
        }
        if (open.isPresent()) {
            ZoneLadder.Breach b = open.get();
            long id = insert(zone, Kind.ROUTINE, now, actor, result, items, note, photoId, b.id());
            String level = b.levelName() == null ? "" : "（" + b.levelName() + "）";
            files.record(zoneId, ZoneEventKind.BREACH_FOUND, actor, found + "；正在处置中" + level + "，并入该处置",
                    ZoneLadder.ref(b.id()), photoId);
            LOG.info("Inspection of zone {} by {} joined breach {} in handling", zone.zoneNo(), actor, b.id());
            return new Recorded(id, b.id(), b.level() == null ? 0 : b.level(), b.processInstanceId(), true,
                    "该责任区正在处置中" + level + "，本次检查已记入档案");
        }
        long breachId = ladder.open(zone.tenantId(), zoneId, now);
        long id = insert(zone, Kind.ROUTINE, now, actor, result, items, note, photoId, breachId);
        files.record(zoneId, ZoneEventKind.BREACH_FOUND, actor, found, ZoneLadder.ref(breachId), photoId);
        ZoneLadder.Level start = ladder.startLevel(ladder.breach(breachId));
        String instanceId = start(zone, breachId, items);
        ladder.started(breachId, instanceId);
        LOG.info("Inspection of zone {} by {} opened breach {} (starts at {})", zone.zoneNo(), actor, breachId, start);
        return new Recorded(id, breachId, start.number(), instanceId, false,
                "已发现门责问题，启动处置：从" + start.label() + "开始，由负责单位告知责任人限期整改");
    }

    private boolean processRuns(ZoneLadder.Breach breach) {
        return breach.processInstanceId() == null
                || systemAccess.run(() -> runtimeService.createProcessInstanceQuery()
                        .processInstanceId(breach.processInstanceId()).count()) > 0;
    }

    private String start(Zone zone, long breachId, List<Item> items) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(ZoneEnforcementProcess.VAR_BREACH_ID, breachId);
        variables.put(ZoneEnforcementProcess.VAR_ZONE_ID, zone.id());
        variables.put(ZoneEnforcementProcess.VAR_ZONE_NO, zone.zoneNo());
        variables.put(ZoneEnforcementProcess.VAR_HOLDER_NAME, zone.holderName());
        variables.put(ZoneEnforcementProcess.VAR_ZONE_ADDRESS, zone.address());
        variables.put(ZoneEnforcementProcess.VAR_OWNER_GROUP, zone.ownerGroup());
        variables.put(ZoneEnforcementProcess.VAR_BREACH_ITEMS, items.stream().map(Item::label).collect(Collectors.joining("、")));
        return systemAccess.run(() -> runtimeService.createProcessInstanceById(
                        definitions.latestId(ZoneEnforcementProcess.KEY, zone.tenantId()))
                .businessKey(ZoneEnforcementProcess.businessKey(breachId)).setVariables(variables).execute().getId());
    }

    /** The ladder's recheck of the breach's current step, in the engine's transaction; the photo is in the file already. */
    void recheck(ZoneLadder.Breach breach, int level, String actor, boolean complied, String note, Long photoId) {
        Zone zone = zones.find(breach.zoneId()).orElseThrow();
        Result result = complied ? Result.OK : Result.BREACH;
        insert(zone, Kind.RECHECK, ZoneLadder.now(), actor, result, List.of(), note(note), photoId, breach.id());
        ladder.rechecked(breach.id(), level, actor, complied);
        String step = ZoneLadder.Level.of(level).label();
        String detail = (complied ? step + "后复查：已整改" : step + "后复查：未整改") + (blank(note) ? "" : "。" + note.strip());
        files.record(zone.id(), complied ? ZoneEventKind.RECHECK_PASSED : ZoneEventKind.RECHECK_FAILED, actor, detail,
                ZoneLadder.ref(breach.id()), photoId);
    }

    /** Who did the breach's last recheck (the one that found it still not complied, before a hand-over). */
    Optional<String> lastRechecker(long breachId) {
        return jdbc.queryForList("select inspector from zone_inspection where breach_id = ? and kind = ? order by inspected_at desc, id desc",
                String.class, breachId, Kind.RECHECK.name()).stream().findFirst();
    }

    private long insert(Zone zone, Kind kind, Instant at, String actor, Result result, List<Item> items, String note,
            Long photoId, Long breachId) {
        Object[] values = {zone.tenantId(), zone.id(), kind.name(), Timestamp.from(at), actor, result.name(),
                items.isEmpty() ? null : items.stream().map(Item::name).collect(Collectors.joining(",")), note, photoId, breachId};
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement insert = c.prepareStatement("insert into zone_inspection (tenant_id, zone_id, kind, inspected_at,"
                    + " inspector, result, items, note, photo_id, breach_id) values (?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            new ArgumentPreparedStatementSetter(values).setValues(insert);
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    private static String describe(Result result, List<Item> items, String note) {
        String text = result == Result.OK ? "检查合格，已履责"
                : "发现问题：" + items.stream().map(Item::label).collect(Collectors.joining("、"));
        return blank(note) ? text : text + "。" + note;
    }

    private static Result result(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(Result.values()).filter(r -> r.name().equalsIgnoreCase(t) || r.label.equals(t)).findFirst()
                .orElseThrow(() -> refused("result", "BAD_RESULT", (t.isEmpty() ? "请填写检查结果" : "没有检查结果“" + t + "”")
                        + "（可选：OK 已履责、BREACH 发现问题）"));
    }

    private static List<Item> items(List<String> texts) {
        Set<Item> items = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            for (String part : text.split("[,，、]")) {
                if (!part.isBlank()) {
                    Item.parse(part).ifPresentOrElse(items::add, () -> unknown.add(part.strip()));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw refused("items", "BAD_ITEM", "没有问题类型“" + String.join("”“", unknown) + "”（可选：" + Item.labels() + "）");
        }
        return List.copyOf(items);
    }

    /** The note stripped, null when it shows nothing; control characters refused (they break the zone file's PDF). */
    private static String note(String note) {
        TextInput.problem("检查说明", note, true).ifPresent(message -> {
            throw refused("note", "INVALID_TEXT", message);
        });
        if (blank(note)) {
            return null;
        }
        if (note.strip().length() > MAX_NOTE) {
            throw refused("note", "NOTE_TOO_LONG", "检查说明不能超过 " + MAX_NOTE + " 字，现为 " + note.strip().length() + " 字");
        }
        return note.strip();
    }

    private static boolean blank(String s) {
        return TextInput.isBlank(s);
    }

    private static InvalidRequestException refused(String field, String code, String message) {
        return new InvalidRequestException(ApiError.field(field, code, message));
    }
}
