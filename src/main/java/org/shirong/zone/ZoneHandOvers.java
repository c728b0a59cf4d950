package org.shirong.zone;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organizations;
import org.shirong.rectification.NewCase;
import org.shirong.rectification.OwnReferences;
import org.shirong.rectification.RectificationCases;
import org.shirong.report.PrintDocuments;
import org.shirong.report.PrintPhotos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.shirong.system.TextInput;

/**
 * 移交城管执法 ({@code zone_handover}): a zone still not in order after 红牌 becomes a rectification case of the
 * organisation's {@code handover-category}, led by its {@code enforcement-unit} (zones.yaml), with the zone's file
 * (一点一档) as it stood at the hand-over kept as a PDF beside the case. The case's external reference
 * {@code ZONE-<tenant>-<breach>} makes a retried or repeated hand-over find the same case rather than open a second.
 */
@Service
class ZoneHandOvers {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneHandOvers.class);
    static final String TEMPLATE = "zones/zone-file";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The newest photos of the file that go into the PDF. */
    static final int MAX_PHOTOS = 12;

    /** The file kept with a handed-over case; {@code content} null when it could not be printed then (no font). */
    record HandOver(String caseNo, long zoneId, long breachId, String fileName, byte[] content, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final ZoneLadder ladder;
    private final ZoneRecords zones;
    private final ZoneFiles files;
    private final ZoneInspections inspections;
    private final ZoneSettings settings;
    private final RectificationCases cases;
    private final PrintDocuments print;
    private final WorkingCalendars calendars;
    private final Organizations organizations;

    ZoneHandOvers(JdbcTemplate jdbc, ZoneLadder ladder, ZoneRecords zones, ZoneFiles files, ZoneInspections inspections,
            ZoneSettings settings, RectificationCases cases, PrintDocuments print, WorkingCalendars calendars,
            Organizations organizations) {
        this.jdbc = jdbc;
        this.ladder = ladder;
        this.zones = zones;
        this.files = files;
        this.inspections = inspections;
        this.settings = settings;
        this.cases = cases;
        this.print = print;
        this.calendars = calendars;
        this.organizations = organizations;
    }

    /**
     * Hands the breach over: reports the case (or finds the one reported before), keeps the file with it and records the
     * hand-over in the zone's file once. Returns the case number.
     */
    String handOver(long breachId) {
        ZoneLadder.Breach breach = ladder.breach(breachId);
        Zone zone = zones.find(breach.zoneId()).orElseThrow();
        String organization = breach.tenantId();
        ZoneSettings.Settings s = settings.of(organization);
        String actor = inspections.lastRechecker(breachId).orElse(null);
        NewCase newCase = new NewCase(TextInput.shortened("门责移交执法：" + zone.holderName(), 200), s.handoverCategory(), "NORMAL", "PATROL",
                new NewCase.Location(zone.address(), zone.lat(), zone.lng(), zone.gridCell(), null, zone.community()),
                description(zone, breach), externalRef(organization, breachId));
        RectificationCases.Reported reported = cases.reportDirected(organization, newCase, actor,
                new RectificationCases.Directions(s.enforcementUnit(), null, null));
        String caseNo = reported.record().caseNo();
        if (breach.status() == ZoneLadder.Status.OPEN) {
            ladder.handedOver(breachId, caseNo);
            files.record(zone.id(), ZoneEventKind.HANDED_OVER, actor, "红牌后仍未整改，移交" + organizations.groupNames(organization)
                    .getOrDefault(s.enforcementUnit(), s.enforcementUnit()) + "执法，案件 " + caseNo, caseNo, null);
        }
        if (find(caseNo).isEmpty()) {
            jdbc.update("insert into zone_handover (case_no, zone_id, breach_id, file_name, content, created_at) values (?,?,?,?,?,?)",
                    caseNo, zone.id(), breachId, fileName(zone, caseNo), printed(zone.id(), breachId, caseNo),
                    Timestamp.from(ZoneLadder.now()));
        }
        LOG.info("Breach {} of zone {} handed over as case {} ({})", breachId, zone.zoneNo(), caseNo,
                reported.created() ? "reported now" : "reported before");
        return caseNo;
    }

    static String externalRef(String organization, long breachId) {
        return OwnReferences.zoneHandOver(organization, breachId);
    }

    /** The file kept with a case, if it is a handed-over zone's. */
    Optional<HandOver> find(String caseNo) {
        return jdbc.query("select * from zone_handover where case_no = ?", (rs, n) -> new HandOver(rs.getString("case_no"),
                rs.getLong("zone_id"), rs.getLong("breach_id"), rs.getString("file_name"), rs.getBytes("content"),
                rs.getTimestamp("created_at").toInstant()), caseNo).stream().findFirst();
    }

    /**
     * The file as PDF for a reader who may read the holder's phone: as kept at the hand-over, or printed now when it could
     * not be printed then.
     */
    byte[] pdf(HandOver handOver) {
        return handOver.content() != null ? handOver.content()
                : print.pdf(TEMPLATE, model(handOver.zoneId(), handOver.breachId(), handOver.caseNo(), null, false));
    }

    /**
     * The file as PDF for a reader of the case who may not read the holder's phone ({@link ZoneAccess#readsPhone}: the
     * case's cooperators, the 属地 town): printed now with the phone masked, from the file's entries and photos up to the
     * hand-over, as the kept one shows them.
     */
    byte[] pdfWithPhoneMasked(HandOver handOver) {
        return print.pdf(TEMPLATE, model(handOver.zoneId(), handOver.breachId(), handOver.caseNo(), handOver.createdAt(), true));
    }

    /** The PDF to keep; none (printed on demand later) when the Chinese font is missing, so the hand-over still happens. */
    private byte[] printed(long zoneId, long breachId, String caseNo) {
        try {
            return print.pdf(TEMPLATE, model(zoneId, breachId, caseNo, null, false));
        } catch (PrintDocuments.FontUnavailable e) {
            LOG.warn("责任区档案 PDF 暂未生成（案件 {}），将在查看时生成：{}", caseNo, e.getMessage());
            return null;
        }
    }

    private static String fileName(Zone zone, String caseNo) {
        return "责任区档案-" + zone.zoneNo() + "-" + caseNo + ".pdf";
    }

    private String description(Zone zone, ZoneLadder.Breach breach) {
        ZoneId tz = calendars.of(breach.tenantId()).zone();
        StringBuilder text = new StringBuilder();
        text.append("责任区 ").append(zone.zoneNo()).append("（").append(zone.holderName()).append("，").append(zone.address())
                .append("；责任人 ").append(nullToDash(zone.person()))
                .append("，联系电话见案件页“责任区”一栏）门责问题经");
        List<String> steps = new ArrayList<>();
        for (ZoneLadder.Step step : ladder.steps(breach.id())) {
            steps.add(step.name() + "（" + SHOWN.format(step.issuedAt().atZone(tz)) + "，限 " + SHOWN.format(step.dueAt().atZone(tz))
                    + " 前整改）");
        }
        ZoneSettings.LegalBasis basis = settings.of(breach.tenantId()).legalBasis();
        text.append(String.join("、", steps)).append("，复查仍未整改，依").append(basis.regulation()).append("移交执法（")
                .append(basis.handover()).append("）。")
                .append("责任区档案（一点一档）PDF：/api/cases/本案件编号/zone-file.pdf；档案页：/shirong/zones/").append(zone.id());
        return TextInput.shortened(text.toString(), 4000);
    }

    /** What the zone-file template shows (public: FreeMarker calls only public classes' methods). */
    public record Field(String label, String value) {
    }

    public record Row(List<String> cells) {
    }

    /** {@code src} null: the photo cannot be printed, as its first caption says. */
    public record Picture(String src, String label, List<String> captions) {
    }

    /** {@code asOf}: the file's entries and photos up to then only (null: all); {@code maskPhone}: the holder's phone masked. */
    private Map<String, Object> model(long zoneId, long breachId, String caseNo, Instant asOf, boolean maskPhone) {
        ZoneFile file = files.file(zoneId);
        Zone zone = file.zone();
        ZoneLadder.Breach breach = ladder.breach(breachId);
        ZoneId tz = calendars.of(zone.tenantId()).zone();
        Map<String, String> groups = organizations.groupNames(zone.tenantId());
        Map<String, Object> model = new HashMap<>();
        model.put("title", "市容环境卫生责任区档案（" + zone.holderName() + "）");
        model.put("legalBasis", settings.of(zone.tenantId()).legalBasis());
        model.put("subtitle", organizations.of(zone.tenantId()).name() + "　移交执法案件 " + caseNo + "　生成于 "
                + SHOWN.format(ZoneLadder.now().atZone(tz)));
        model.put("fields", List.of(
                new Field("责任区编号", zone.zoneNo()),
                new Field("名称", zone.holderName()),
                new Field("类型", zone.holderType().label()),
                new Field("地址", zone.address()),
                new Field("居委会/社区", nullToDash(zone.community())),
                new Field("所在道路", nullToDash(zone.street()) + "（" + zone.roadClass().label() + "）"),
                new Field("责任人", nullToDash(zone.person())),
                new Field("联系电话", nullToDash(maskPhone ? ZoneView.maskedPhone(zone.phone()) : zone.phone())),
                new Field("责任区范围", nullToDash(zone.extent())),
                new Field("责任要求", nullToDash(zone.duties())),
                new Field("负责单位", groups.getOrDefault(zone.ownerGroup(), zone.ownerGroup()))));
        List<Row> steps = new ArrayList<>();
        for (ZoneLadder.Step step : ladder.steps(breachId)) {
            String told = step.notifiedAt() == null ? "未记录" : "已告知 " + nullToDash(step.advisedPerson()) + "（"
                    + organizations.personName(step.notifiedBy()) + "，" + SHOWN.format(step.notifiedAt().atZone(tz)) + "）"
                    + (step.adviceNote() == null ? "" : "：" + step.adviceNote());
            String recheck = step.recheckedAt() == null ? "尚未复查" : (Boolean.TRUE.equals(step.complied()) ? "已整改" : "未整改")
                    + "（" + nullToDash(organizations.personName(step.recheckedBy())) + "，" + SHOWN.format(step.recheckedAt().atZone(tz)) + "）";
            steps.add(new Row(List.of(step.name(), SHOWN.format(step.issuedAt().atZone(tz)), SHOWN.format(step.dueAt().atZone(tz)),
                    told, recheck)));
        }
        model.put("steps", steps);
        model.put("summary", "本次处置始于 " + SHOWN.format(breach.startedAt().atZone(tz)) + "，经" + steps.stream()
                .map(r -> r.cells().get(0)).reduce((a, b) -> a + "、" + b).orElse("（无）") + "，红牌后复查仍未整改，移交执法。");
        model.put("events", file.events().stream().filter(e -> asOf == null || !e.at().isAfter(asOf)).map(e -> new Row(List.of(SHOWN.format(e.at().atZone(tz)), e.kindName(),
                nullToDash(e.actorName()), e.detail() == null ? "" : e.detail()))).toList());
        List<ZoneFile.Photo> photos = file.photos().stream().filter(p -> asOf == null || !p.uploadedAt().isAfter(asOf)).toList();
        List<Picture> pictures = new ArrayList<>();
        for (ZoneFile.Photo photo : photos.subList(Math.max(0, photos.size() - MAX_PHOTOS), photos.size())) {
            files.photo(zoneId, photo.id()).ifPresent(stored -> pictures.add(picture(photo, stored.content(), tz)));
        }
        model.put("photos", pictures);
        return model;
    }

    /** The photo made the size it prints at (a photo claiming 20,000 px is not decoded whole); one that cannot be read is named. */
    private Picture picture(ZoneFile.Photo photo, byte[] content, ZoneId tz) {
        PrintPhotos.Printable printable = PrintPhotos.fit(photo.mimeType(), content);
        List<String> captions = new ArrayList<>(captions(photo, tz));
        if (printable == null) {
            captions.add(0, "照片无法打印，请在责任区档案中查看");
            return new Picture(null, photo.kind().label(), captions);
        }
        return new Picture("data:" + printable.mimeType() + ";base64," + Base64.getEncoder().encodeToString(printable.content()),
                photo.kind().label(), captions);
    }

    private List<String> captions(ZoneFile.Photo photo, ZoneId tz) {
        List<String> lines = new ArrayList<>();
        lines.add(photo.kind().label() + "，" + organizations.personName(photo.uploadedBy()) + " 上传于 "
                + SHOWN.format(photo.uploadedAt().atZone(tz)));
        if (photo.takenAt() != null) {
            lines.add("拍摄于 " + SHOWN.format(photo.takenAt()) + "（上传者填报）");
        }
        return lines;
    }

    private static String nullToDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
