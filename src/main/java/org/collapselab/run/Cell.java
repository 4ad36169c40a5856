package org.collapselab.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One independent unit of work: a grid point (all parameters fixed) and a replicate.
 *
 * @param index position in the grid's canonical order (output order)
 * @param parameters parameter columns in order; an empty value means "does not apply"
 * @param replicate replicate number, 0-based
 * @param seed the cell's random stream seed
 * @param dataSeed seed of the real-data split, shared by all cells of the replicate that read the
 *     same data, so that they are compared on the same probe
 */
public record Cell(int index, Map<String, String> parameters, int replicate, long seed,
                   long dataSeed) {

    public Cell {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The parameters as {@code name=value;name=value}, the key of the cell's grid point. */
    public String pointKey() {
        return keyOf(parameters);
    }

    /** The key of a grid point: {@code name=value} pairs in column order, joined by ';'. */
    public static String keyOf(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(";"));
    }

    /** A stable identifier: a hash of the grid point and the replicate. */
    public String id() {
        return String.format("%016x-r%d", Seeds.hash(pointKey()), replicate);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    /**
     * A short description for log lines: the parameters that apply to the cell (an empty one,
     * such as components for a gaussian, is left out) and the replicate.
     */
    public String label() {
        return parameters.entrySet().stream().filter(e -> !e.getValue().isEmpty())
            .map(e -> e.getKey() + "=" + e.getValue() + " ").collect(Collectors.joining())
            + "replicate=" + replicate;
    }
}
