package org.shirong.campaign;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.shirong.organization.Organization;
import org.shirong.rectification.Category;
import org.shirong.rectification.CategoryGroup;

/**
 * The shipped {@code config/organization.yaml} and {@code config/categories.yaml} as a template's
 * references, read directly (their own loaders, and their checks, are tested in their packages).
 */
final class TemplateFixture {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TemplateFixture() {
    }

    static TemplateReferences references() {
        return references("jiuting");
    }

    /** The shipped organisation's file, its categories (its own, else {@code _defaults}) and its towns and streets. */
    static TemplateReferences references(String id) {
        try {
            Organization organization = organization(id);
            File own = new File("config/organizations/" + id + "/categories.yaml");
            List<Category> categories = new ArrayList<>();
            for (JsonNode c : YAML.readTree(own.exists() ? own : new File("config/organizations/_defaults/categories.yaml")).get("categories")) {
                List<String> items = new ArrayList<>();
                c.path("items").forEach(i -> items.add(i.asText()));
                categories.add(new Category(c.get("code").asText(), c.get("name").asText(),
                        CategoryGroup.valueOf(c.get("group").asText()), items, c.path("applicable").asBoolean(true)));
            }
            return new TemplateReferences(organization,
                    code -> categories.stream().filter(c -> c.code().equals(code)).findFirst(),
                    town -> new File("config/organizations/" + town + "/organization.yaml").exists()
                            ? java.util.Optional.of(organization(town)).filter(o -> id.equals(o.organization().parent()))
                            : java.util.Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Organization organization(String id) {
        try {
            return YAML.readValue(new File("config/organizations/" + id + "/organization.yaml"), Organization.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
