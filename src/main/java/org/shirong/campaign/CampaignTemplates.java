package org.shirong.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CategoryCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The campaign templates (活动模板) of each organisation, read and checked once at start-up: every {@code *.yaml}
 * in {@code ./config/organizations/<id>/campaigns/}, or the organisation's templates bundled in the application
 * when that folder has none. A campaign runs in the organisation of its template. A mistake in any of them refuses start-up naming the file and the field.
 */
@Component
public class CampaignTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignTemplates.class);

    private final Map<String, List<CampaignTemplate>> byOrganization = new LinkedHashMap<>();
    private final Map<String, String> organizationOfTemplate = new HashMap<>();

    CampaignTemplates(Organizations organizations, CategoryCatalogue catalogue) {
        List<String> problems = new java.util.ArrayList<>();
        for (Organization organization : organizations.all()) {
            String folder = "organizations/" + organization.id() + "/campaigns/";
            List<CampaignTemplate> own = load(Path.of("config").resolve(folder), "config/" + folder,
                    new TemplateReferences(organization, code -> catalogue.find(organization.id(), code)));
            for (CampaignTemplate template : own) {
                String other = organizationOfTemplate.putIfAbsent(template.id(), organization.id());
                if (other != null) {
                    problems.add("config/" + folder + template.id() + ".yaml: 模板 id 已被组织 " + other + " 使用（模板 id 须在所有组织中唯一）");
                }
            }
            byOrganization.put(organization.id(), own);
            LOG.info("{}：已读取 {} 个活动模板：{}", organization.id(), own.size(), own.stream().map(CampaignTemplate::id).toList());
        }
        if (!problems.isEmpty()) {
            throw CampaignTemplateReader.refused("config/organizations/", problems);
        }
    }

    /** The organisation's templates, in file-name order. */
    public List<CampaignTemplate> all(String organization) {
        return byOrganization.getOrDefault(organization, List.of());
    }

    /** A template of any organisation (template ids are unique across organisations). */
    public Optional<CampaignTemplate> find(String id) {
        String organization = organizationOfTemplate.get(id);
        return organization == null ? Optional.empty() : all(organization).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The organisation a template belongs to: campaigns from it run in that organisation. */
    public Optional<String> organizationOf(String templateId) {
        return Optional.ofNullable(organizationOfTemplate.get(templateId));
    }

    /** The templates in {@code folder}, or the bundled ones ({@code bundled} on the class path) when it holds no {@code *.yaml} file. */
    static List<CampaignTemplate> load(Path folder, String bundled, TemplateReferences references) {
        List<Path> files = yamlFiles(folder);
        if (files.isEmpty()) {
            return readBundled(bundled, references);
        }
        return files.stream().map(file -> CampaignTemplateReader.read(file, references)).toList();
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
