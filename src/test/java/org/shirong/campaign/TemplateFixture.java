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
        try {
            Organization organization = YAML.readValue(new File("config/organizations/jiuting/organization.yaml"), Organization.class);
            List<Category> categories = new ArrayList<>();
            for (JsonNode c : YAML.readTree(new File("config/organizations/jiuting/categories.yaml")).get("categories")) {
                List<String> items = new ArrayList<>();
                c.path("items").forEach(i -> items.add(i.asText()));
                categories.add(new Category(c.get("code").asText(), c.get("name").asText(),
                        CategoryGroup.valueOf(c.get("group").asText()), items, c.path("applicable").asBoolean(true)));
            }
            return new TemplateReferences(organization,
                    code -> categories.stream().filter(c -> c.code().equals(code)).findFirst());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
