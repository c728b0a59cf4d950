package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key coverage of Shirong's Simplified Chinese locale per webapp against the en.json shipped in
 * Camunda's webjar, printed for each app; placeholders and markup must survive translation.
 */
@SharesJvm
class WebappTranslationTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{[^}]*}}|</?(a|b|i|em|strong|br|span|code|p|ul|ol|li|div|small|pre)\\b[^>]*>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String path) throws IOException {
        try (InputStream in = WebappTranslationTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
            return JSON.readTree(text);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group().replace(" ", ""));
        }
        return found;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void everyShippedKeyIsTranslated(String app) throws IOException {
        JsonNode english = read(APP + app + "/locales/en.json").path("labels");
        JsonNode chinese = read(APP + app + "/locales/zh.json").path("labels");
        List<String> missing = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        int translated = 0;
        for (var it = english.fields(); it.hasNext(); ) {
            var entry = it.next();
            JsonNode zh = chinese.get(entry.getKey());
            boolean emptyInEnglish = entry.getValue().asText().isBlank();
            if (zh == null || (!emptyInEnglish && zh.asText().isEmpty())) {
                missing.add(entry.getKey());
                continue;
            }
            translated++;
            if (!placeholders(entry.getValue().asText()).equals(placeholders(zh.asText()))) {
                broken.add(entry.getKey());
            }
        }
        System.out.printf("中文界面覆盖率 %-8s %4d / %4d 键 (%.1f%%)%n", app, translated, english.size(),
                100.0 * translated / english.size());
        assertThat(missing).as(app + " 缺少翻译的键").isEmpty();
        assertThat(broken).as(app + " 占位符或标记被改动的键").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void chineseIsTheOnlyLanguageOffered(String app) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(APP + app + "/scripts/config.js")) {
            String config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // a browser set to English (or any other language) gets Chinese too (TasklistBrowserTest shows it in Chromium)
            assertThat(config).contains("availableLocales: ['zh']").contains("fallbackLocale: 'zh'");
        }
        assertThat(read(APP + app + "/locales/zh.json").path("labels").size()).isPositive();
    }
}
