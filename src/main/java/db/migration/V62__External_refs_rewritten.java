package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.shirong.system.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outside numbers (12345 工单号, 测评点位编号) stored before s53/s55 are written as {@link TextInput#reference} writes them now
 * (characters that show nothing dropped, NFKC, every dash as "-"): the same order reported or imported again is compared
 * exactly with {@code rect_case.external_ref}, and found no case under the old form, so it opened a second one
 * (finalreview-s55 F2). In Java because the number is rewritten as a report writes it.
 * <p>
 * Nothing is lost and the upgrade never fails on a number: where two cases of one organisation come to the same number
 * ({@code uq_rect_case_external_ref}), the case that already holds it, else the earliest reported, takes it and the others
 * keep theirs as stored, each named in a WARN for the office to check (and merge, when they are one order); a number that
 * would show nothing or grow past its column stays as stored too.
 */
public class V62__External_refs_rewritten extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V62__External_refs_rewritten.class);
    /** {@code rect_case.external_ref varchar(128)}. */
    static final int MAX_LENGTH = 128;

    private record Stored(String caseNo, String tenant, String ref) {

        String key(String reference) {
            return tenant + '\u0000' + reference;
        }
    }

    @Override
    public void migrate(Context context) throws Exception {
        List<Stored> stored = new ArrayList<>();
        try (Statement statement = context.getConnection().createStatement();
                ResultSet rows = statement.executeQuery("select case_no, tenant_id, external_ref from rect_case"
                        + " where external_ref is not null order by reported_at, case_no")) {
            while (rows.next()) {
                stored.add(new Stored(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        Set<String> held = new HashSet<>();
        Map<String, String> holder = new HashMap<>();
        for (Stored s : stored) {
            held.add(s.key(s.ref()));
            if (s.ref().equals(TextInput.reference(s.ref()))) {
                holder.put(s.key(s.ref()), s.caseNo());
            }
        }
        Map<String, String> rewritten = new java.util.LinkedHashMap<>();
        int kept = 0;
        for (Stored s : stored) {
            String reference = TextInput.reference(s.ref());
            if (Objects.equals(reference, s.ref())) {
                continue;
            }
            if (reference == null || reference.length() > MAX_LENGTH) {
                LOG.warn("案件 {} 的外部编号 {} 按现在的写法{}，保留原样", s.caseNo(), quoted(s.ref()),
                        reference == null ? "不剩任何可见的字符" : "超过 " + MAX_LENGTH + " 个字符");
                kept++;
                continue;
            }
            String taken = holder.get(s.key(reference));
            if (taken != null || held.contains(s.key(reference))) {
                LOG.warn("案件 {} 的外部编号 {} 统一写法后为 {}，与案件 {} 的外部编号相同，保留原样：请办公室核查两件案件是否为同一工单，"
                        + "是则合并重复案件", s.caseNo(), quoted(s.ref()), reference, taken == null ? "（原写法相同）" : taken);
                kept++;
                continue;
            }
            holder.put(s.key(reference), s.caseNo());
            rewritten.put(s.caseNo(), reference);
        }
        try (PreparedStatement update = context.getConnection()
                .prepareStatement("update rect_case set external_ref = ? where case_no = ?")) {
            for (Map.Entry<String, String> row : rewritten.entrySet()) {
                update.setString(1, row.getValue());
                update.setString(2, row.getKey());
                update.addBatch();
            }
            if (!rewritten.isEmpty()) {
                update.executeBatch();
            }
        }
        if (!rewritten.isEmpty() || kept > 0) {
            LOG.info("外部编号统一写法：{} 件案件的外部编号已改写，{} 件保留原样（见上面的 WARN）", rewritten.size(), kept);
        }
    }

    /** The number with its invisible characters shown as U+XXXX, for the log. */
    static String quoted(String ref) {
        StringBuilder shown = new StringBuilder("“");
        ref.codePoints().forEach(c -> {
            if (TextInput.ignorable(c) || Character.isWhitespace(c) || Character.getType(c) == Character.CONTROL
                    || c >= 0x2010 && c <= 0x2015 || c == 0x2212) {
                shown.append("<U+").append(String.format("%04X", c)).append('>');
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.append('”').toString();
    }
}
