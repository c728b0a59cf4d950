package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's history copies of File and Bytes variables (uploads: a campaign task's attachments, a zone notice's
 * photos, a case's photos of old versions) saved before s57 are removed with their content: since then no process keeps
 * them (CaseHistoryPlugin), and the copies kept the uploader's declared type and name, unchecked, for everyone with
 * READ_HISTORY to fetch (secreview-s57 S2). Shirong keeps every upload it accepted in its own tables.
 * <p>
 * Only history: the variables' rows in {@code ACT_HI_VARINST} and {@code ACT_HI_DETAIL} of type {@code file} or
 * {@code bytes}, and the {@code ACT_GE_BYTEARRAY} rows they name that no runtime variable ({@code ACT_RU_VARIABLE}) names
 * too; a running process keeps its variables. Nothing to do where the engine has not made its tables yet (a new
 * database, when Flyway runs first).
 */
public class V66__Upload_history_removed extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V66__Upload_history_removed.class);
    private static final List<String> HISTORY = List.of("act_hi_varinst", "act_hi_detail");
    private static final String UPLOADS = "var_type_ in ('file', 'bytes')";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Set<String> tables = tables(connection);
        if (!tables.containsAll(List.of("act_hi_varinst", "act_hi_detail", "act_ge_bytearray", "act_ru_variable"))) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            int contents = 0;
            for (String history : HISTORY) {
                contents += statement.executeUpdate("delete from act_ge_bytearray where id_ in (select bytearray_id_ from " + history
                        + " where " + UPLOADS + " and bytearray_id_ is not null) and id_ not in (select bytearray_id_"
                        + " from act_ru_variable where bytearray_id_ is not null)");
            }
            int rows = 0;
            for (String history : HISTORY) {
                rows += statement.executeUpdate("delete from " + history + " where " + UPLOADS);
            }
            if (rows > 0) {
                LOG.info("已删除引擎历史中上传文件（File/Bytes 变量）的副本：{} 条历史记录，{} 份内容", rows, contents);
            }
        }
    }

    /** The tables of this schema, in lower case (H2 names the engine's in upper case, PostgreSQL in lower). */
    private static Set<String> tables(Connection connection) throws Exception {
        Set<String> tables = new HashSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }
}
