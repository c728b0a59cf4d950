package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The start-up check that a form's choice options can leave the gateways after its task, on the shipped files and on
 * a copy with an option value changed; and the simple conditions it (and the required-field check) reads.
 */
@SharesJvm
class ChoiceGatewayCheckTest {

    private static List<ProcessResource> shipped() throws IOException {
        List<ProcessResource> resources = new ArrayList<>();
        for (String folder : List.of("processes", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.sorted().toList()) {
                    resources.add(new ProcessResource(folder + "/" + file.getFileName(), file.toString(), Files.readAllBytes(file)));
                }
            }
        }
        return resources;
    }

    private static List<ProcessResource> replaced(String name, String from, String to) throws IOException {
        List<ProcessResource> resources = new ArrayList<>(shipped());
        resources.replaceAll(r -> r.name().equals(name) ? new ProcessResource(name, "/tmp/owner/" + name,
                new String(r.content(), java.nio.charset.StandardCharsets.UTF_8).replace(from, to)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) : r);
        return resources;
    }

    @Test
    void theShippedFormsAndDiagramsAgree() throws IOException {
        assertThat(new ChoiceGatewayCheck().check(shipped())).isEmpty();
    }

    @Test
    void anOptionValueNoConditionTakesIsNamedWithFormFieldValueAndGateway() throws IOException {
        List<String> problems = new ChoiceGatewayCheck().check(replaced("forms/CaseClaim.form", "\"value\": \"claim\"", "\"value\": \"accept\""));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains("/tmp/owner/forms/CaseClaim.form", "是否认领", "\"accept\"", "认领还是回退?",
                "Gateway_ClaimOrReturn", "RectificationProcess", "claim、return");
        // an embedded HTML form's select, and a gateway deciding by != (every other value goes the other way: fine)
        assertThat(new ChoiceGatewayCheck().check(replaced("forms/RectifyProblem.html", "value=\"extension\"", "value=\"delay\"")))
                .singleElement().asString().contains("RectifyProblem.html", "\"delay\"", "提交核查还是提出申请?");
        assertThat(new ChoiceGatewayCheck().check(replaced("forms/VerifyRectification.html", "value=\"fail\"", "value=\"redo\""))).isEmpty();
    }

    @Test
    void aDefaultFlowOrAConditionNotReadHereLeavesTheGatewayToTheEngine() throws IOException {
        List<ProcessResource> accept = replaced("forms/CaseClaim.form", "\"value\": \"claim\"", "\"value\": \"accept\"");
        List<ProcessResource> withDefault = new ArrayList<>(accept);
        withDefault.replaceAll(r -> r.name().equals("processes/RectificationProcess.bpmn") ? new ProcessResource(r.name(), r.origin(),
                new String(r.content(), java.nio.charset.StandardCharsets.UTF_8).replace("id=\"Gateway_ClaimOrReturn\"",
                        "id=\"Gateway_ClaimOrReturn\" default=\"SequenceFlow_ClaimYes\"").getBytes(java.nio.charset.StandardCharsets.UTF_8)) : r);
        assertThat(new ChoiceGatewayCheck().check(withDefault)).isEmpty();
    }

    @Test
    void simpleConditionsAreReadAsJuelAndFeelAndNothingElseIs() {
        Map<String, Object> values = new HashMap<>();
        values.put("claimDecision", "return");
        assertThat(SimpleCondition.juel("${claimDecision == 'claim'}").orElseThrow().evaluate(values::get)).isFalse();
        assertThat(SimpleCondition.juel("${claimDecision eq \"return\"}").orElseThrow().evaluate(values::get)).isTrue();
        assertThat(SimpleCondition.juel("#{claimDecision ne 'x' && !(claimDecision == 'claim')}").orElseThrow().evaluate(values::get)).isTrue();
        assertThat(SimpleCondition.juel("${claimDecision == 'a' || claimDecision == 'return'}").orElseThrow().variables())
                .containsExactly("claimDecision");
        assertThat(SimpleCondition.juel("${ladderLevel >= 3}")).isEmpty();
        assertThat(SimpleCondition.juel("${caseService.isOpen(caseNo)}")).isEmpty();
        assertThat(SimpleCondition.juel("${claimDecision = 'claim'}")).isEmpty();
        assertThat(SimpleCondition.feel("=claimDecision != \"return\"").orElseThrow().evaluate(values::get)).isFalse();
        assertThat(SimpleCondition.feel("=inspectionItemList = null or inspectionItemList = \"\"").orElseThrow().evaluate(values::get)).isTrue();
        assertThat(SimpleCondition.feel("=count(items) > 0")).isEmpty();
        // a text compared with a number cannot be decided
        assertThat(SimpleCondition.feel("=claimDecision = 3").orElseThrow().evaluate(values::get)).isNull();
    }

    @Test
    void aRequiredFieldIsMissingOnlyWhenTheFormShowsItAndWithAnUnreadableHideConditionNotAtAll() {
        TaskFormFields.Form form = TaskFormFields.camundaFormFields("""
                {"id":"F","components":[
                  {"type":"radio","key":"decision","label":"决定","values":[{"label":"是","value":"yes"},{"label":"否","value":"no"}],
                   "validate":{"required":true}},
                  {"type":"textfield","key":"phone","label":"联系电话","validate":{"required":true}},
                  {"type":"textarea","key":"reason","label":"理由","conditional":{"hide":"=decision != \\"no\\""},"validate":{"required":true}},
                  {"type":"group","conditional":{"hide":"=decision = \\"no\\""},"components":[
                    {"type":"number","key":"amount","label":"数量","validate":{"required":true}}]},
                  {"type":"datetime","subtype":"date","key":"day","dateLabel":"日期","conditional":{"hide":"=is defined(decision)"},
                   "validate":{"required":true}},
                  {"type":"textfield","key":"note","label":"备注"},
                  {"type":"checkbox","key":"confirmed","label":"已核对","validate":{"required":true}},
                  {"type":"checklist","key":"units","label":"单位","validate":{"required":true}}]}""", null, null);
        assertThat(form.required()).extracting(FormField::key).containsExactly("decision", "phone", "reason", "amount", "confirmed");
        Map<String, Object> values = new HashMap<>(Map.of("decision", "yes", "phone", "  ", "amount", 3, "confirmed", false));
        assertThat(form.required()).filteredOn(f -> f.missingIn(values::get)).extracting(FormField::missing)
                .containsExactly("请填写“联系电话”", "请勾选“已核对”");
        values.put("confirmed", true);
        values.put("decision", "no");
        values.put("phone", "021-1234");
        values.remove("amount");
        assertThat(form.required()).filteredOn(f -> f.missingIn(values::get)).extracting(FormField::missing)
                .containsExactly("请填写“理由”");
        values.remove("decision");
        assertThat(form.required()).filteredOn(f -> f.missingIn(values::get)).extracting(FormField::missing)
                .containsExactly("请选择“决定”", "请填写“数量”");
    }
}
