package org.shirong.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.shirong.system.StartupRefusedException;

/** Every mistake in organization.yaml is named by file and field. */
class OrganizationLoaderTest {

    private static Organization read(String yaml) {
        return OrganizationLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "config/organization.yaml");
    }

    private static final String HEAD = """
            organization:
              name: 九亭镇
            groups:
              - { id: chengguan, name: 城管中队, type: UNIT }
            """;

    @Test
    void theShippedFileIsValid() throws Exception {
        try (var in = new FileInputStream("config/organization.yaml")) {
            Organization organization = OrganizationLoader.read(in, "config/organization.yaml");
            assertThat(organization.organization().name()).isEqualTo("九亭镇");
            assertThat(organization.organization().casePrefix()).isEqualTo("JT");
            assertThat(organization.groups()).hasSizeGreaterThan(20);
        }
    }

    @Test
    void userInAnUndefinedGroupIsNamed() {
        assertThatThrownBy(() -> read(HEAD + "users:\n  - { id: u1, name: 甲, groups: [lvrong] }\n"))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("config/organization.yaml")
                .hasMessageContaining("users[0].groups: 组 \"lvrong\" 未在 groups 中定义");
    }

    @Test
    void badIdsDuplicatesAndMissingNamesAreAllReported() {
        assertThatThrownBy(() -> read(HEAD + "  - { id: cheng-guan, name: 甲, type: UNIT }\n  - { id: chengguan, name: 乙, type: UNIT }\n"
                + "  - { id: x1, type: UNIT }\n"))
                .hasMessageContaining("groups[1].id: \"cheng-guan\" 只能包含英文字母和数字")
                .hasMessageContaining("groups[2].id: \"chengguan\" 重复")
                .hasMessageContaining("groups[3].name: 必须填写中文名称");
    }

    @Test
    void unknownFieldsAndTypesNameTheirPlace() {
        assertThatThrownBy(() -> read(HEAD + "  - { id: x1, name: 甲, type: UNIT, dutys: 错字 }\n"))
                .hasMessageContaining("groups[1].dutys");
        assertThatThrownBy(() -> read(HEAD + "  - { id: x1, name: 甲, type: BUREAU }\n"))
                .hasMessageContaining("groups[1].type");
    }

    @Test
    void badEmailAndParentAreReported() {
        assertThatThrownBy(() -> read(HEAD + "  - { id: jw1, name: 居委, type: COMMITTEE, parent: nobody }\n"
                + "users:\n  - { id: u1, name: 甲, email: not-an-address, groups: [chengguan] }\n"))
                .hasMessageContaining("groups[1].parent: \"nobody\"")
                .hasMessageContaining("users[0].email");
    }
}
