package org.shirong.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.shirong.calendar.WorkingCalendar;

/**
 * One field of a task form that its assignee fills in, as the deployed form states it, and the check of a value
 * submitted for it: text within the form's length (never above what the engine stores), without control characters;
 * a choice (radio, select) one of the form's options; a day (a date picker) a day such as 2026-12-01, as the form
 * sends it, within {@link DateWindow} as of today in the time zone of the form's organisation ({@code zone}, its
 * working calendar's), not the JVM's: a server running in UTC would otherwise take Shanghai's morning for yesterday; a
 * day the form marks as a deadline ({@code workingDay}) also a working day of that calendar, the next one named otherwise.
 * A file input takes a file (or nothing), not Bytes or a text that the step would never read as the file.
 * The form in Tasklist keeps people within these; this keeps a
 * hand-made REST call within them too, with a message naming the field instead of a database or routing error.
 */
record FormField(String key, String label, Kind kind, int maxLength, Map<String, String> options, boolean required,
        DateWindow days, WorkingCalendar calendar, boolean workingDay, SimpleCondition hiddenWhen) {

    /** {@code FUTURE_DAY}: a day picker that, as the form says ({@code disallowPassedDates}), takes no day before today. */
    enum Kind { TEXT, CHOICE, DAY, FUTURE_DAY, CHECKBOX, FILE, OTHER }

    /** Camunda keeps a string process variable in at most 4000 characters (ACT_RU_VARIABLE.TEXT_). */
    static final int ENGINE_TEXT_LIMIT = 4000;
    /** A text field whose form states no length: the width of our own reason and comment columns (varchar(2000)). */
    static final int DEFAULT_MAX_LENGTH = 2000;

    static FormField text(String key, String label, Integer maxLength) {
        int limit = maxLength == null || maxLength <= 0 ? DEFAULT_MAX_LENGTH : Math.min(maxLength, ENGINE_TEXT_LIMIT);
        return new FormField(key, label, Kind.TEXT, limit, Map.of(), false, null, null, false, null);
    }

    /** {@code options}: value → label, in the form's order; a required choice decides where the process goes. */
    static FormField choice(String key, String label, LinkedHashMap<String, String> options, boolean required) {
        return new FormField(key, label, Kind.CHOICE, ENGINE_TEXT_LIMIT, options, required, null, null, false, null);
    }

    /**
     * A date picker's day: what the process reads as a day (工作交办's 完成期限 becomes its task's due date), checked as of
     * today in the time zone of {@code calendar}, the form's organisation's; with {@code workingDay} (a deadline: the form's
     * custom property {@value TaskFormFields#WORKING_DAY}) a working day of that calendar.
     */
    static FormField day(String key, String label, DateWindow days, WorkingCalendar calendar, boolean notBeforeToday,
            boolean workingDay) {
        return new FormField(key, label, notBeforeToday ? Kind.FUTURE_DAY : Kind.DAY, ENGINE_TEXT_LIMIT, Map.of(), false, days,
                calendar, workingDay, null);
    }

    /** A checkbox (yes/no): required, it must be ticked, as Tasklist's form and Camunda Forms require it. */
    static FormField checkbox(String key, String label) {
        return new FormField(key, label, Kind.CHECKBOX, ENGINE_TEXT_LIMIT, Map.of(), false, null, null, false, null);
    }

    /**
     * A file input ({@code cam-variable-type="File"}): a photo or an attachment, which the step reads only as a file;
     * another type (Bytes, a text, a document) would pass unread, so that the task were done without it and no one told.
     */
    static FormField file(String key, String label) {
        return new FormField(key, label, Kind.FILE, ENGINE_TEXT_LIMIT, Map.of(), false, null, null, false, null);
    }

    static FormField other(String key, String label) {
        return new FormField(key, label, Kind.OTHER, ENGINE_TEXT_LIMIT, Map.of(), false, null, null, false, null);
    }

    /**
     * This field, required as the form says ({@code validate.required}) unless {@code hiddenWhen} (the form's
     * {@code conditional.hide}, null for none) holds for the values the completion leaves the task with: Tasklist neither
     * shows nor sends a hidden field.
     */
    FormField required(boolean isRequired, SimpleCondition hiddenWhen) {
        return new FormField(key, label, kind, maxLength, options, isRequired, days, calendar, workingDay, hiddenWhen);
    }

    /**
     * Whether this required field is left empty (no value, or blank text; a checkbox not ticked) while the form shows it: {@code values} are
     * what the completion leaves the task with, what it sends or else what the task has. A hide condition that cannot be
     * decided for these values (a text compared with a number) does not require the field.
     */
    boolean missingIn(java.util.function.Function<String, Object> values) {
        if (!required || hiddenWhen != null && !Boolean.FALSE.equals(hiddenWhen.evaluate(values))) {
            return false;
        }
        Object value = values.apply(key);
        if (kind == Kind.CHECKBOX) {
            return !Boolean.TRUE.equals(value) && !"true".equals(value);
        }
        return value == null || value instanceof String text && text.isBlank();
    }

    /**
     * Why {@code sent} (a value or a typed value, as sent) cannot be taken for this field; empty when it can (a required
     * field left empty is {@link #missingIn}'s business). An object value (JSON, XML, Java) is no text, choice or day whatever its serialized text
     * says: stored as such, it failed the process's own reading of it (a 500) or, unread, every later reading of the
     * case's variables.
     */
    Optional<String> problem(Object sent) {
        if (kind == Kind.OTHER || kind == Kind.CHECKBOX) {
            return Optional.empty();
        }
        if (kind == Kind.FILE) {
            return fileProblem(sent);
        }
        if (sent instanceof SerializableValue) {
            return Optional.of(kind == Kind.DAY || kind == Kind.FUTURE_DAY ? "“%s”应为日期，如 2026-12-01".formatted(label) : "“" + label + "”应填写文字");
        }
        Object value = sent instanceof TypedValue typed ? typed.getValue() : sent;
        if (value == null) {
            return Optional.empty(); // a required field left empty is answered by missingIn, which knows what the form hides
        }
        if (kind == Kind.CHOICE) {
            return options.containsKey(value) ? Optional.empty()
                    : Optional.of("“" + label + "”只能选择" + options.values().stream().map(o -> "“" + o + "”")
                            .collect(Collectors.joining("、")) + "之一");
        }
        if (kind == Kind.DAY || kind == Kind.FUTURE_DAY) {
            return dayProblem(value);
        }
        if (!(value instanceof String text)) {
            // a date, number or yes/no sent for a text field is the step's to read; bytes, a file or a JSON or XML document
            // would pass as text unchecked, past the form's length ("[B@6d06…" or a document in 整改措施)
            return value instanceof Number || value instanceof Boolean || value instanceof java.util.Date ? Optional.empty()
                    : Optional.of("“" + label + "”应填写文字");
        }
        Optional<String> characters = TextInput.problem("“" + label + "”", text, true);
        if (characters.isPresent()) {
            return characters;
        }
        int length = text.codePointCount(0, text.length());
        return length > maxLength
                ? Optional.of("“%s”不能超过 %d 个字（现有 %d 个字）".formatted(label, maxLength, length))
                : Optional.empty();
    }

    /** A file (Tasklist sends one without content when none is chosen) or nothing; Bytes or any other type names the field (s55 S4). */
    private Optional<String> fileProblem(Object sent) {
        if (sent instanceof FileValue || sent == null || sent instanceof TypedValue typed && typed.getValue() == null) {
            return Optional.empty();
        }
        String type = sent instanceof TypedValue typed && typed.getType() != null ? typed.getType().getName() : "";
        String shown = type.isEmpty() ? "其他" : Character.toUpperCase(type.charAt(0)) + type.substring(1);
        return Optional.of("“%s”须以文件上传（type 为 File），不能以 %s 类型提交".formatted(label, shown));
    }

    private Optional<String> dayProblem(Object value) {
        LocalDate day;
        try {
            day = LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            return Optional.of("“%s”应为日期，如 2026-12-01".formatted(label));
        }
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
        if (kind == Kind.FUTURE_DAY && day.isBefore(today)) {
            return Optional.of("“%s”不能早于今天（%s）：%s 已经过去".formatted(label, today, day));
        }
        Optional<String> outside = days.problem("“" + label + "”", day, today);
        return outside.isPresent() || !workingDay ? outside : calendar.deadlineDayProblem("“" + label + "”", day);
    }

    String missing() {
        return (kind == Kind.CHOICE ? "请选择“" : kind == Kind.CHECKBOX ? "请勾选“" : "请填写“") + label + "”";
    }
}
