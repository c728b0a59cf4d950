package shirongbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's table: printed as it grows, written to report.md and report.json at the end. */
final class Report {

    /**
     * One figure: Shirong's, the anchor's (NaN: none), their ratio as the target reads it (higher is better, NaN: none),
     * and the target in words with whether this run met it (null: no target for this line).
     */
    record Row(String workload, String measure, String unit, double shirong, double anchor, double ratio, String target,
            Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

    void setting(String key, Object value) {
        settings.put(key, value);
    }

    synchronized void add(String workload, String measure, String unit, double shirong, double anchor, double ratio,
            String target, Boolean met) {
        Row row = new Row(workload, measure, unit, shirong, anchor, ratio, target, met);
        rows.add(row);
        System.out.println("[bench] " + line(row));
    }

    synchronized void note(String text) {
        notes.add(text);
        System.out.println("[bench] " + text);
    }

    List<Row> rows() {
        return rows;
    }

    /** Writes report.md and report.json and prints the table. */
    void write(Path dir) {
        System.out.println("[bench] report: " + dir.resolve("report.md") + "\n" + save(dir));
    }

    /** Writes report.md and report.json as they stand (after every workload, so that a run cut short leaves its figures). */
    String save(Path dir) {
        try {
            Files.createDirectories(dir);
            StringBuilder md = new StringBuilder("# Shirong benchmark\n\n");
            md.append("Run ").append(started).append(" on ").append(Runtime.getRuntime().availableProcessors())
                    .append(" CPUs, Java ").append(System.getProperty("java.version")).append(", ")
                    .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(".\n\n");
            md.append("Settings: ").append(settings).append("\n\n");
            md.append("| workload | measure | Shirong | bare Camunda | ratio | target | met |\n|---|---|---|---|---|---|---|\n");
            for (Row row : rows) {
                md.append("| ").append(row.workload()).append(" | ").append(row.measure()).append(" | ")
                        .append(number(row.shirong())).append(' ').append(row.unit()).append(" | ")
                        .append(Double.isNaN(row.anchor()) ? "—" : number(row.anchor()) + " " + row.unit()).append(" | ")
                        .append(Double.isNaN(row.ratio()) ? "—" : String.format(Locale.ROOT, "%.2f", row.ratio())).append(" | ")
                        .append(row.target() == null ? "—" : row.target()).append(" | ")
                        .append(row.met() == null ? "—" : row.met() ? "yes" : "**no**").append(" |\n");
            }
            if (!notes.isEmpty()) {
                md.append("\nNotes:\n");
                notes.forEach(n -> md.append("- ").append(n).append('\n'));
            }
            Files.writeString(dir.resolve("report.md"), md, StandardCharsets.UTF_8);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("started", started);
            json.put("cpus", Runtime.getRuntime().availableProcessors());
            json.put("settings", settings);
            json.put("rows", rows.stream().map(Report::jsonRow).toList());
            json.put("notes", notes);
            Http.JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("report.json").toFile(), json);
            return md.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> jsonRow(Row row) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("workload", row.workload());
        map.put("measure", row.measure());
        map.put("unit", row.unit());
        map.put("shirong", finite(row.shirong()));
        map.put("anchor", finite(row.anchor()));
        map.put("ratio", finite(row.ratio()));
        map.put("target", row.target());
        map.put("met", row.met());
        return map;
    }

    private static Double finite(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    private static String line(Row row) {
        return row.workload() + " " + row.measure() + ": Shirong " + number(row.shirong()) + " " + row.unit()
                + (Double.isNaN(row.anchor()) ? "" : ", bare Camunda " + number(row.anchor()) + " " + row.unit())
                + (Double.isNaN(row.ratio()) ? "" : String.format(Locale.ROOT, ", ratio %.2f", row.ratio()))
                + (row.target() == null ? "" : ", target " + row.target() + (row.met() ? " met" : " NOT met"));
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
