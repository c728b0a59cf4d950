package org.shirong.campaign;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.shirong.campaign.CampaignTemplate.Item;
import org.shirong.campaign.CampaignTemplate.Participant;
import org.shirong.campaign.CampaignTemplate.TaskDefinition;
import org.shirong.organization.Organization;
import org.shirong.rectification.Category;
import org.shirong.system.ConfigYaml;
import org.shirong.system.StartupRefusedException;

/**
 * Reads one campaign template file, checks it with {@link TemplateChecks} and fills in the defaults
 * it leaves out; any mistake refuses start-up with a message naming the file and the field.
 */
final class CampaignTemplateReader {

    private static final ObjectMapper YAML = ConfigYaml.mapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CampaignTemplateReader() {
    }

    /** Reads the template in {@code file}, whose id must be the file name without {@code .yaml}. */
    static CampaignTemplate read(Path file, TemplateReferences references) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw refused(file.toString(), List.of("无法读取: " + e.getMessage()));
        }
        return read(text, file.toString(), templateId(file.getFileName().toString()), references);
    }

    static CampaignTemplate read(String text, String location, String expectedId, TemplateReferences references) {
        CampaignTemplate template;
        YamlLines lines = null;
        try {
            lines = YamlLines.scan((YAMLFactory) YAML.getFactory(), text);
            lines.firstAlias().ifPresent(alias -> {
                throw refused(location, List.of("%s（第 %d 行）: 不支持 YAML 别名（*名称），请直接写出内容"
                        .formatted(alias.field(), alias.line())));
            });
            template = text.isBlank() ? null : YAML.readValue(text, CampaignTemplate.class);
        } catch (JsonMappingException e) {
            throw refused(location, List.of(ConfigYaml.isSyntax(e) ? ConfigYaml.problem(e) : describe(e, lines)));
        } catch (IOException e) {
            throw refused(location, List.of(ConfigYaml.problem(e)));
        }
        if (template == null) {
            throw refused(location, List.of("文件为空"));
        }
        List<String> problems = TemplateChecks.check(template, expectedId, references);
        if (!problems.isEmpty()) {
            throw refused(location, problems);
        }
        return withDefaults(template, references);
    }

    /** The template id a file name gives: {@code jiuting-2023-standard-town.yaml} → {@code jiuting-2023-standard-town}. */
    static String templateId(String fileName) {
        return fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - ".yaml".length()) : fileName;
    }

    private static CampaignTemplate withDefaults(CampaignTemplate t, TemplateReferences references) {
        // a collective's participant id (各居委会) stands for its member units' ids in the tasks' units
        java.util.Map<String, List<String>> membersById = new java.util.HashMap<>();
        List<Participant> participants = t.participants().stream().<Participant>mapMulti((p, out) -> {
            if (p.organization() != null) {
                var town = references.subOrganization(p.organization()).orElseThrow();
                out.accept(new Participant(p.id() == null ? town.id() : p.id(), town.roles().office(),
                        p.name() == null ? town.name() : p.name(), p.duties(), p.standIn(), town.id()));
                return;
            }
            var group = references.group(p.group()).orElseThrow();
            String duties = p.duties() == null ? group.duties() : p.duties();
            if (references.organization().isCollective(p.group())) {
                // 各居委会 takes part as each of its committees: each signs its own 目标责任书 and does its own tasks
                List<Organization.GroupDefinition> members = references.organization().memberUnits(p.group());
                membersById.put(p.id() == null ? p.group() : p.id(), members.stream().map(Organization.GroupDefinition::id).toList());
                members.forEach(m -> out.accept(new Participant(m.id(), m.id(), m.name(),
                        m.duties() == null || m.duties().isBlank() ? duties : m.duties(), p.standIn(), null)));
                return;
            }
            out.accept(new Participant(p.id() == null ? p.group() : p.id(), p.group(), p.name() == null ? group.name() : p.name(),
                    duties, p.standIn(), null));
        }).toList();
        List<TaskDefinition> tasks = membersById.isEmpty() ? t.tasks() : t.tasks().stream().map(d -> d.units().isEmpty() ? d
                : new TaskDefinition(d.id(), d.name(), d.phase(), d.who(), d.units().stream()
                        .flatMap(u -> membersById.getOrDefault(u, List.of(u)).stream()).toList(), d.kind(), d.dueBeforePhaseEnd(),
                        d.dueAfterPhaseStart(), d.findings(), d.evidence(), d.requirement(), d.with())).toList();
        List<Item> items = t.items().stream().map(i -> new Item(i.category(),
                i.name() == null ? references.category(i.category()).map(Category::name).orElseThrow() : i.name(),
                i.lead(), i.responsible(), i.finishBy(), i.sources())).toList();
        return new CampaignTemplate(t.id(), t.name(), t.source(), t.phases(), participants, items, tasks, t.cycles(), t.rules(),
                t.evidence());
    }

    private static String describe(JsonMappingException e, YamlLines lines) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String reason;
        if (e instanceof UnrecognizedPropertyException unknown) {
            reason = "未知字段（可用字段: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + "）";
        } else if (e instanceof InvalidFormatException invalid) {
            reason = invalidValue(invalid);
        } else {
            reason = e.getOriginalMessage();
        }
        int line = lines == null ? 0 : lines.line(field).orElse(e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        return "%s（第 %d 行）: %s".formatted(field.isEmpty() ? "文件" : field, line, reason);
    }

    private static String invalidValue(InvalidFormatException e) {
        Class<?> type = e.getTargetType();
        String value = "\"" + e.getValue() + "\"";
        if (type == LocalDate.class) {
            return value + " 不是有效的日期（格式为 2023-03-01）";
        }
        if (type == Period.class) {
            return value + " 不是有效的 ISO 8601 期间（例如 P3M 三个月、P20D 二十天、P1M10D）";
        }
        if (type != null && type.isEnum()) {
            return value + " 不是可选的值（" + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining("、")) + "）";
        }
        return value + ": " + e.getOriginalMessage();
    }

    static StartupRefusedException refused(String location, List<String> problems) {
        return new StartupRefusedException("活动模板文件 " + location + " 有误：\n  - " + String.join("\n  - ", problems),
                "请修改该文件后重新启动。");
    }
}
