package org.shirong.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Writes the options {@link FormSelectOptions} give into the select fields of the forms about to be deployed. */
final class FormOptionFiller {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> CHOICES = Set.of("select", "checklist", "radio");

    private FormOptionFiller() {
    }

    /** The resources with the options written in; a missing form or field is added to problems. */
    static List<ProcessResource> fill(List<ProcessResource> resources, List<FormSelectOptions> fillings, String organization,
            List<String> problems) {
        List<ProcessResource> filled = new ArrayList<>(resources);
        for (FormSelectOptions filling : fillings) {
            int at = indexOf(filled, filling.form());
            if (at < 0) {
                problems.add(filling.form() + "：找不到此表单（其“" + filling.field() + "”字段的选项按配置填写）");
                continue;
            }
            ProcessResource form = filled.get(at);
            try {
                JsonNode root = JSON.readTree(form.content());
                Optional<ObjectNode> field = find(root, filling.field());
                if (field.isEmpty()) {
                    problems.add(form.origin() + "：找不到下拉字段“" + filling.field() + "”（其选项按配置填写）");
                    continue;
                }
                ArrayNode values = field.get().putArray("values");
                filling.options(organization).forEach(o -> values.addObject().put("label", o.label()).put("value", o.value()));
                filling.description(organization).ifPresent(d -> field.get().put("description", d));
                filled.set(at, new ProcessResource(form.name(), form.origin(), JSON.writeValueAsBytes(root)));
            } catch (JsonProcessingException notJson) {
                // Left as it is: ProcessResourceValidator names the line and column.
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return filled;
    }

    private static int indexOf(List<ProcessResource> resources, String name) {
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The select (or checklist, radio) field with this key, also inside groups. */
    private static Optional<ObjectNode> find(JsonNode node, String key) {
        if (node instanceof ObjectNode object && key.equals(object.path("key").asText(null))
                && CHOICES.contains(object.path("type").asText())) {
            return Optional.of(object);
        }
        for (JsonNode child : node.path("components")) {
            Optional<ObjectNode> found = find(child, key);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
