package org.collapselab.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads an experiment YAML strictly (unknown and duplicated keys, wrong types and impossible values
 * are errors with file and line), fills in every default and checks the result.
 */
public final class SpecLoader {

    /** Strict reader: snake_case keys, no unknown or duplicate keys, no null for primitives. */
    private static final ObjectMapper READER = new ObjectMapper(YAMLFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** Writer of the resolved spec. */
    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private SpecLoader() {
    }

    /** Loads, resolves and validates the spec in {@code file}. */
    public static LoadedSpec load(Path file) throws SpecException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new SpecException(file + ": no such file; give the path of an experiment YAML "
                + "(see experiments/)");
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            throw new SpecException(file + ": is not UTF-8 text; save it as UTF-8");
        } catch (IOException unreadable) {
            if (Files.isDirectory(file)) {
                throw new SpecException(file + ": is a folder, not a spec; give the path of an "
                    + "experiment YAML such as experiments/quickstart.yaml");
            }
            throw new SpecException(file + ": cannot be read (" + unreadable.getMessage()
                + "); check the path and that the file is readable");
        }
        return parse(file, text);
    }

    /** Parses spec text; {@code file} names it in messages and anchors relative data paths. */
    public static LoadedSpec parse(Path file, String text) throws SpecException {
        YamlLines lines = YamlLines.index(text);
        if (text.isBlank() || lines.empty()) {
            throw new SpecException(file + ": the file is empty; an experiment needs at least "
                + "generations, family and data.source");
        }
        checkLayout(file, lines);
        checkNoAliases(file, text);
        ExperimentSpec raw = bind(file, text, lines);
        String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        ExperimentSpec resolved = Defaults.resolve(raw, defaultName);
        Path base = file.toAbsolutePath().getParent();
        new Validator(file, lines, base).check(raw, resolved);
        return new LoadedSpec(file, base, resolved);
    }

    /** What binding would hide: a key given twice, a second document after '---'. */
    private static void checkLayout(Path file, YamlLines lines) throws SpecException {
        if (lines.duplicate() != null) {
            String pointer = lines.duplicate();
            throw new SpecException(file + ":" + lines.duplicateLine() + ": "
                + pointer.substring(1).replace('/', '.') + ": given twice (first on line "
                + lines.line(pointer) + "); keep one of them");
        }
        if (lines.secondDocument() > 0) {
            throw new SpecException(file + ":" + lines.secondDocument() + ": a second YAML "
                + "document starts here; put the whole experiment in one document");
        }
    }

    /** Aliases of single values, which the binding would read as plain text. */
    private static void checkNoAliases(Path file, String text) throws SpecException {
        String[] first = YamlAliases.first(text);
        if (first != null) {
            throw new SpecException(file + ":" + first[0] + ": *" + first[1] + ": YAML "
                + "aliases and anchors of single values are not supported; write the value "
                + "itself");
        }
    }

    private static ExperimentSpec bind(Path file, String text, YamlLines lines)
        throws SpecException {
        try {
            ExperimentSpec spec = READER.readValue(text, ExperimentSpec.class);
            if (spec == null) {
                throw new SpecException(file + ": the file holds no experiment");
            }
            return spec;
        } catch (UnrecognizedPropertyException unknown) {
            int line = lines.line(pointer(unknown.getPath()));
            throw new SpecException((line > 0 ? file + ":" + line + ": "
                : where(file, unknown.getLocation())) + "unknown field '"
                + unknown.getPropertyName() + "'" + in(unknown.getPath()) + "; known fields: "
                + known(unknown.getKnownPropertyIds()));
        } catch (InvalidFormatException wrong) {
            String kind = article(wrong.getTargetType());
            throw new SpecException(where(file, wrong.getLocation()) + field(wrong.getPath())
                + ": '" + wrong.getValue() + "' is not " + kind + "; write " + kind
                + (inList(wrong.getPath()) ? " or a list of them" : ""));
        } catch (MismatchedInputException mismatch) {
            throw new SpecException(where(file, mismatch.getLocation()) + field(mismatch.getPath())
                + ": wrong kind of value, expected " + article(mismatch.getTargetType())
                + (inList(mismatch.getPath()) ? " (or a list of them)" : ""));
        } catch (JsonProcessingException failure) {
            throw syntaxOr(file, failure);
        }
    }

    /**
     * A syntax error as SnakeYAML describes it (the problem, where it is, and the construct it
     * broke), else Jackson's first line.
     */
    private static SpecException syntaxOr(Path file, JsonProcessingException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                String problem = yaml.getProblem() == null ? "unreadable YAML" : yaml.getProblem();
                String context = yaml.getContext() == null || yaml.getContextMark() == null ? ""
                    : " (" + yaml.getContext() + " from line "
                        + (yaml.getContextMark().getLine() + 1) + ")";
                return new SpecException(file + ":" + (yaml.getProblemMark().getLine() + 1)
                    + ": YAML syntax: " + oneLine(problem + context) + "; fix the YAML there");
            }
        }
        String field = failure instanceof JsonMappingException mapping
            ? field(mapping.getPath()) + ": " : "";
        String message = firstLine(failure.getOriginalMessage());
        if (message.contains("out of range of")) {
            message = "the number is too large; use a whole number up to "
                + (message.contains("out of range of long") ? Long.MAX_VALUE : Integer.MAX_VALUE);
        } else if (message.startsWith("Malformed numeric value")) {
            message = message.replace("Malformed numeric value", "not a usable number:")
                + "; write a finite number";
        }
        return new SpecException(where(file, failure.getLocation()) + field + message);
    }

    /** Whether a binding path ends inside a list (a field that also takes a list of values). */
    private static boolean inList(List<JsonMappingException.Reference> path) {
        return !path.isEmpty() && path.get(path.size() - 1).getFieldName() == null;
    }

    /** A binding path as a JSON pointer, to look its line up in {@link YamlLines}. */
    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            out.append('/').append(r.getFieldName() == null ? String.valueOf(r.getIndex())
                : r.getFieldName().replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    private static String where(Path file, JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return file + ": ";
        }
        return file + ":" + location.getLineNr() + ": ";
    }

    private static String in(List<JsonMappingException.Reference> path) {
        if (path.size() <= 1) {
            return "";
        }
        return " in " + path.subList(0, path.size() - 1).stream()
            .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
            .collect(Collectors.joining("."));
    }

    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "document" : out.toString();
    }

    private static String known(java.util.Collection<Object> ids) {
        return ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    private static String article(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == Integer.class || type == int.class || type == Long.class
            || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a block of fields";
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.strip();
        int cut = line.indexOf('\n');
        return cut < 0 ? line : line.substring(0, cut);
    }

    /** The resolved spec as YAML, for spec.resolved.yaml. */
    public static String toYaml(ExperimentSpec spec) {
        try {
            return WRITER.writeValueAsString(spec);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot write the resolved spec", impossible);
        }
    }

    /** Reads a resolved spec back (used by merge and resume to compare specs). */
    public static ExperimentSpec fromYaml(String text) throws IOException {
        return READER.readValue(text, ExperimentSpec.class);
    }

}
