package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Shirong runs several organisations, each a Camunda tenant. Everything an earlier single-organisation run stored
 * belonged to 九亭镇, the organisation it shipped: its units, users, cases and campaigns get the tenant
 * {@value #JIUTING}, and so do the engine's own rows (deployments, definitions, instances, tasks, jobs, history),
 * which would otherwise be visible to every organisation. Case numbers are counted per prefix and year from now on
 * ({@code rect_case_no_<prefix>_<year>}), so each year's counter moves to its prefix, going on where it stood.
 */
public class V22__Organisations extends BaseJavaMigration {

    static final String JIUTING = "jiuting";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("org_unit", "org_user", "rect_case", "campaign")) {
                statement.execute("alter table " + table + " add column tenant_id varchar(64) default '" + JIUTING + "' not null");
            }
            statement.execute("create index ix_rect_case_tenant on rect_case (tenant_id, status, due_at)");
            // An external reference (e.g. a 12345 hotline number) is unique within its organisation.
            statement.execute("alter table rect_case drop constraint uq_rect_case_external_ref");
            statement.execute("alter table rect_case add constraint uq_rect_case_external_ref unique (tenant_id, external_ref)");
            statement.execute("create index ix_campaign_tenant on campaign (tenant_id)");
            for (String table : engineTablesWithTenant(connection)) {
                statement.executeUpdate("update " + table + " set tenant_id_ = '" + JIUTING + "' where tenant_id_ is null");
            }
            moveCaseNumberSequences(statement);
        }
    }

    /** Every table of the engine (ACT_*) in this schema that has a TENANT_ID_ column. */
    private static List<String> engineTablesWithTenant(Connection connection) throws Exception {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet columns = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
            while (columns.next()) {
                String table = columns.getString("TABLE_NAME");
                String column = columns.getString("COLUMN_NAME");
                if (table.toLowerCase(Locale.ROOT).startsWith("act_") && "tenant_id_".equalsIgnoreCase(column)
                        && !table.toLowerCase(Locale.ROOT).equals("act_id_tenant_member")) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    /** {@code rect_case_no_<year>} becomes {@code rect_case_no_<prefix>_<year>} for the prefix the year's cases carry. */
    private static void moveCaseNumberSequences(Statement statement) throws Exception {
        Map<String, Long> lastByPrefixYear = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery("select case_no from rect_case")) {
            while (rows.next()) {
                String[] parts = rows.getString(1).split("-");
                if (parts.length == 3 && parts[1].matches("\\d{4}") && parts[2].matches("\\d+")) {
                    lastByPrefixYear.merge(parts[0].toLowerCase(Locale.ROOT) + "_" + parts[1], Long.parseLong(parts[2]), Math::max);
                }
            }
        }
        List<String> oldSequences = new ArrayList<>();
        DatabaseMetaData meta = statement.getConnection().getMetaData();
        try (ResultSet sequences = meta.getTables(statement.getConnection().getCatalog(), statement.getConnection().getSchema(),
                "%", new String[] {"SEQUENCE"})) {
            while (sequences.next()) {
                String name = sequences.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (name.matches("rect_case_no_\\d{4}")) {
                    oldSequences.add(name);
                }
            }
        }
        for (Map.Entry<String, Long> counter : lastByPrefixYear.entrySet()) {
            statement.execute("create sequence if not exists rect_case_no_" + counter.getKey() + " start with " + (counter.getValue() + 1));
        }
        for (String old : oldSequences) {
            statement.execute("drop sequence " + old);
        }
    }
}
