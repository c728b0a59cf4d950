package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CategoryCatalogue;
import org.shirong.system.SharesJvm;
import org.shirong.system.StartupRefusedException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The templates are read from {@code ./config/organizations/<组织>/campaigns/}, or the bundled copy when that folder has
 * none, by a component that refuses start-up when one of them is wrong.
 */
@SharesJvm
class CampaignTemplatesTest {

    private static TemplateReferences references;
    private static List<CampaignTemplate> shipped;

    @BeforeAll
    static void loadShippedTemplates() {
        references = TemplateFixture.references();
        shipped = CampaignTemplates.load(Path.of(JiutingTemplates.FOLDER), JiutingTemplates.BUNDLED, references);
    }

    @Test
    void everyShippedTemplateLoadsFromTheConfigFolderAndFromTheBundledCopy() {
        assertThat(shipped).extracting(CampaignTemplate::id).containsExactly("jiuting-2023-standard-town");
        assertThat(CampaignTemplates.readBundled(JiutingTemplates.BUNDLED, references)).isEqualTo(shipped);
    }

    @Test
    void anEmptyOrMissingFolderFallsBackToTheBundledTemplates(@TempDir Path empty) {
        assertThat(CampaignTemplates.load(empty, JiutingTemplates.BUNDLED, references)).extracting(CampaignTemplate::id).hasSize(1);
        assertThat(CampaignTemplates.load(empty.resolve("missing"), JiutingTemplates.BUNDLED, references)).hasSize(1);
    }

    @Test
    void eachOrganisationStartsCampaignsFromItsOwnTemplatesAndOldStandInsOnlyRunOn() {
        context().run(context -> {
            CampaignTemplates templates = context.getBean(CampaignTemplates.class);
            assertThat(templates.all("jiuting")).extracting(CampaignTemplate::id).containsExactly("jiuting-2023-standard-town");
            assertThat(templates.all("jinxi")).extracting(CampaignTemplate::id).containsExactly("jinxi-2017-931");
            assertThat(templates.all("songjiang")).extracting(CampaignTemplate::id).containsExactly("songjiang-2024-satisfaction");
            assertThat(templates.startable("jinxi", "jinxi-2017-931")).get().extracting(CampaignTemplate::name)
                    .isEqualTo("锦溪镇环境综合整治行动（“931”行动）");
            // 九亭 ran the 931 plan with its own units before organisations existed: those campaigns run on, no new one starts.
            assertThat(templates.startable("jiuting", "jinxi-2017-931")).isEmpty();
            assertThat(templates.find("jiuting", "jinxi-2017-931")).get().extracting(t -> t.items().get(0).lead()).isEqualTo("chuangban");
            assertThat(templates.find("jinxi", "jinxi-2017-931")).get().extracting(t -> t.items().get(0).lead()).isEqualTo("jxchuangjian");
            assertThat(templates.find("jiuting", "no-such-template")).isEmpty();
            assertThat(templates.find("jiuting", null)).isEmpty();
            // A town of the district takes part as an organisation: its office does the task, in its own tenant.
            assertThat(templates.all("songjiang").get(0).participants()).filteredOn(p -> "shihudang".equals(p.organization()))
                    .singleElement().extracting(CampaignTemplate.Participant::group, CampaignTemplate.Participant::name)
                    .containsExactly("shdshirongban", "石湖荡镇");
        });
    }

    @Test
    void aBadTemplateInTheConfiguredFolderRefusesStartUp(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("broken.yaml"), "id: broken\nname: 坏模板\nphases: []\n");

        assertThatThrownBy(() -> CampaignTemplates.load(folder, JiutingTemplates.BUNDLED, references))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(folder.resolve("broken.yaml").toString()).hasMessageContaining("phases: 必须正好有 3 个阶段");
    }

    /** Only what the component needs: the organisation and the catalogue, as read from the shipped files. */
    private static ApplicationContextRunner context() {
        return new ApplicationContextRunner()
                .withBean(Organizations.class, Organizations::read)
                .withUserConfiguration(ComponentOnly.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CampaignProperties.class)
    @Import({CategoryCatalogue.class, CampaignTemplates.class})
    static class ComponentOnly {
    }
}
