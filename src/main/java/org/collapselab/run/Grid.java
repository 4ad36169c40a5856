package org.collapselab.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collapselab.data.Policy;
import org.collapselab.spec.ExperimentSpec;

/**
 * The cartesian product of a spec's list-valued fields, times the replicates. Parameters that do
 * not apply to a grid point are blanked (rho is 1 under replace, real_weight applies only under
 * weighted, components only to gmm), and the duplicates this makes are dropped, so every cell is
 * distinct.
 */
public final class Grid {

    /** Parameter columns that every run has. */
    static final List<String> ALWAYS = List.of("family", "policy", "rho", "n");

    private Grid() {
    }

    /** The cells of a spec in canonical order: grid point by grid point, replicates innermost. */
    public static List<Cell> cells(ExperimentSpec spec) {
        List<Map<String, String>> points = points(spec);
        List<Cell> cells = new ArrayList<>();
        for (Map<String, String> point : points) {
            String key = seedKey(point);
            String dataKey = "data;dim=" + point.getOrDefault("dim", "");
            for (int r = 0; r < spec.replicates(); r++) {
                cells.add(new Cell(cells.size(), point, r, Seeds.derive(spec.seed(), key, r),
                    Seeds.derive(spec.seed(), dataKey, r)));
            }
        }
        return cells;
    }

    /**
     * The key a cell's seed is derived from: its grid point without the blank parameters, so that
     * a column that other cells bring in (real_weight with a weighted policy, components with
     * gmm) does not change the seeds of the cells it does not apply to.
     */
    static String seedKey(Map<String, String> point) {
        Map<String, String> applicable = new LinkedHashMap<>();
        point.forEach((name, value) -> {
            // The arms of a market run share every seed: they differ by the regulator alone.
            if (!value.isEmpty() && !name.equals(MarketColumns.REGULATED)) {
                applicable.put(name, value);
            }
        });
        return Cell.keyOf(applicable);
    }

    /** The parameter columns of a spec's cells, in order. */
    public static List<String> parameterNames(ExperimentSpec spec) {
        List<String> names = new ArrayList<>(ALWAYS);
        if (spec.policy().contains(Policy.WEIGHTED.key())) {
            names.add("real_weight");
        }
        if (spec.data().dim() != null) {
            names.add("dim");
        }
        if (spec.family().contains("gmm")) {
            names.add("components");
        }
        if (spec.market() != null) {
            names.add(MarketColumns.REGULATED);
        }
        return names;
    }

    private static List<Map<String, String>> points(ExperimentSpec spec) {
        List<String> names = parameterNames(spec);
        List<List<String>> axes = new ArrayList<>();
        for (String name : names) {
            axes.add(axis(spec, name));
        }
        Set<Map<String, String>> unique = new LinkedHashSet<>();
        int[] position = new int[axes.size()];
        while (true) {
            Map<String, String> point = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                point.put(names.get(a), axes.get(a).get(position[a]));
            }
            unique.add(normalise(point));
            int a = axes.size() - 1;
            while (a >= 0 && ++position[a] == axes.get(a).size()) {
                position[a] = 0;
                a--;
            }
            if (a < 0) {
                break;
            }
        }
        return new ArrayList<>(unique);
    }

    private static List<String> axis(ExperimentSpec spec, String name) {
        return switch (name) {
            case "family" -> spec.family();
            case "policy" -> spec.policy();
            case "rho" -> spec.rho().stream().map(String::valueOf).toList();
            case "n" -> spec.n().stream().map(String::valueOf).toList();
            case "real_weight" -> spec.realWeight().stream().map(String::valueOf).toList();
            case "dim" -> spec.data().dim().stream().map(String::valueOf).toList();
            case "components" -> spec.model().components().stream().map(String::valueOf)
                .toList();
            case MarketColumns.REGULATED -> spec.market().regulated().stream()
                .map(String::valueOf).toList();
            default -> throw new IllegalArgumentException("no grid axis " + name);
        };
    }

    private static Map<String, String> normalise(Map<String, String> point) {
        Policy policy = Policy.byKey(point.get("policy"));
        double rho = Double.parseDouble(point.get("rho"));
        point.put("rho", String.valueOf(policy.effectiveRho(rho)));
        if (point.containsKey("real_weight") && policy != Policy.WEIGHTED) {
            point.put("real_weight", "");
        }
        if (point.containsKey("components") && !point.get("family").equals("gmm")) {
            point.put("components", "");
        }
        return point;
    }
}
