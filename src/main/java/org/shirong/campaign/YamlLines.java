package org.shirong.campaign;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The line of every field of a YAML text, by path ({@code phases[1].length}), for messages: Jackson
 * reports an unknown field of a record at the end of the enclosing mapping, not where it is. Also
 * finds the first YAML alias ({@code *name}), which Jackson reads as the anchor's name, not its text.
 */
final class YamlLines {

    /** A field path and the line it is on. */
    record Place(String field, int line) {
    }

    private final Map<String, Integer> lines = new HashMap<>();
    private Place firstAlias;

    private YamlLines() {
    }

    static YamlLines scan(YAMLFactory factory, String text) throws IOException {
        YamlLines result = new YamlLines();
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                String field = path(parser);
                int line = parser.currentLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    result.lines.putIfAbsent(field, line);
                } else if (parser.isCurrentAlias() && result.firstAlias == null) {
                    result.firstAlias = new Place(field, line);
                }
            }
        }
        return result;
    }

    /** The line {@code field} is on, if it is in the text. */
    Optional<Integer> line(String field) {
        return Optional.ofNullable(lines.get(field));
    }

    Optional<Place> firstAlias() {
        return Optional.ofNullable(firstAlias);
    }

    private static String path(YAMLParser parser) {
        return parser.getParsingContext().pathAsPointer().toString().replaceFirst("^/", "")
                .replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }
}
