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

    private static String text(String path) throws IOException {
        try (InputStream in = WebappTranslationTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * jxreview-s58 J14: Cockpit's 任务 page, refused its figures, said "无法获取 无法获取按组分配情况 的资源 : Error: …": the
     * phrase once, and the script's English "Error:" taken off the message (shirong/error-prefix.js, loaded by config.js).
     */
    @org.junit.jupiter.api.Test
    void cockpitsTaskFiguresErrorReadsOnceAndInChinese() throws IOException {
        JsonNode labels = read(APP + "cockpit/locales/zh.json").path("labels");
        String status = labels.path("PLUGIN_TASK_ASSIGNED_ERR_COULD_NOT").asText()
                .replace("{{err}}", labels.path("PLUGIN_TASK_ERROR_COUNT").asText());
        assertThat(status).isEqualTo("无法获取按组分配情况");
        assertThat(text(APP + "cockpit/scripts/config.js")).contains("'shirong/error-prefix'");
        assertThat(text(APP + "cockpit/shirong/error-prefix.js")).contains("Error:");
    }

    /** jxreview-s58 J13: 锦溪 and 松江 read no 九亭 wording (创建办, 创建活动) where they start work. */
    @org.junit.jupiter.api.Test
    void startingWorkReadsTheSameInEveryOrganisation() throws IOException {
        assertThat(read(APP + "tasklist/locales/zh.json").path("labels").path("NO_PROCESS_DEFINITION_AVAILABLE").asText())
                .contains("本组织的办公室").doesNotContain("创建办");
        assertThat(text("forms/CampaignStart.form")).contains("发起活动").doesNotContain("发起创建活动").doesNotContain("AB-");
        assertThat(text("processes/CampaignProcess.bpmn")).contains("name=\"开展活动\"").doesNotContain("name=\"创建活动\"");
    }

    /** jxreview-s58 J12: the selected card keeps its light's colour on its left bar (Camunda's active style paints it red). */
    @org.junit.jupiter.api.Test
    void theSelectedTaskCardKeepsItsLightsColour() throws IOException {
        String css = text(APP + "tasklist/styles/user-styles.css");
        for (String light : List.of("red", "yellow", "green")) {
            assertThat(css).containsPattern("li\\.task\\.active\\.shirong-row-" + light + " \\{ border-left: 6px solid #[0-9a-f]{6} !important; }");
        }
        assertThat(css).contains(".tasks-list li.task.active.shirong-row-green { border-left: 6px solid #2ca02c !important; }");
    }

    /**
     * jtreview-s59 T16: every app's switcher (header home icon) names the others in Chinese. Camunda's header writes the
     * English name from its code ({@code {{ app.label }}}), so app-names.js, listed by every app, has it read zh.json.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void theAppSwitcherNamesEveryAppInChinese(String app) throws IOException {
        JsonNode labels = read(APP + app + "/locales/zh.json").path("labels");
        assertThat(labels.path("COCKPIT_APP").asText()).isEqualTo("驾驶舱");
        assertThat(labels.path("TASKLIST_APP").asText()).isEqualTo("任务列表");
        assertThat(labels.path("ADMIN_APP").asText()).isEqualTo("管理");
        assertThat(labels.path("WELCOME_APP").asText()).isEqualTo("欢迎");
        String names = app.equals("cockpit") ? "'shirong/app-names'" : "'../cockpit/shirong/app-names'";
        assertThat(text(APP + app + "/scripts/config.js")).contains(names);
        // the shipped header still writes the English label where app-names.js looks for it
        assertThat(text(APP + app + "/camunda-" + app + "-bootstrap.js")).contains("{{ app.label }}")
                .contains("label:\"Cockpit\"");
        assertThat(text(APP + "cockpit/shirong/app-names.js"))
                .contains("const SHOWN = '{{ app.label }}';", "(appName | uppercase) + \\'_APP\\' | translate");
        // it and navigation-label.js change the header's template through one helper
        for (String plugin : List.of("app-names.js", "navigation-label.js")) {
            assertThat(text(APP + "cockpit/shirong/" + plugin)).as(plugin)
                    .contains("import {translateInHeader} from './header-text.js';", "translateInHeader(SHOWN, TRANSLATED);")
                    .doesNotContain("camWidgetHeaderDirective");
        }
        assertThat(text(APP + "cockpit/shirong/header-text.js")).contains("export function translateInHeader(shown, translated)",
                "camWidgetHeaderDirective");
    }
}
