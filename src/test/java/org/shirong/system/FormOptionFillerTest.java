package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shirong.system.FormSelectOptions.Option;

@SharesJvm
class FormOptionFillerTest {

    private static final String FORM = """
            {"type":"default","components":[
              {"type":"textfield","key":"template","label":"同名文本框"},
              {"type":"group","components":[
                {"type":"select","key":"template","label":"活动模板","values":[{"label":"旧","value":"old"}]}]}]}""";

    private static FormSelectOptions options(String form, String field, Option... options) {
        return new FormSelectOptions() {
            public String form() {
                return form;
            }

            public String field() {
                return field;
            }

            public List<Option> options(String organization) {
                return List.of(options);
            }
        };
    }

    private static ProcessResource resource(String name, String content) {
        return new ProcessResource(name, "/town/" + name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSelectFieldTakesTheConfiguredOptionsAndTheOtherFilesStayAsTheyWere() {
        List<String> problems = new ArrayList<>();
        ProcessResource other = resource("forms/Other.form", "{}");
        List<ProcessResource> filled = FormOptionFiller.fill(List.of(other, resource("forms/Start.form", FORM)),
                List.of(options("forms/Start.form", "template", new Option("九亭镇创建达标镇", "jiuting"), new Option("锦溪 931", "jinxi"))),
                "jiuting", problems);

        assertThat(problems).isEmpty();
        assertThat(filled.get(0)).isSameAs(other);
        String form = new String(filled.get(1).content(), StandardCharsets.UTF_8);
        assertThat(form.replaceAll("\\s", "")).contains(
                "\"key\":\"template\",\"label\":\"活动模板\",\"values\":[{\"label\":\"九亭镇创建达标镇\",\"value\":\"jiuting\"},"
                        + "{\"label\":\"锦溪931\",\"value\":\"jinxi\"}]")
                .contains("\"type\":\"textfield\",\"key\":\"template\",\"label\":\"同名文本框\"}")
                .doesNotContain("old");
        assertThat(filled.get(1).name()).isEqualTo("forms/Start.form");
    }

    @Test
    void aMissingFormOrFieldIsNamedAndABrokenFileLeftToTheValidator() {
        List<String> problems = new ArrayList<>();
        List<ProcessResource> resources = List.of(resource("forms/Start.form", FORM), resource("forms/Broken.form", "{\"components\":["));

        List<ProcessResource> filled = FormOptionFiller.fill(resources, List.of(
                options("forms/Gone.form", "template"),
                options("forms/Start.form", "campaign"),
                options("forms/Broken.form", "template")), "jiuting", problems);

        assertThat(filled).isEqualTo(resources);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("forms/Gone.form：找不到此表单");
        assertThat(problems.get(1)).isEqualTo("/town/forms/Start.form：找不到下拉字段“campaign”（其选项按配置填写）");
    }
}
