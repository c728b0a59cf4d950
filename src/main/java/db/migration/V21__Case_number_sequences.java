package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Case numbers move from the locked counter rows of {@code rect_case_sequence} to one database
 * sequence per year ({@code rect_case_no_<year>}, see rectification.CaseNumbers), each starting after
 * its year's last number, so numbering goes on where it stood. In Java because the sequences' names
 * and start values come from the rows.
 */
public class V21__Case_number_sequences extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Map<Integer, Long> lastOfYear = new LinkedHashMap<>();
        try (Statement statement = context.getConnection().createStatement()) {
            try (ResultSet rows = statement.executeQuery("select seq_year, last_value from rect_case_sequence")) {
                while (rows.next()) {
                    lastOfYear.put(rows.getInt(1), rows.getLong(2));
                }
            }
            for (Map.Entry<Integer, Long> year : lastOfYear.entrySet()) {
                statement.execute("create sequence if not exists rect_case_no_" + year.getKey()
                        + " start with " + (year.getValue() + 1));
            }
            statement.execute("drop table rect_case_sequence");
        }
    }
}
