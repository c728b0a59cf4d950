package org.shirong.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.shirong.calendar.WorkingCalendar;

/**
 * The fields a task's deployed form lets its assignee fill in (and a process's start form the one who starts it), by
 * variable name: Camunda Forms components with a key that are neither read-only nor disabled, and embedded HTML inputs
 * with {@code cam-variable-name} that are not read-only; each with its label, length and options ({@link FormField}), and
 * whether it is required (an HTML input's {@code required} attribute, or {@code shirong-required} where the form says what
 * is missing beside the field itself instead of greying out 完成 (jtphone-s61 F4; not {@code data-required}, which Angular
 * reads as {@code required}): a text, a choice, a checkbox to be ticked; the
 * HTML form's own {@code ng-show}/{@code ng-if} are not read, so a field required only sometimes is its step's to check).
 * Read once per process definition and task (or start), since a deployed form never changes.
 */
class TaskFormFields {

    /** The start event's extension property naming the variables a start takes besides its start form's fields. */
    static final String START_VARIABLES = "startVariables";
    /**
     * A date picker's custom property ({@code "properties": {"workingDay": "true"}}) marking its day as a deadline, which
     * must be a working day of the organisation's calendar (工作交办's 完成期限), as a 延期至 or a decision's 期限 must.
     */
    static final String WORKING_DAY = "workingDay";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HTML_FIELD = Pattern.compile(
            "<(input|textarea|select)\\b[^>]*\\bcam-variable-name\\s*=\\s*\"([^\"]+)\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern READONLY = Pattern.compile("\\s(?:readonly|disabled)(?:\\s|=|/?>)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUIRED = Pattern.compile("\\s(?:shirong-)?required(?:\\s|=|/?>)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_TYPE = Pattern.compile("\\bcam-variable-type\\s*=\\s*\"File\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID = Pattern.compile("\\bid\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAX_LENGTH = Pattern.compile("\\bmaxlength\\s*=\\s*\"(\\d{1,6})\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile("<label\\b[^>]*\\bfor\\s*=\\s*\"([^\"]+)\"[^>]*>(.*?)</label>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /**
     * A label's own name for its field ({@code data-label="协办情况"}), taken before its text: where the text is an Angular
     * binding ({@code {{ noteLabel() }}}) or a button's (从相册选择). Otherwise the field's first label whose text is no binding.
     */
    private static final Pattern DATA_LABEL = Pattern.compile("^<label\\b[^>]*\\bdata-label\\s*=\\s*\"([^\"]+)\"",
            Pattern.CASE_INSENSITIVE);
    /** A field's own name for itself ({@code data-label="延期至"}), for a hidden field that no label is {@code for}. */
    private static final Pattern INPUT_DATA_LABEL = Pattern.compile("\\bdata-label\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b[^>]*\\bvalue\\s*=\\s*\"([^\"]*)\"[^>]*>(.*?)</option>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern FETCHED = Pattern.compile("\\bfetchVariable\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");
    private static final Set<String> TEXT_COMPONENTS = Set.of("textfield", "textarea", "datetime");
    private static final Set<String> CHOICE_COMPONENTS = Set.of("radio", "select");
    private static final Set<String> REQUIRABLE_COMPONENTS = Set.of("radio", "select", "textfield", "textarea", "number", "datetime",
            "checkbox");
    private static final Pattern CHECKBOX_TYPE = Pattern.compile("\\btype\\s*=\\s*\"checkbox\"", Pattern.CASE_INSENSITIVE);

    /**
     * A deployed form: the fields its assignee fills in, by variable name; the label of every field it shows by variable
     * name, read-only ones included (what a refusal to change one calls it); and every variable it shows or reads, which
     * Tasklist may send back unchanged: its fields, read-only ones included, and what an embedded form's script fetches
     * ({@code fetchVariable}), which Tasklist sends back too.
     */
    record Form(Map<String, FormField> editable, Map<String, String> labels, Set<String> shown, List<FormField> required) {

        static final Form NONE = new Form(Map.of(), Map.of(), Set.of(), List.of());

        /** What the form calls the variable: its label, or the name itself when the form has no field for it. */
        String label(String name) {
            return labels.getOrDefault(name, name);
        }

        /** Whether the variable is one the form shows or reads. */
        boolean shows(String name) {
            return shown.contains(name);
        }

        /** The number of variables the form shows or reads: what one submission of it may send at most. */
        int size() {
            return shown.size();
        }
    }

    private final Map<String, Form> editableByTaskDefinition = new ConcurrentHashMap<>();
    private final DateWindow days;
    private final Function<String, WorkingCalendar> calendars;

    /**
     * {@code calendars}: the working calendar of an organisation (tenant id, null for none), in whose time zone its forms'
     * days are read and by which a deadline's day is a working day or not.
     */
    TaskFormFields(DateWindow days, Function<String, WorkingCalendar> calendars) {
        this.days = days;
        this.calendars = calendars;
    }

    Form editable(TaskEntity task, CommandContext commandContext) {
        String key = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
        if (task.getProcessDefinitionId() == null) {
            return read(new GetDeployedTaskFormCmd(task.getId()), commandContext, days, calendars.apply(task.getTenantId()));
        }
        return editableByTaskDefinition.computeIfAbsent(key,
                k -> read(new GetDeployedTaskFormCmd(task.getId()), commandContext, days, calendars.apply(task.getTenantId())));
    }

    /**
     * The fields of the process definition's start form (none when it has no deployed form), and as text fields up to
     * what the engine stores the variables its start event names in its extension property {@value #START_VARIABLES}
     * (comma-separated): what the start takes besides its form, which its start listener checks (the campaign's
     * {@code dates}, which Shirong's API sends).
     */
    Form editableAtStart(ProcessDefinitionEntity definition, CommandContext commandContext) {
        return editableByTaskDefinition.computeIfAbsent(definition.getId() + "#start", k -> {
            Form form = read(new GetDeployedStartFormCmd(definition.getId()), commandContext, days, calendars.apply(definition.getTenantId()));
            Set<String> declared = startVariables(definition, commandContext);
            if (declared.isEmpty()) {
                return form;
            }
            Map<String, FormField> editable = new HashMap<>(form.editable());
            Set<String> shown = new HashSet<>(form.shown());
            declared.forEach(name -> {
                editable.putIfAbsent(name, FormField.text(name, form.label(name), FormField.ENGINE_TEXT_LIMIT));
                shown.add(name);
            });
            return new Form(Map.copyOf(editable), form.labels(), Set.copyOf(shown), form.required());
        });
    }

    private static Set<String> startVariables(ProcessDefinitionEntity definition, CommandContext commandContext) {
        ActivityImpl start = definition.getInitial();
        if (start == null) {
            return Set.of();
        }
        BpmnModelInstance model = commandContext.runWithoutAuthorization(() -> commandContext.getProcessEngineConfiguration()
                .getDeploymentCache().findBpmnModelInstanceForProcessDefinition(definition));
        if (model == null || !(model.getModelElementById(start.getId()) instanceof BaseElement event)
                || event.getExtensionElements() == null) {
            return Set.of();
        }
        return event.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> START_VARIABLES.equals(property.getCamundaName()) && property.getCamundaValue() != null)
                .flatMap(property -> Arrays.stream(property.getCamundaValue().split(",")))
                .map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
    }

    private static Form read(Command<InputStream> deployedForm, CommandContext commandContext,
            DateWindow days, WorkingCalendar calendar) {
        byte[] form;
        // Without the caller's authorization and tenant checks: what is read here is cached for everyone, and a caller of
        // another organisation (whose command the engine then refuses) must not leave the form unreadable, i.e. no field
        // fillable, for the task's own unit.
        boolean tenantCheck = commandContext.isTenantCheckEnabled();
        commandContext.disableTenantCheck();
        try {
            form = commandContext.runWithoutAuthorization(() -> {
                try (InputStream in = deployedForm.execute(commandContext)) {
                    return in.readAllBytes();
                }
            });
        } catch (ProcessEngineException noDeployedForm) {
            return Form.NONE;
        } finally {
            if (tenantCheck) {
                commandContext.enableTenantCheck();
            }
        }
        String text = new String(form, StandardCharsets.UTF_8).strip();
        return text.startsWith("{") ? camundaFormFields(text, days, calendar) : htmlFormFields(text);
    }

    static Form camundaFormFields(String json, DateWindow days, WorkingCalendar calendar) {
        Map<String, FormField> fields = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        Set<String> shown = new HashSet<>();
        try {
            collect(JSON.readTree(json), fields, labels, shown, days, calendar, List.of());
        } catch (IOException unreadable) {
            return Form.NONE;
        }
        return new Form(Map.copyOf(fields), Map.copyOf(labels), Set.copyOf(shown),
                fields.values().stream().filter(FormField::required).toList());
    }

    /** {@code hides}: the {@code conditional.hide} expressions of the groups around {@code node}'s components. */
    private static void collect(JsonNode node, Map<String, FormField> fields, Map<String, String> labels, Set<String> shown,
            DateWindow days, WorkingCalendar calendar, List<String> hides) {
        for (JsonNode component : node.path("components")) {
            List<String> hidden = hides;
            if (component.path("conditional").path("hide").isTextual()) {
                hidden = new ArrayList<>(hides);
                hidden.add(component.path("conditional").path("hide").asText());
            }
            if (component.path("key").isTextual()) {
                String key = component.get("key").asText();
                shown.add(key);
                if (component.path("label").isTextual() && !component.path("label").asText().isBlank()) {
                    labels.put(key, component.path("label").asText().strip());
                }
                if (!component.path("readonly").asBoolean(false) && !component.path("disabled").asBoolean(false)) {
                    fields.put(key, required(field(component, key, days, calendar), component, hidden));
                }
            }
            collect(component, fields, labels, shown, days, calendar, hidden);
        }
    }

    /**
     * The field, required when the form says so ({@code validate.required}) and it is a choice, text, number, date or
     * checkbox (which must then be ticked): a required list (checklist, taglist) is left to its step. Its {@code conditional.hide} (and its groups') is taken into account
     * when it is simple enough for {@link SimpleCondition} (compare fields with text, yes/no, a number or null, joined by
     * and/or/not); a field with any other hide condition is not required at all, since whether Tasklist shows (and sends)
     * it cannot be told here.
     */
    private static FormField required(FormField field, JsonNode component, List<String> hides) {
        if (!component.path("validate").path("required").asBoolean(false)
                || !REQUIRABLE_COMPONENTS.contains(component.path("type").asText(""))) {
            return field.required(false, null);
        }
        SimpleCondition hiddenWhen = null;
        for (String hide : hides) {
            Optional<SimpleCondition> condition = SimpleCondition.feel(hide);
            if (condition.isEmpty()) {
                return field.required(false, null);
            }
            hiddenWhen = hiddenWhen == null ? condition.get() : hiddenWhen.or(condition.get());
        }
        return field.required(true, hiddenWhen);
    }

    private static FormField field(JsonNode component, String key, DateWindow days, WorkingCalendar calendar) {
        String type = component.path("type").asText("");
        String label = component.path("label").asText(key);
        LinkedHashMap<String, String> options = new LinkedHashMap<>();
        for (JsonNode option : component.path("values")) {
            options.put(option.path("value").asText(), option.path("label").asText(option.path("value").asText()));
        }
        if (CHOICE_COMPONENTS.contains(type) && !options.isEmpty()) {
            return FormField.choice(key, label, options, component.path("validate").path("required").asBoolean(false));
        }
        if ("datetime".equals(type) && "date".equals(component.path("subtype").asText())) {
            return FormField.day(key, component.path("dateLabel").asText(label), days, calendar,
                    component.path("disallowPassedDates").asBoolean(false),
                    component.path("properties").path(WORKING_DAY).asText("").equals("true"));
        }
        if ("checkbox".equals(type)) {
            return FormField.checkbox(key, label);
        }
        if (TEXT_COMPONENTS.contains(type) || CHOICE_COMPONENTS.contains(type)) {
            JsonNode maxLength = component.path("validate").path("maxLength");
            return FormField.text(key, label, maxLength.isInt() ? maxLength.asInt() : null);
        }
        return FormField.other(key, label);
    }

    static Form htmlFormFields(String html) {
        Map<String, String> labels = new HashMap<>();
        Matcher label = LABEL.matcher(html);
        while (label.find()) {
            Matcher given = DATA_LABEL.matcher(label.group());
            String text = plainText(label.group(2));
            if (given.find()) {
                labels.put(label.group(1), given.group(1).strip());
            } else if (!text.isBlank() && !text.contains("{{")) {
                labels.putIfAbsent(label.group(1), text);
            }
        }
        Map<String, FormField> fields = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        Set<String> shown = new HashSet<>();
        Matcher fetched = FETCHED.matcher(html);
        while (fetched.find()) {
            shown.add(fetched.group(1));
        }
        Matcher field = HTML_FIELD.matcher(html);
        while (field.find()) {
            String tag = field.group();
            String key = field.group(2);
            shown.add(key);
            Matcher id = ID.matcher(tag);
            // a hidden field a script fills from a visible one (延期至's day picker) names itself: data-label="延期至"
            Matcher own = INPUT_DATA_LABEL.matcher(tag);
            String name = own.find() ? own.group(1).strip() : id.find() ? labels.getOrDefault(id.group(1), key) : key;
            if (!name.isBlank() && !name.equals(key)) {
                names.putIfAbsent(key, name);
            }
            if (READONLY.matcher(tag).find()) {
                continue;
            }
            boolean required = REQUIRED.matcher(tag).find();
            if (FILE_TYPE.matcher(tag).find()) {
                fields.put(key, FormField.file(key, name));
            } else if (field.group(1).equalsIgnoreCase("select")) {
                fields.put(key, selectField(html, field.end(), key, name, required));
            } else if (CHECKBOX_TYPE.matcher(tag).find()) {
                fields.put(key, FormField.checkbox(key, name).required(required, null));
            } else {
                Matcher maxLength = MAX_LENGTH.matcher(tag);
                fields.put(key, FormField.text(key, name, maxLength.find() ? Integer.valueOf(maxLength.group(1)) : null)
                        .required(required, null));
            }
        }
        return new Form(Map.copyOf(fields), Map.copyOf(names), Set.copyOf(shown),
                fields.values().stream().filter(FormField::required).toList());
    }

    /** A select's options: those up to its closing tag, which follows its opening tag at {@code from}. */
    private static FormField selectField(String html, int from, String key, String name, boolean required) {
        int end = html.toLowerCase(java.util.Locale.ROOT).indexOf("</select>", from);
        LinkedHashMap<String, String> options = new LinkedHashMap<>();
        Matcher option = OPTION.matcher(end < 0 ? "" : html.substring(from, end));
        while (option.find()) {
            if (!option.group(1).isEmpty()) { // a prompt (请选择…), which no one can choose: the field is left empty
                options.put(option.group(1), plainText(option.group(2)));
            }
        }
        return options.isEmpty() ? FormField.text(key, name, null) : FormField.choice(key, name, options, required);
    }

    private static String plainText(String html) {
        return TAG.matcher(html).replaceAll("").strip();
    }
}
