package org.shirong.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.shirong.system.ConfigFile;
import org.shirong.system.ConfigYaml;
import org.shirong.system.StartupRefusedException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Reads and checks the calendar folder: {@code calendar.yaml} and the {@code <year>.yaml} files it
 * lists, and an organisation's own {@code calendar.yaml}. Each file is taken from the configured folder
 * if present there, else from the bundled defaults; every problem refuses start-up naming the file and the field.
 */
@Component
class WorkingCalendarLoader {

    static final String SETTINGS = "calendar.yaml";
    private static final String BUNDLED = "config/calendar/";
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.yaml");
    private static final ObjectMapper YAML = ConfigYaml.mapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** A calendar file's text and where it was found (for messages). */
    record CalendarFile(String location, String text) {
    }

    private final CalendarProperties properties;

    WorkingCalendarLoader(CalendarProperties properties) {
        this.properties = properties;
    }

    /** The calendar in force: the configured folder over the bundled defaults, checked. */
    CalendarFiles load() {
        Path folder = externalFolder();
        return read(name -> findIn(folder, name).or(() -> findBundled(name)), yearFilesIn(folder));
    }

    /** Where the office puts its own calendar files. */
    Path externalFolder() {
        Path folder = Path.of(properties.folder());
        return folder.isAbsolute() ? folder : Path.of("config").resolve(folder);
    }

    static CalendarFiles readBundled() {
        return read(WorkingCalendarLoader::findBundled, List.of());
    }

    /**
     * Reads {@code calendar.yaml} and its year files through {@code finder}; {@code presentYears} are
     * year files found in the office's folder, each of which must be listed in {@code years}.
     */
    static CalendarFiles read(Function<String, Optional<CalendarFile>> finder, List<Integer> presentYears) {
        CalendarFile settingsFile = finder.apply(SETTINGS)
                .orElseThrow(() -> refused(SETTINGS, List.of("找不到该文件（已查找配置文件夹与内置默认文件）")));
        CalendarSettings settings = parse(settingsFile, CalendarSettings.class);
        List<String> problems = new ArrayList<>(CalendarChecks.settings(settings));
        presentYears.stream().filter(y -> !settings.years().contains(y)).forEach(y -> problems.add(
                "years: 配置文件夹中有 " + y + ".yaml，但 years 未列出 " + y + "（请在 years 中加入 " + y + "，或删除该文件）"));
        if (!problems.isEmpty()) {
            throw refused(settingsFile.location(), problems);
        }
        List<YearSchedule> years = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < settings.years().size(); i++) {
            int year = settings.years().get(i);
            String name = year + ".yaml";
            String field = "years[" + i + "]";
            CalendarFile file = finder.apply(name).orElseThrow(() -> refused(settingsFile.location(),
                    List.of(field + ": 列出了 " + year + " 年，但找不到文件 " + name)));
            YearSchedule schedule = parse(file, YearSchedule.class);
            List<String> yearProblems = CalendarChecks.year(schedule, year, name);
            if (!yearProblems.isEmpty()) {
                throw refused(file.location(), yearProblems);
            }
            years.add(schedule);
            locations.add(file.location());
        }
        checkAcrossFiles(years, locations);
        return new CalendarFiles(settings, years);
    }

    /**
     * An organisation's own {@code calendar.yaml} ({@code file} as {@link ConfigFile} finds it: in the configured
     * organisations folder, else bundled), checked.
     */
    static OrganizationCalendarSettings readOrganization(String file) {
        CalendarFile found = ConfigFile.read(file, "组织的工作日历文件", (in, location) -> {
            try {
                return new CalendarFile(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw refused(location, List.of("无法读取: " + e.getMessage()));
            }
        }, WorkingCalendarLoader::refused);
        OrganizationCalendarSettings settings = parse(found, OrganizationCalendarSettings.class);
        List<String> problems = CalendarChecks.organization(settings);
        if (!problems.isEmpty()) {
            throw refused(found.location(), problems);
        }
        return settings;
    }

    /** A make-up day of one file must not be a holiday of another (possible around New Year). */
    private static void checkAcrossFiles(List<YearSchedule> years, List<String> locations) {
        Map<LocalDate, String> holidayIn = new HashMap<>();
        for (int f = 0; f < years.size(); f++) {
            for (var holiday : years.get(f).holidays()) {
                String where = locations.get(f) + " 中的" + holiday.name();
                holiday.from().datesUntil(holiday.to().plusDays(1)).forEach(d -> holidayIn.putIfAbsent(d, where));
            }
        }
        for (int f = 0; f < years.size(); f++) {
            List<YearSchedule.MakeUpDay> makeUps = years.get(f).makeUpDays();
            for (int i = 0; i < makeUps.size(); i++) {
                String where = holidayIn.get(makeUps.get(i).date());
                if (where != null) {
                    throw refused(locations.get(f), List.of("make-up-days[" + i + "].date: " + makeUps.get(i).date()
                            + " 在 " + where + "假期内"));
                }
            }
        }
    }

    private static <T> T parse(CalendarFile file, Class<T> type) {
        T value;
        try {
            value = YAML.readValue(file.text(), type);
        } catch (JsonMappingException e) {
            if (file.text().isBlank()) {
                throw refused(file.location(), List.of("文件为空"));
            }
            if (ConfigYaml.isSyntax(e)) {
                throw refused(file.location(), List.of(ConfigYaml.problem(e)));
            }
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String reason = e instanceof UnrecognizedPropertyException unknown
                    ? "未知字段（可用字段: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ")) + "）"
                    : e.getOriginalMessage();
            var location = e.getLocation();
            throw refused(file.location(), List.of("%s（第 %d 行）: %s".formatted(field.isEmpty() ? "文件" : field,
                    location == null ? 0 : location.getLineNr(), reason)));
        } catch (IOException e) {
            throw refused(file.location(), List.of(ConfigYaml.problem(e)));
        }
        if (value == null) {
            throw refused(file.location(), List.of("文件为空"));
        }
        return value;
    }

    private static Optional<CalendarFile> findIn(Path folder, String name) {
        Path path = folder.resolve(name);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CalendarFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw refused(path.toString(), List.of("无法读取: " + e.getMessage()));
        }
    }

    private static Optional<CalendarFile> findBundled(String name) {
        ClassPathResource bundled = new ClassPathResource(BUNDLED + name);
        if (!bundled.exists()) {
            return Optional.empty();
        }
        try (InputStream in = bundled.getInputStream()) {
            return Optional.of(new CalendarFile("classpath:" + BUNDLED + name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw refused("classpath:" + BUNDLED + name, List.of("无法读取: " + e.getMessage()));
        }
    }

    private static List<Integer> yearFilesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> YEAR_FILE.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).map(m -> Integer.valueOf(m.group(1))).sorted().toList();
        } catch (IOException e) {
            throw refused(folder.toString(), List.of("无法读取文件夹: " + e.getMessage()));
        }
    }

    private static StartupRefusedException refused(String fileName, List<String> problems) {
        return new StartupRefusedException("工作日历文件 " + fileName + " 有误：\n  - " + String.join("\n  - ", problems),
                "请修改该文件后重新启动。");
    }
}
