package org.collapselab.spec;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Finds aliases ({@code *name}) of single values in a spec. The binding does not resolve them:
 * such an alias reaches a field as the text of its name ({@code replicates: *g} would read as
 * the word 'g'), so a spec that uses one is refused with its line. Anchors themselves, and
 * aliases of lists and mappings, which the binding does resolve, are left alone.
 */
final class YamlAliases {

    private YamlAliases() {
    }

    /**
     * The 1-based line and the name of the first alias of a single value in {@code text}, or
     * null when there is none or the text is not YAML (the binding reports syntax errors with
     * their own line).
     */
    static String[] first(String text) {
        // An alias of an anchor never defined reads as text too, so only aliases of known
        // lists and mappings pass.
        java.util.Set<String> collectionAnchors = new java.util.HashSet<>();
        try {
            for (Event event : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
                if (event instanceof AliasEvent alias
                    && !collectionAnchors.contains(alias.getAnchor())) {
                    return new String[] {String.valueOf(event.getStartMark().getLine() + 1),
                        alias.getAnchor()};
                }
                if (event instanceof CollectionStartEvent start && start.getAnchor() != null) {
                    collectionAnchors.add(start.getAnchor());
                }
            }
        } catch (YAMLException notYaml) {
            return null;
        }
        return null;
    }
}
