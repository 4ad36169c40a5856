package org.collapselab.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key and value in a YAML document, by JSON pointer ({@code /data/dim/1}), so
 * that checks made after binding can still point at the line a value came from. A field points
 * at the line of its key, so a block ({@code data:}) points at its first line; the document
 * itself ({@code ""}) points at its first key. Indexing also finds what binding would hide: a
 * key given twice and a second YAML document after {@code ---}.
 */
final class YamlLines {

    /** Line (1-based) by pointer. */
    private final Map<String, Integer> lines;
    /** Pointer of the first key that appears twice in its block, or null. */
    private final String duplicate;
    /** Line of that key's second appearance. */
    private final int duplicateLine;
    /** Line of the second document's first value, or 0 when there is one document. */
    private final int secondDocument;
    /** Whether the text holds no YAML value at all (only comments and blank lines). */
    private final boolean empty;

    private YamlLines(Map<String, Integer> lines, String duplicate, int duplicateLine,
                      int secondDocument, boolean empty) {
        this.lines = lines;
        this.duplicate = duplicate;
        this.duplicateLine = duplicateLine;
        this.secondDocument = secondDocument;
        this.empty = empty;
    }

    static YamlLines index(String text) {
        Map<String, Integer> lines = new HashMap<>();
        String duplicate = null;
        int duplicateLine = 0;
        int roots = 0;
        int secondDocument = 0;
        int depth = 0;
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                    continue;
                }
                if (depth == 0 && ++roots == 2) {
                    secondDocument = line;
                    break;
                }
                if (token.isStructStart()) {
                    depth++;
                }
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.FIELD_NAME && lines.containsKey(pointer)
                    && duplicate == null) {
                    duplicate = pointer;
                    duplicateLine = line;
                }
                lines.putIfAbsent(pointer, line);
            }
        } catch (IOException unreadable) {
            // Binding reports syntax errors with their own location; keep what was indexed.
            return new YamlLines(lines, duplicate, duplicateLine, secondDocument, false);
        }
        return new YamlLines(lines, duplicate, duplicateLine, secondDocument, roots == 0);
    }

    /**
     * The line of a pointer, or of its nearest ancestor that has one; 0 when none does.
     * Array values are indexed by their parent's context, so {@code /rho/1} is looked up as is.
     */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** The pointer of the first key given twice in the same block, or null. */
    String duplicate() {
        return duplicate;
    }

    /** The line where that key appears the second time. */
    int duplicateLine() {
        return duplicateLine;
    }

    /** The first line of a second YAML document, or 0 when the text holds one document. */
    int secondDocument() {
        return secondDocument;
    }

    /** Whether the text holds no YAML value, only comments and blank lines. */
    boolean empty() {
        return empty;
    }
}
