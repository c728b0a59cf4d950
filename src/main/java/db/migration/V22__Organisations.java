package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            // Scores outside a campaign were kept under the empty scope; now under the organisation's (ScoreService).
            for (String table : List.of("score_unit", "score_component")) {
                statement.executeUpdate("update " + table + " set score_scope = '@" + JIUTING + "' where score_scope = ''");
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

    /**
     * {@code rect_case_no_<year>} becomes {@code rect_case_no_<prefix>_<year>}, starting at the old sequence's next
     * value; the prefix is the one the organisation's latest case carries (JT when there is none).
     */
    private static void moveCaseNumberSequences(Statement statement) throws Exception {
        Connection connection = statement.getConnection();
        String prefix = "jt";
        try (ResultSet latest = statement.executeQuery("select case_no from rect_case order by reported_at desc, case_no desc")) {
            if (latest.next() && latest.getString(1).contains("-")) {
                prefix = latest.getString(1).substring(0, latest.getString(1).indexOf('-')).toLowerCase(Locale.ROOT);
            }
        }
        // information_schema.sequences: H2 does not list sequences among the tables of DatabaseMetaData.
        List<String> oldSequences = new ArrayList<>();
        try (var query = connection.prepareStatement(
                "select sequence_name from information_schema.sequences where lower(sequence_schema) = lower(?)")) {
            query.setString(1, connection.getSchema());
            try (ResultSet sequences = query.executeQuery()) {
                while (sequences.next()) {
                    String name = sequences.getString(1).toLowerCase(Locale.ROOT);
                    if (name.matches("rect_case_no_\\d{4}")) {
                        oldSequences.add(name);
                    }
                }
            }
        }
        DatabaseMetaData meta = connection.getMetaData();
        boolean postgres = "PostgreSQL".equalsIgnoreCase(meta.getDatabaseProductName());
        for (String old : oldSequences) {
            long next;
            try (ResultSet value = statement.executeQuery(postgres ? "select nextval('" + old + "')" : "select next value for " + old)) {
                value.next();
                next = value.getLong(1);
            }
            String year = old.substring("rect_case_no_".length());
            statement.execute("create sequence if not exists rect_case_no_" + prefix + "_" + year + " start with " + next);
            statement.execute("drop sequence " + old);
        }
    }
}
