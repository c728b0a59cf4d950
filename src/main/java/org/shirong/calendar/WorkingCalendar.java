package org.shirong.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.shirong.system.StartupRefusals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Office time on working days in the town's time zone: weekends are off unless listed as make-up
 * working days (调休上班), listed holidays are off even on weekdays, and dates outside the loaded
 * years follow the plain weekday/weekend rule. Turns {@link TimeLimit}s into due and warning instants.
 */
@Component
public final class WorkingCalendar {

    private final ZoneId zone;
    private final OfficeHours officeHours;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpDays;
    private final List<Integer> years;
    private final List<Integer> provisionalYears;

    @Autowired
    WorkingCalendar(WorkingCalendarLoader loader) {
        this(checked(loader));
    }

    /** The calendar files; in a check ({@link StartupRefusals}) the bundled ones in place of refused ones, so that the check goes on. */
    private static CalendarFiles checked(WorkingCalendarLoader loader) {
        StartupRefusals.Stage stage = StartupRefusals.stage(WorkingCalendars.STAGE);
        var files = stage.get(null, loader::load);
        stage.end();
        return files.orElseGet(WorkingCalendarLoader::readBundled);
    }

    private WorkingCalendar(CalendarFiles files) {
        zone = ZoneId.of(files.settings().timeZone());
        officeHours = OfficeHours.parse(files.settings().officeHours());
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> on = new HashSet<>();
        for (YearSchedule year : files.years()) {
            year.holidays().forEach(h -> h.from().datesUntil(h.to().plusDays(1)).forEach(off::add));
            year.makeUpDays().forEach(m -> on.add(m.date()));
        }
        holidays = Set.copyOf(off);
        makeUpDays = Set.copyOf(on);
        years = files.years().stream().map(YearSchedule::year).sorted().toList();
        provisionalYears = files.years().stream().filter(YearSchedule::isProvisional).map(YearSchedule::year).sorted().toList();
    }

    private WorkingCalendar(WorkingCalendar shared, ZoneId zone, OfficeHours officeHours) {
        this.zone = zone;
        this.officeHours = officeHours;
        holidays = shared.holidays;
        makeUpDays = shared.makeUpDays;
        years = shared.years;
        provisionalYears = shared.provisionalYears;
    }

    /** This calendar's holidays and make-up days with an organisation's own time zone and office hours where it sets them. */
    WorkingCalendar with(OrganizationCalendarSettings own) {
        return new WorkingCalendar(this, own.timeZone() == null ? zone : ZoneId.of(own.timeZone()),
                own.officeHours() == null ? officeHours : OfficeHours.parse(own.officeHours()));
    }

    /** A calendar from already parsed (and, when they come from files, checked) configuration. */
    static WorkingCalendar of(CalendarSettings settings, List<YearSchedule> years) {
        return new WorkingCalendar(new CalendarFiles(settings, years));
    }

    /** The calendar bundled with the application ({@code config/calendar/} on the classpath), e.g. for tests. */
    public static WorkingCalendar bundled() {
        return new WorkingCalendar(WorkingCalendarLoader.readBundled());
    }

    /** The instant at which {@code workingTime} of office time has passed, counting from {@code start}. */
    public Instant addWorkingTime(Instant start, Duration workingTime) {
        Objects.requireNonNull(start, "start");
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("工作时间不能为负数: " + workingTime);
        }
        if (workingTime.isZero()) {
            return start;
        }
        Duration remaining = workingTime;
        for (LocalDate day = LocalDate.ofInstant(start, zone); ; day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (OfficeHours.Interval interval : officeHours.intervals()) {
                Instant open = latest(start, day.atTime(interval.start()).atZone(zone).toInstant());
                Instant close = day.atTime(interval.end()).atZone(zone).toInstant();
                if (!close.isAfter(open)) {
                    continue;
                }
                Duration available = Duration.between(open, close);
                if (remaining.compareTo(available) <= 0) {
                    return open.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /** The office time between two instants; negative when {@code to} is before {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (OfficeHours.Interval interval : officeHours.intervals()) {
                Instant open = latest(from, day.atTime(interval.start()).atZone(zone).toInstant());
                Instant close = earliest(to, day.atTime(interval.end()).atZone(zone).toInstant());
                if (close.isAfter(open)) {
                    total = total.plus(Duration.between(open, close));
                }
            }
        }
        return total;
    }

    /** When {@code limit}, counted from {@code start}, runs out. */
    public Instant due(Instant start, TimeLimit limit) {
        return at(start, limit, 1.0);
    }

    /**
     * When the given fraction of {@code limit} has been used: 0.8 for the yellow warning, 1.0 for the
     * due instant, 2.0 for escalation. Working units count office time (a working day is one full
     * office day of it); calendar days are plain 24-hour days.
     */
    public Instant at(Instant start, TimeLimit limit, double fraction) {
        if (!(fraction >= 0) || Double.isInfinite(fraction)) {
            throw new IllegalArgumentException("比例必须是非负数: " + fraction);
        }
        return switch (limit.unit()) {
            case WORKING_HOURS -> addWorkingTime(start, scale(Duration.ofHours(limit.amount()), fraction));
            case WORKING_DAYS -> addWorkingTime(start, scale(officeDay().multipliedBy(limit.amount()), fraction));
            case CALENDAR_DAYS -> start.plus(scale(Duration.ofDays(limit.amount()), fraction));
        };
    }

    /**
     * When {@code limit}, counted from {@code start}, runs out, moved on to the end of that office day: a deadline given
     * in working days ends, as the others do, at the closing time (Thursday 09:21 + 3 工作日 → Tuesday 17:00, not 09:21).
     * The instant a limit runs out always lies within office hours of a working day, so the day is one the office works.
     */
    public Instant dueByClosing(Instant start, TimeLimit limit) {
        Instant due = due(start, limit);
        return LocalDate.ofInstant(due, zone).atTime(closingTime()).atZone(zone).toInstant();
    }

    /** The office time of one full working day, the length of "1 工作日". */
    public Duration officeDay() {
        return officeHours.perDay();
    }

    /** When the office day ends (the end of its last office hours): the due time of work given "by the end of the day". */
    public LocalTime closingTime() {
        return officeHours.intervals().get(officeHours.intervals().size() - 1).end();
    }

    /** Whether the office works on that day (make-up days included, holidays and ordinary weekends not). */
    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        if (makeUpDays.contains(date)) {
            return true;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * How many working days a deadline {@code due} is behind at {@code now}: the working days after the deadline's day up
     * to and including {@code now}'s day (0 when it passed today or on a day off since); 0 when not yet passed.
     */
    public int workingDaysLate(Instant due, Instant now) {
        int late = 0;
        LocalDate last = LocalDate.ofInstant(now, zone);
        for (LocalDate day = LocalDate.ofInstant(due, zone).plusDays(1); !day.isAfter(last) && now.isAfter(due); day = day.plusDays(1)) {
            late += isWorkingDay(day) ? 1 : 0;
        }
        return late;
    }

    /** The first day from {@code day} on (itself included) on which the office works. */
    public LocalDate workingDayFrom(LocalDate day) {
        LocalDate working = day;
        for (int i = 0; i < 366 && !isWorkingDay(working); i++) {
            working = working.plusDays(1);
        }
        return working;
    }

    /**
     * The last day up to {@code day} (itself included) on which the office works: where a deadline computed from dates
     * (a phase's end, a plan item's finish-by) that falls on a weekend or holiday moves, so the work is due before the
     * office stops, not on a day nobody is there.
     */
    public LocalDate workingDayUntil(LocalDate day) {
        LocalDate working = day;
        for (int i = 0; i < 366 && !isWorkingDay(working); i++) {
            working = working.minusDays(1);
        }
        return working;
    }

    /** The end of the office day of {@link #workingDayUntil}({@code day}): a date's deadline, on a working day. */
    public java.time.Instant closingOnOrBefore(LocalDate day) {
        return workingDayUntil(day).atTime(closingTime()).atZone(zone()).toInstant();
    }

    /**
     * Why {@code day}, typed as a deadline for {@code label} (延期至, a decision's 期限), cannot be one: a deadline is the end of
     * office hours that day, and on a weekend or holiday the office does not work (its cycles move to the next working day
     * likewise). The refusal names the next working day; empty on a working day.
     */
    public Optional<String> deadlineDayProblem(String label, LocalDate day) {
        if (isWorkingDay(day)) {
            return Optional.empty();
        }
        LocalDate next = workingDayFrom(day);
        String weekday = day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA);
        return Optional.of("%s %s（%s）是%s，期限须为工作日：请改为下一个工作日 %s".formatted(label, day, weekday,
                holidays.contains(day) ? "节假日" : "休息日", next));
    }

    OfficeHours officeHours() {
        return officeHours;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The last day of the last loaded year; later dates know no holidays. */
    public LocalDate coveredUntil() {
        return LocalDate.of(years.get(years.size() - 1), 12, 31);
    }

    /** Whether every year from {@code today} to 12 months later is loaded (provisional years count). */
    public boolean coversNext12Months(LocalDate today) {
        return missingYears(today).isEmpty();
    }

    /** The loaded years that hold only the statutory holidays, not the State Council's schedule. */
    public List<Integer> provisionalYears() {
        return provisionalYears;
    }

    /**
     * What a page or document whose dates run from {@code from} to {@code to} (both included) must say about the calendar
     * its working days and deadlines were counted on (DOMAIN §6): one Chinese line per year of the span that is
     * provisional (statutory holidays only, no 调休) or lies beyond the last year loaded; none when every year is the
     * State Council's. Years before the first loaded one (a campaign of 2024 kept for its records) are passed over.
     */
    public List<String> warnings(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            return List.of();
        }
        return IntStream.rangeClosed(from.getYear(), to.getYear()).boxed().flatMap(year -> provisionalYears.contains(year)
                ? Stream.of(year + "年工作日历为暂定（仅法定节日，没有调休），待国务院办公厅公布放假安排后更新；"
                        + "落在" + year + "年的工作日和期限届时可能变化。")
                : years.contains(year) || year < years.get(0) ? Stream.<String>empty()
                : Stream.of(year + "年尚无工作日历，该年只按周末休息计算工作日和期限，请添加该年的放假安排。"))
                .toList();
    }

    /** Years within the 12 months from {@code today} that no loaded file covers. */
    List<Integer> missingYears(LocalDate today) {
        return IntStream.rangeClosed(today.getYear(), lastOfNext12Months(today).getYear())
                .boxed().filter(y -> !years.contains(y)).toList();
    }

    static LocalDate lastOfNext12Months(LocalDate today) {
        return today.plusMonths(12).minusDays(1);
    }

    private static Duration scale(Duration duration, double fraction) {
        return Duration.ofMillis(Math.round(duration.toMillis() * fraction));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
