package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@SharesJvm
class FormRefusalMessageFilterTest {

    @Test
    void takesTheEngineLeadInOffAndKeepsTheRestOfTheError() {
        String shortened = shorten("""
                {"type":"RestException","message":"Cannot submit task form e74f81d5-e69c: 第 1 行：没有单位“城管队”","code":0}""");
        assertThat(shortened).isEqualTo("""
                {"type":"RestException","message":"第 1 行：没有单位“城管队”","code":0}""");
    }

    @Test
    void aProcessDefinitionIdWithColonsIsTakenOffWhole() {
        assertThat(shorten("{\"message\":\"Cannot instantiate process definition CampaignProcess:3:9a-b: 无法发起活动：结束日期早于今天\"}"))
                .isEqualTo("{\"message\":\"无法发起活动：结束日期早于今天\"}");
        assertThat(shorten("{\"message\":\"Cannot complete task 42: 第 2 行：请填写地点\"}"))
                .isEqualTo("{\"message\":\"第 2 行：请填写地点\"}");
    }

    @Test
    void otherBodiesAreLeftAsTheyAre() {
        assertThat(FormRefusalMessageFilter.withoutLeadIn(bytes("{\"message\":\"Task 42 not found\"}"))).isNull();
        assertThat(FormRefusalMessageFilter.withoutLeadIn(bytes("<html>Bad Request</html>"))).isNull();
        assertThat(FormRefusalMessageFilter.withoutLeadIn(bytes("[\"Cannot complete task 42: x\"]"))).isNull();
        assertThat(FormRefusalMessageFilter.withoutLeadIn(new byte[0])).isNull();
    }

    private static String shorten(String body) {
        byte[] shortened = FormRefusalMessageFilter.withoutLeadIn(bytes(body));
        return shortened == null ? null : new String(shortened, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
