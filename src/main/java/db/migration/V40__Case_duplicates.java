package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.shirong.rectification.AddressKey;

/**
 * Duplicate cases (重复案件): {@code merged_into} names the case a duplicate was merged into (status MERGED);
 * {@code address_key} is the address as detection compares it ({@link AddressKey}), with an index on the open cases of
 * an organisation and category, which the look for duplicates of a new report reads (one query per report). Only the
 * cases open now are keyed: a closed case is never offered as a duplicate. In Java because the key is computed as a
 * report computes it.
 */
public class V40__Case_duplicates extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table rect_case add column merged_into varchar(32)");
            statement.execute("alter table rect_case add column address_key varchar(500)");
            statement.execute("create index idx_rect_case_open_alike on rect_case (tenant_id, category, closed_at)");
            Map<String, String> keys = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery("select case_no, address from rect_case where closed_at is null")) {
                while (rows.next()) {
                    keys.put(rows.getString(1), AddressKey.of(rows.getString(2)));
                }
            }
            try (PreparedStatement update = context.getConnection()
                    .prepareStatement("update rect_case set address_key = ? where case_no = ?")) {
                for (Map.Entry<String, String> key : keys.entrySet()) {
                    update.setString(1, key.getValue());
                    update.setString(2, key.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }
}
