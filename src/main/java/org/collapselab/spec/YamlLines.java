package org.collapselab.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every value in a YAML document, by JSON pointer ({@code /data/dim/1}), so that
 * checks made after binding can still point at the line a value came from.
 */
final class YamlLines {

    /** Line (1-based) by pointer. */
    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static YamlLines index(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT
                    || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException unreadable) {
            // Binding reports syntax errors with their own location; nothing to index.
        }
        return new YamlLines(lines);
    }

    /**
     * The line of a pointer, or of its nearest ancestor that has one; 0 when none does.
     * Array values are indexed by their parent's context, so {@code /rho/1} is looked up as is.
     */
    int line(String pointer) {
        String p = pointer;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return 0;
    }
}
