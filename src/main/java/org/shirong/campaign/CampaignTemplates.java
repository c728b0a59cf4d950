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
import org.shirong.organization.OrganizationLoader;
import org.shirong.rectification.CategoryCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The campaign templates (活动模板), read and checked once at start-up: every {@code *.yaml} in the
 * configured folder ({@code ./config/campaigns/}), or the templates bundled in the application when
 * that folder has none. A mistake in any of them refuses start-up naming the file and the field.
 */
@Component
public class CampaignTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignTemplates.class);
    private static final String BUNDLED = "config/campaigns/";

    private final List<CampaignTemplate> templates;

    CampaignTemplates(CampaignProperties properties, OrganizationLoader organization, CategoryCatalogue catalogue) {
        Path folder = Path.of(properties.folder());
        folder = folder.isAbsolute() ? folder : Path.of("config").resolve(folder);
        this.templates = load(folder, new TemplateReferences(organization.load(), catalogue::find));
        LOG.info("已读取 {} 个活动模板：{}", templates.size(), templates.stream().map(CampaignTemplate::id).toList());
    }

    /** Every template, in file-name order. */
    public List<CampaignTemplate> all() {
        return templates;
    }

    public Optional<CampaignTemplate> find(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The templates in {@code folder}, or the bundled ones when it holds no {@code *.yaml} file. */
    static List<CampaignTemplate> load(Path folder, TemplateReferences references) {
        List<Path> files = yamlFiles(folder);
        if (files.isEmpty()) {
            return readBundled(references);
        }
        return files.stream().map(file -> CampaignTemplateReader.read(file, references)).toList();
    }

    static List<CampaignTemplate> readBundled(TemplateReferences references) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + BUNDLED + "*.yaml");
        } catch (IOException e) {
            throw CampaignTemplateReader.refused("classpath:" + BUNDLED, List.of("无法读取内置模板: " + e.getMessage()));
        }
        // The same file may be on the class path twice (classes folder and jar): the first one counts.
        Map<String, Resource> byName = new LinkedHashMap<>();
        Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename))
                .forEach(r -> byName.putIfAbsent(r.getFilename(), r));
        return byName.entrySet().stream().map(e -> {
            String location = "classpath:" + BUNDLED + e.getKey();
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
