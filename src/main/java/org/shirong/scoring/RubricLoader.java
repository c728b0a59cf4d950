package org.shirong.scoring;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shirong.organization.Organizations;
import org.shirong.system.ConfigFile;
import org.shirong.system.ConfigYaml;
import org.shirong.system.StartupRefusals;
import org.shirong.system.StartupRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The scoring rubrics: the shared {@code config/scoring.yaml} and an organisation's own {@code scoring.yaml} in its
 * folder, whose top-level sections (e.g. {@code scored-unit-types}, {@code rules}) replace the shared ones for it; read and checked once at start-up; a mistake in the file
 * refuses start-up with a message naming the file and the field.
 */
@Component
class RubricLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RubricLoader.class);
    /** An organisation's own rubric in its folder ({@code config/organizations/<id>/scoring.yaml}). */
    static final String FILE_NAME = "scoring.yaml";
    private static final ObjectMapper YAML = ConfigYaml.mapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final ScoringRubric shared;
    private final Map<String, ScoringRubric> own = new HashMap<>();

    /**
     * The shared rubric ({@code shirong.scoring.file}) and, for each organisation with its own {@code scoring.yaml}, the
     * shared one with the organisation's top-level sections in place of the shared ones.
     */
    @Autowired
    RubricLoader(ScoringProperties properties, Organizations organizations) {
        StartupRefusals.Stage stage = StartupRefusals.stage("scoring");
        this.shared = stage.get(null, () -> loadShared(properties)).orElse(null);
        for (String id : organizations.ids()) {
            organizations.ownFile(id, FILE_NAME).ifPresent(file -> stage.get(id, () -> load(properties.file(), file)).ifPresent(rubric -> {
                own.put(id, rubric);
                LOG.info("{} 使用本组织的考核评分细则（{}，其余各项同 {}）", organizations.of(id).name(), file, properties.file());
            }));
        }
        stage.end();
    }

    /** The shared rubric only; for tests and tools. */
    RubricLoader(ScoringProperties properties) {
        this.shared = loadShared(properties);
    }

    private static ScoringRubric loadShared(ScoringProperties properties) {
        ScoringRubric rubric = load(properties.file());
        LOG.info("已读取考核评分细则：{} 个评分项、{} 个责任区评分项、{} 张检查评分表（{}）", rubric.rules().size(),
                rubric.zoneRuleList().size(), rubric.sheets().size(), properties.file());
        return rubric;
    }

    /** The organisation's rubric: the shared one, with its own file's sections if it has one. */
    ScoringRubric rubric(String organization) {
        return organization == null ? shared : own.getOrDefault(organization, shared);
    }

    ScoringRubric rubric() {
        return shared;
    }

    static ScoringRubric load(String file) {
        return ConfigFile.read(file, "考核评分细则文件", RubricLoader::read, RubricLoader::refused);
    }

    /** The shared file with the top-level sections of {@code ownFile} replacing its own; checked as one rubric. */
    static ScoringRubric load(String sharedFile, String ownFile) {
        ObjectNode merged = ConfigFile.read(sharedFile, "考核评分细则文件", RubricLoader::tree, RubricLoader::refused);
        merged.setAll(ConfigFile.read(ownFile, "考核评分细则文件", RubricLoader::tree, RubricLoader::refused));
        try {
            return checked(YAML.treeToValue(merged, ScoringRubric.class), ownFile + "（未写的各项取自 " + sharedFile + "）");
        } catch (JsonMappingException e) {
            throw refused(ownFile, List.of(describe(e)));
        } catch (IOException e) {
            throw refused(ownFile, List.of(ConfigYaml.problem(e)));
        }
    }

    private static ObjectNode tree(InputStream in, String fileName) {
        try {
            JsonNode node = YAML.readTree(in);
            if (node == null || node.isMissingNode() || node.isNull()) {
                throw refused(fileName, List.of("文件为空"));
            }
            if (!(node instanceof ObjectNode object)) {
                throw refused(fileName, List.of("文件应由“项: 值”组成（如 rules:、grades:）"));
            }
            return object;
        } catch (IOException e) {
            throw refused(fileName, List.of(ConfigYaml.problem(e)));
        }
    }

    static ScoringRubric read(InputStream in, String fileName) {
        ScoringRubric content = null;
        try (JsonParser parser = YAML.createParser(in)) {
            if (parser.nextToken() != null) {
                content = YAML.readValue(parser, ScoringRubric.class);
            }
        } catch (JsonMappingException e) {
            throw refused(fileName, List.of(ConfigYaml.isSyntax(e) ? ConfigYaml.problem(e) : describe(e)));
        } catch (IOException e) {
            throw refused(fileName, List.of(ConfigYaml.problem(e)));
        }
        if (content == null) {
            throw refused(fileName, List.of("文件为空"));
        }
        return checked(content, fileName);
    }

    private static ScoringRubric checked(ScoringRubric content, String fileName) {
        List<String> problems = RubricChecks.check(content);
        if (!problems.isEmpty()) {
            throw refused(fileName, problems);
        }
        return content;
    }

    private static String describe(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        var location = e.getLocation();
        String message = e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()
                ? "\"" + invalid.getValue() + "\" 不是可选的值（" + Arrays.stream(invalid.getTargetType().getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining("、")) + "）"
                : e.getOriginalMessage();
        return "%s（第 %d 行）: %s".formatted(field.isEmpty() ? "文件" : field, location == null ? 0 : location.getLineNr(), message);
    }

    private static StartupRefusedException refused(String fileName, List<String> problems) {
        return new StartupRefusedException("考核评分细则文件 " + fileName + " 有误：\n  - " + String.join("\n  - ", problems),
                "请修改该文件后重新启动。");
    }
}
