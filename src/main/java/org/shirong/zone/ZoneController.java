package org.shirong.zone;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organizations;
import org.shirong.rectification.ImportTable;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/zones}: search the register, register a zone, read a zone and its file (一点一档) with its photos, import
 * zones and download the file to fill in. Everybody of the organisation reads; only its office registers and imports.
 */
@RestController
@RequestMapping("/api/zones")
class ZoneController {

    static final int MAX_PAGE_SIZE = 200;

    private final ZoneRecords zones;
    private final ZoneFiles files;
    private final ZoneRegister register;
    private final ZoneImport zoneImport;
    private final ZoneImportTemplate template;
    private final ZoneAccess access;
    private final CallerOrganization callerOrganization;
    private final IdentityService identityService;
    private final Organizations organizations;
    private final ObjectProvider<ZoneFileSection> sections;

    ZoneController(ZoneRecords zones, ZoneFiles files, ZoneRegister register, ZoneImport zoneImport,
            ZoneImportTemplate template, ZoneAccess access, CallerOrganization callerOrganization,
            IdentityService identityService, Organizations organizations, ObjectProvider<ZoneFileSection> sections) {
        this.zones = zones;
        this.files = files;
        this.register = register;
        this.zoneImport = zoneImport;
        this.template = template;
        this.access = access;
        this.callerOrganization = callerOrganization;
        this.identityService = identityService;
        this.organizations = organizations;
        this.sections = sections;
    }

    record SearchResult(long total, int page, int size, List<ZoneView> zones) {
    }

    @GetMapping
    SearchResult search(@RequestParam(required = false) String q, @RequestParam(required = false) String community,
            @RequestParam(required = false) String ownerGroup, @RequestParam(required = false) String type,
            @RequestParam(required = false) String roadClass, @RequestParam(required = false) String notice,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String organization) {
        String tenant = reading(organization);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException(ApiError.field("size", "INVALID_PAGE",
                    "page 不能小于 0，size 须在 1 至 " + MAX_PAGE_SIZE + " 之间"));
        }
        ZoneRecords.Page found = zones.search(query(tenant, q, community, ownerGroup, type, roadClass, notice, page, size));
        Map<String, String> names = organizations.groupNames(tenant);
        return new SearchResult(found.total(), page, size, found.zones().stream().map(z -> view(z, names)).toList());
    }

    /**
     * The query of the list's filters, refusing a type, road class or notice status that does not exist and any filter
     * with control characters; a filter of only invisible characters is left out, like an empty one.
     */
    static ZoneQuery query(String tenant, String q, String community, String ownerGroup, String type, String roadClass,
            String notice, int page, int size) {
        String text = ZoneRegister.selector("q", q);
        String place = ZoneRegister.selector("community", community);
        String group = ZoneRegister.selector("ownerGroup", ownerGroup);
        ZoneRegister.selector("type", type);
        ZoneRegister.selector("roadClass", roadClass);
        ZoneRegister.selector("notice", notice);
        ZoneType zoneType = blank(type) ? null : ZoneType.parse(type).orElseThrow(() -> new InvalidRequestException(
                ApiError.field("type", "UNKNOWN_TYPE", "没有类型“" + type.strip() + "”（可选：" + ZoneType.labels() + "）")));
        RoadClass road = blank(roadClass) ? null : RoadClass.parse(roadClass).orElseThrow(() -> new InvalidRequestException(
                ApiError.field("roadClass", "UNKNOWN_ROAD_CLASS", "没有道路等级“" + roadClass.strip() + "”（可选：主要道路、其他）")));
        String noticeStatus = blank(notice) ? null : notice.strip().toUpperCase();
        if (noticeStatus != null && !List.of("NONE", "ISSUED", "DELIVERED", "POSTED").contains(noticeStatus)) {
            throw new InvalidRequestException(ApiError.field("notice", "UNKNOWN_NOTICE_STATUS",
                    "告知书状态只能是 NONE（未送达）、DELIVERED（已送达）或 POSTED（已上墙）"));
        }
        return new ZoneQuery(tenant, text, place, group, zoneType, road, noticeStatus, page, size);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ZoneRegister.Registered> register(@RequestBody NewZone zone, @RequestParam(required = false) String organization) {
        String tenant = callerOrganization.forWork(identityService.getCurrentAuthentication(), organization);
        access.requireOffice(tenant);
        ZoneRegister.Registered registered = register.register(tenant, zone, access.caller());
        return ResponseEntity.created(URI.create("/api/zones/" + registered.id())).body(registered);
    }

    @GetMapping("/{id:\\d+}")
    ZoneView zone(@PathVariable long id) {
        Zone z = access.readable(id);
        return view(z, organizations.groupNames(z.tenantId()));
    }

    /** The zone as the caller may read it: the holder's phone masked unless they contact holders ({@link ZoneAccess#readsPhone}). */
    private ZoneView view(Zone z, Map<String, String> groupNames) {
        ZoneView view = ZoneView.of(z, groupNames);
        return access.readsPhone(z) ? view : view.withPhoneMasked();
    }

    /** One step of the file as shown: {@code photoUrl} null for a step without a photo. */
    record EventView(long id, Instant at, String kind, String kindName, String actor, String actorName, String detail,
            String ref, String photoUrl) {
    }

    /** {@code takenAt} and the place as the uploader's form read them from the photo; {@code takenAtSourceName} says so. */
    record PhotoView(long id, String kind, String kindName, String fileName, LocalDateTime takenAt, Double latitude,
            Double longitude, String uploadedBy, Instant uploadedAt, String url, String takenAtSourceName) {

        PhotoView(long id, String kind, String kindName, String fileName, LocalDateTime takenAt, Double latitude,
                Double longitude, String uploadedBy, Instant uploadedAt, String url) {
            this(id, kind, kindName, fileName, takenAt, latitude, longitude, uploadedBy, uploadedAt, url,
                    takenAt == null && latitude == null ? null : "上传者填报");
        }
    }

    /** The zone's file: the zone, its steps in order, its photos, and the other parts' sections (notice, breaches, …). */
    @GetMapping("/{id:\\d+}/file")
    Map<String, Object> file(@PathVariable long id) {
        Zone z = access.readable(id);
        ZoneFile file = files.file(id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("zone", view(z, organizations.groupNames(z.tenantId())));
        answer.put("events", file.events().stream().map(e -> new EventView(e.id(), e.at(), e.kind().name(), e.kindName(),
                e.actor(), e.actorName(), e.detail(), e.ref(), e.photoId() == null ? null : photoUrl(id, e.photoId()))).toList());
        answer.put("photos", file.photos().stream().map(p -> new PhotoView(p.id(), p.kind().name(), p.kind().label(),
                p.fileName(), p.takenAt(), p.latitude(), p.longitude(), p.uploadedBy(), p.uploadedAt(), photoUrl(id, p.id())))
                .toList());
        sections.orderedStream().forEach(s -> answer.put(s.key(), s.of(z)));
        return answer;
    }

    static String photoUrl(long zoneId, long photoId) {
        return "/api/zones/" + zoneId + "/photos/" + photoId;
    }

    @GetMapping("/{id:\\d+}/photos/{photoId:\\d+}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        access.readable(id);
        ZoneFile.StoredPhoto photo = files.photo(id, photoId)
                .orElseThrow(() -> new NotFoundException("PHOTO_NOT_FOUND", "责任区 " + id + " 没有照片 " + photoId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.photo().mimeType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline").header("X-Content-Type-Options", "nosniff").body(photo.content());
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ZoneImport.Result importZones(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String organization)
            throws IOException {
        String tenant = callerOrganization.forWork(identityService.getCurrentAuthentication(), organization);
        access.requireOffice(tenant);
        return zoneImport.importFile(tenant, file.getInputStream(), file.getOriginalFilename(), file.getContentType(),
                access.caller());
    }

    @GetMapping("/import-template.xlsx")
    ResponseEntity<byte[]> templateXlsx(@RequestParam(required = false) String organization) {
        String tenant = reading(organization);
        return download("责任区导入模板-" + organizations.of(tenant).name() + ".xlsx",
                MediaType.parseMediaType(ImportTable.XLSX_TYPE), template.xlsx(tenant));
    }

    @GetMapping("/import-template.csv")
    ResponseEntity<byte[]> templateCsv(@RequestParam(required = false) String organization) {
        String tenant = reading(organization);
        return download("责任区导入模板-" + organizations.of(tenant).name() + ".csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8), template.csv());
    }

    private static ResponseEntity<byte[]> download(String name, MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(body);
    }

    /** The organisation whose register the caller reads: their own, or one named that they belong to or oversee. */
    private String reading(String organization) {
        String tenant = callerOrganization.forReading(identityService.getCurrentAuthentication(), organization);
        access.staffOf(tenant);
        return tenant;
    }

    private static boolean blank(String text) {
        return ZoneRegister.blank(text);
    }
}
