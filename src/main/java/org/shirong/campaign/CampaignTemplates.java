package org.shirong.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.rectification.Category;
import org.shirong.rectification.CategoryCatalogue;
import org.shirong.system.StartupRefusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The campaign templates (活动模板) of each organisation, read and checked once at start-up: every {@code *.yaml}
 * in {@code ./config/organizations/<id>/campaigns/}, or the organisation's templates bundled in the application
 * when that folder has none; those in its {@code legacy/} subfolder serve only campaigns started before.
 * A campaign runs in the organisation of its template. A mistake in any of them refuses start-up naming the file and the field.
 */
@Component
public class CampaignTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignTemplates.class);
    static final String STAGE = "campaign-templates";

    private final Map<String, List<CampaignTemplate>> startable = new LinkedHashMap<>();
    private final Map<String, List<CampaignTemplate>> legacy = new LinkedHashMap<>();

    CampaignTemplates(Organizations organizations, CategoryCatalogue catalogue) {
        StartupRefusals.Stage stage = StartupRefusals.stage(STAGE);
        for (Organization organization : organizations.all()) {
            if (StartupRefusals.failed(CategoryCatalogue.STAGE, organization.id())) {
                continue; // a check: its categories are refused, its templates would only repeat that
            }
            stage.run(organization.id(), () -> read(organizations, catalogue, organization));
        }
        stage.end();
    }

    /** One organisation's templates, startable and legacy. */
    private void read(Organizations organizations, CategoryCatalogue catalogue, Organization organization) {
        String folder = "organizations/" + organization.id() + "/campaigns/";
        TemplateReferences references = new TemplateReferences(organization, code -> catalogue.find(organization.id(), code),
                id -> organizations.find(id).filter(o -> organization.id().equals(o.organization().parent())));
        Path external = organizations.campaignsFolder(organization.id());
        List<CampaignTemplate> own = load(external, "config/" + folder, references);
        startable.put(organization.id(), own);
        // Templates an earlier version ran with stand-in units: campaigns started from them run on, none is started anew.
        // Their plan items may be categories the organisation no longer applies.
        TemplateReferences anyCategory = new TemplateReferences(organization, code -> catalogue.find(organization.id(), code)
                .map(c -> new Category(c.code(), c.name(), c.group(), c.items(), true)), references::subOrganization);
        legacy.put(organization.id(), load(external.resolve(LEGACY), "config/" + folder + LEGACY, anyCategory));
        LOG.info("{}：已读取 {} 个活动模板：{}{}", organization.id(), own.size(), own.stream().map(CampaignTemplate::id).toList(),
                legacy.get(organization.id()).isEmpty() ? "" : "（另有旧模板 " + legacy.get(organization.id()).stream()
                        .map(CampaignTemplate::id).toList() + "，仅供已发起的活动）");
    }

    static final String LEGACY = "legacy/";

    /** The templates the organisation starts campaigns from, in file-name order. */
    public List<CampaignTemplate> all(String organization) {
        return startable.getOrDefault(organization, List.of());
    }

    /** A template the organisation may start a campaign from. */
    public Optional<CampaignTemplate> startable(String organization, String id) {
        return all(organization).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The template a campaign of the organisation runs on: a startable one, else one kept in {@code legacy/}. */
    public Optional<CampaignTemplate> find(String organization, String id) {
        return startable(organization, id)
                .or(() -> legacy.getOrDefault(organization, List.of()).stream().filter(t -> t.id().equals(id)).findFirst());
    }

    /** The templates in {@code folder}, or the bundled ones ({@code bundled} on the class path) when it holds no {@code *.yaml} file. */
    static List<CampaignTemplate> load(Path folder, String bundled, TemplateReferences references) {
        List<Path> files = yamlFiles(folder);
        if (files.isEmpty()) {
            return readBundled(bundled, references);
        }
        // every file's mistakes in one refusal, not one file per restart
        StartupRefusals.Stage stage = StartupRefusals.stage(STAGE);
        List<CampaignTemplate> read = files.stream().flatMap(file -> stage.get(references.organization().id(),
                () -> CampaignTemplateReader.read(file, references)).stream()).toList();
        stage.end();
        return read;
    }

    static List<CampaignTemplate> readBundled(String bundled, TemplateReferences references) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + bundled + "*.yaml");
        } catch (IOException e) {
            throw CampaignTemplateReader.refused("classpath:" + bundled, List.of("无法读取内置模板: " + e.getMessage()));
        }
        // The same file may be on the class path twice (classes folder and jar): the first one counts.
        Map<String, Resource> byName = new LinkedHashMap<>();
        Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename))
                .forEach(r -> byName.putIfAbsent(r.getFilename(), r));
        return byName.entrySet().stream().map(e -> {
            String location = "classpath:" + bundled + e.getKey();
            try (InputStream in = e.getValue().getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return CampaignTemplateReader.read(text, location, CampaignTemplateReader.templateId(e.getKey()), references);
            } catch (IOException ex) {
                throw CampaignTemplateReader.refused(location, List.of("无法读取: " + ex.getMessage()));
            }
        }).toList();
    }

    private static List<Path> yamlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw CampaignTemplateReader.refused(folder.toString(), List.of("无法读取文件夹: " + e.getMessage()));
        }
    }
}
