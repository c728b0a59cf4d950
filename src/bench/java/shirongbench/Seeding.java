package shirongbench;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bench-only bulk data, written with SQL straight into the database of a stopped or idle application: copies of rows
 * the application itself wrote (through its API), so that 100,000 closed cases exist in minutes rather than hours
 * (W4's open tasks are made by the engine itself, see OpenTasks). Only the columns that must stay unique get a suffix;
 * every other column (tenant, unit, dates, status …) is the original's, so the queries see the shape the product writes — whatever version of it is measured.
 */
final class Seeding {

    private Seeding() {
    }

    /** Copies the closed cases (with their events and parties) until about {@code wanted} are closed; returns the count. */
    static long closedCases(JdbcTemplate jdbc, long wanted) {
        long closed = jdbc.queryForObject("select count(*) from rect_case where status = 'CLOSED'", Long.class);
        if (closed == 0 || closed >= wanted) {
            return closed;
        }
        jdbc.execute("drop table if exists bench_template_case");
        jdbc.execute("create table bench_template_case as select case_no from rect_case where status = 'CLOSED'");
        long copies = (wanted - closed + closed - 1) / closed;
        String caseColumns = columns(jdbc, "rect_case", "case_no", "external_ref", "process_instance_id");
        for (long n = 1; n <= copies; n++) {
            String suffix = "'-b" + n + "'";
            jdbc.update("insert into rect_case (case_no, external_ref, process_instance_id, " + caseColumns + ") select c.case_no || "
                    + suffix + ", c.external_ref || " + suffix + ", c.process_instance_id || " + suffix + ", " + prefixed("c", caseColumns)
                    + " from rect_case c join bench_template_case b on b.case_no = c.case_no");
            for (String table : List.of("rect_case_event", "rect_case_party")) {
                if (exists(jdbc, table)) {
                    String cols = columns(jdbc, table, "case_no");
                    jdbc.update("insert into " + table + " (case_no, " + cols + ") select e.case_no || " + suffix + ", "
                            + prefixed("e", cols) + " from " + table + " e join bench_template_case b on b.case_no = e.case_no");
                }
            }
        }
        jdbc.execute("drop table bench_template_case");
        jdbc.execute("analyze");
        return jdbc.queryForObject("select count(*) from rect_case where status = 'CLOSED'", Long.class);
    }

    /**
     * A campaign of the closed cases' organisation that all of them belong to, for W5's monthly report; returns its code.
     * Bench-only: a campaign row without a process, as the report reads only the campaign, its units and its cases.
     */
    static String campaignOfClosedCases(JdbcTemplate jdbc) {
        String code = "BENCH-W5";
        if (jdbc.queryForObject("select count(*) from campaign where code = ?", Integer.class, code) == 0) {
            String tenant = jdbc.queryForObject("select min(tenant_id) from rect_case where status = 'CLOSED'", String.class);
            jdbc.update("insert into campaign (code, name, template_id, template_name, status, current_phase, started_at, tenant_id)"
                    + " values (?, '基准测试专项', 'bench', '基准测试', 'RUNNING', 0, current_timestamp, ?)", code, tenant);
        }
        jdbc.update("update rect_case set campaign_code = ? where status = 'CLOSED'", code);
        jdbc.execute("analyze");
        return code;
    }

    private static boolean exists(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = current_schema() and table_name = ?",
                Integer.class, table) > 0;
    }

    /** The table's columns less {@code except} and less generated ones (identity, serial), comma-separated. */
    private static String columns(JdbcTemplate jdbc, String table, String... except) {
        List<String> skip = List.of(except);
        return jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name = ? and is_identity = 'NO'
                  and coalesce(column_default, '') not like 'nextval%' and is_generated = 'NEVER'
                order by ordinal_position""", String.class, table).stream()
                .filter(c -> !skip.contains(c)).collect(Collectors.joining(", "));
    }

    private static String prefixed(String alias, String columns) {
        return List.of(columns.split(", ")).stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }
}
