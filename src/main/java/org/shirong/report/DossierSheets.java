package org.shirong.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.shirong.rectification.CaseFile;
import org.shirong.rectification.CaseRecord;

/**
 * A case's file as its dossier pages show it ({@code templates/documents/dossier.ftlh}): every time in the
 * organisation's zone, the photos paired per rectification round (the before photo beside that round's after photo,
 * at the same spot), each with the camera's time. The records are public for the template engine, which reads only public types.
 */
final class DossierSheets {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** What the PDF renderer can draw; others (WebP) are named instead of shown. */
    private static final Set<String> PRINTABLE = Set.of("image/jpeg", "image/png", "image/gif");

    public record Field(String label, String value) {
    }

    public record Row(List<String> cells) {
    }

    /** {@code src}: a data URI, or null when there is no photo (or it cannot be printed: {@code note} says why). */
    public record Picture(String label, String src, String note, List<String> captions) {
    }

    public record PhotoPair(String round, Picture before, Picture after) {
    }

    public record Sheet(String caseNo, String title, List<Field> fields, List<Row> timeline, List<PhotoPair> photos,
            List<Row> approvals, List<Row> cooperations, List<Row> verifications) {
    }

    private DossierSheets() {
    }

    /** The case's sheet, its plan item under the organisation's word for it ({@code planItemWord}: 锦溪镇 整治项目). */
    static Sheet of(CaseFile f, ZoneId zone, String planItemWord) {
        CaseRecord c = f.record();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("案件编号", c.caseNo()));
        fields.add(new Field("状态", f.statusName() + (c.overdue() && !c.status().ended() ? "（超期）" : "")));
        fields.add(new Field("问题类别", f.categoryName()));
        fields.add(new Field("所属活动", f.campaignName()));
        // a case under no plan item (all of 九亭's, whose plan has no 整治项目) has no such line, not an empty one
        String planItem = join(f.planItemName(), c.subItem());
        if (!planItem.isBlank()) {
            fields.add(new Field(planItemWord, planItem));
        }
        fields.add(new Field("地址", c.address() + (c.lat() == null ? "" : "（" + c.lat() + "，" + c.lng() + "）")));
        fields.add(new Field("属地", join(f.territoryName(), c.community())));
        fields.add(new Field("来源 / 紧急程度", f.sourceName() + " / " + c.urgency().label()));
        fields.add(new Field("牵头单位", f.leadUnitName()));
        fields.add(new Field("责任单位", f.responsibleUnitNames()));
        fields.add(new Field("上报人 / 上报时间", text(f.reportedByName()) + " / " + time(c.reportedAt(), zone)));
        fields.add(new Field("整改期限", time(c.dueAt(), zone)));
        if (c.status() == org.shirong.rectification.CaseStatus.MERGED) {
            fields.add(new Field("合并关闭", time(c.closedAt(), zone) + "，作为重复案件并入 " + c.mergedInto()));
        } else if (c.status() == org.shirong.rectification.CaseStatus.VOIDED) {
            fields.add(new Field("作废", time(c.closedAt(), zone)));
        } else {
            fields.add(new Field("结案时间", c.closedAt() == null ? "未结案"
                    : time(c.closedAt(), zone) + (Boolean.TRUE.equals(c.closedOnTime()) ? "（按期）" : "（超期）")));
        }
        fields.add(new Field("延期 / 返工 / 回退", c.extensionCount() + " 次 / " + c.reworkCount() + " 次 / " + c.returnCount() + " 次"));
        fields.add(new Field("问题描述", c.description()));

        List<Row> timeline = f.timeline().stream()
                .map(s -> new Row(List.of(time(s.at(), zone), s.kindName(), text(s.actor()), text(s.detail())))).toList();
        List<Row> approvals = f.approvals().stream().map(a -> new Row(List.of(a.kindName(),
                text(a.reason()) + (a.requestedDue() == null ? "" : "（申请延期至 " + time(a.requestedDue(), zone) + "）"),
                (text(a.requestedBy()) + "\n" + time(a.requestedAt(), zone)).strip(), a.resultName(),
                (text(a.decidedBy()) + "\n" + time(a.decidedAt(), zone)).strip(), text(a.comment())))).toList();
        List<Row> cooperations = f.cooperations().stream().map(p -> new Row(List.of(p.unitName(), p.reasonName(),
                time(p.assignedAt(), zone), time(p.dueAt(), zone), p.statusName(),
                (text(p.doneBy()) + "\n" + time(p.doneAt(), zone)).strip(), text(p.note())))).toList();
        List<Row> verifications = f.verifications().stream()
                .map(s -> new Row(List.of(time(s.at(), zone), s.kindName(), text(s.actor()), text(s.detail())))).toList();
        return new Sheet(c.caseNo(), c.title(), fields, timeline, pairs(f.photos(), zone), approvals, cooperations, verifications);
    }

    /**
     * One pair per round that has a photo: the latest before photo up to that round beside that round's latest after
     * photo (a rework is photographed at the same spot again).
     */
    private static List<PhotoPair> pairs(List<CaseFile.Photo> photos, ZoneId zone) {
        Set<Integer> rounds = new TreeSet<>();
        photos.forEach(p -> rounds.add(p.round()));
        List<PhotoPair> pairs = new ArrayList<>();
        for (int round : rounds) {
            CaseFile.Photo before = null;
            CaseFile.Photo after = null;
            for (CaseFile.Photo p : photos) {
                if ("BEFORE".equals(p.kind()) && p.round() <= round) {
                    before = p;
                } else if ("AFTER".equals(p.kind()) && p.round() == round) {
                    after = p;
                }
            }
            if (before == null && after == null) {
                continue;
            }
            pairs.add(new PhotoPair(rounds.size() == 1 ? "" : "第 " + round + " 次整改",
                    picture("整改前", before, "未上传整改前照片", zone), picture("整改后", after, "尚未上传整改后照片", zone)));
        }
        return pairs;
    }

    private static Picture picture(String label, CaseFile.Photo p, String none, ZoneId zone) {
        if (p == null) {
            return new Picture(label, null, none, List.of());
        }
        List<String> captions = new ArrayList<>();
        // the time and place are what the uploader's form sent (read from the photo on the phone): not checked, so labelled
        captions.add(p.takenAt() == null ? "拍摄时间：照片未记录" : "拍摄时间（上传者填报）：" + taken(p.takenAt()));
        captions.add("上传时间：" + time(p.uploadedAt(), zone));
        if (p.latitude() != null) {
            captions.add("拍摄位置（上传者填报）：" + p.latitude() + "，" + p.longitude());
        }
        PrintPhotos.Printable printable = PRINTABLE.contains(p.mimeType()) && p.content().length > 0
                ? PrintPhotos.fit(p.mimeType(), p.content()) : null;
        if (printable == null) {
            return new Picture(label, null, "照片 " + p.fileName() + "（" + p.mimeType() + "）无法打印，请在案件页面查看", captions);
        }
        return new Picture(label, "data:" + printable.mimeType() + ";base64,"
                + Base64.getEncoder().encodeToString(printable.content()), null, captions);
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : SHOWN.format(at.atZone(zone));
    }

    private static String taken(LocalDateTime at) {
        return SHOWN.format(at);
    }

    private static String join(String a, String b) {
        return a == null ? text(b) : b == null ? a : a + " · " + b;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
