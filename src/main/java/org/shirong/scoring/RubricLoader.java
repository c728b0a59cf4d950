package org.shirong.scoring;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.shirong.system.ConfigFile;
import org.shirong.system.StartupRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The scoring rubric of {@code scoring.yaml}, read and checked once at start-up; a mistake in the file
 * refuses start-up with a message naming the file and the field.
 */
@Component
class RubricLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RubricLoader.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final ScoringRubric rubric;

    RubricLoader(ScoringProperties properties) {
        this.rubric = load(properties.file());
        LOG.info("已读取考核评分细则：{} 个评分项、{} 张检查评分表（{}）", rubric.rules().size(), rubric.sheets().size(),
                properties.file());
    }

    ScoringRubric rubric() {
        return rubric;
    }

    static ScoringRubric load(String file) {
        return ConfigFile.read(file, "考核评分细则文件", RubricLoader::read, RubricLoader::refused);
    }

    static ScoringRubric read(InputStream in, String fileName) {
        ScoringRubric content = null;
        try (JsonParser parser = YAML.createParser(in)) {
            if (parser.nextToken() != null) {
                content = YAML.readValue(parser, ScoringRubric.class);
            }
        } catch (JsonMappingException e) {
            throw refused(fileName, List.of(describe(e)));
        } catch (IOException e) {
            throw refused(fileName, List.of(e.getMessage()));
        }
        if (content == null) {
            throw refused(fileName, List.of("文件为空"));
        }
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
