package org.collapselab.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits every law to every group of a set of observations: the entry point that turns the rows of
 * generations.csv into the reports behind fits.csv and fits.json.
 */
public final class LawAnalysis {

    /** Odd 64-bit constant (2^64 / golden ratio) spreading group hashes over the seed space. */
    private static final long SEED_SPREAD = 0x9E3779B97F4A7C15L;

    private LawAnalysis() {
    }

    /** One report per group, in ascending order of the group key. */
    public static List<LawReport> analyse(List<Observation> observations, LawOptions options) {
        Map<String, List<Observation>> groups = new TreeMap<>();
        for (Observation o : observations) {
            groups.computeIfAbsent(o.group(), key -> new ArrayList<>()).add(o);
        }
        // Groups are independent (each has its own bootstrap stream), so they are fitted in
        // parallel; the list keeps the key order.
        return groups.entrySet().parallelStream()
            .map(e -> analyseGroup(e.getKey(), e.getValue(), options)).toList();
    }

    /**
     * The report for one group.
     *
     * @throws DegenerateDesignException prefixed with the group, when a fit is not identified
     * @throws ArithmeticException       prefixed with the group, when its response is constant
     */
    public static LawReport analyseGroup(String group, List<Observation> observations,
                                         LawOptions options) {
        try {
            GroupData data = GroupData.of(observations);
            CollapseFit collapse = CollapseLaw.fit(data, options.hacLag(),
                options.bootstrapReplicates(), groupSeed(options.seed(), group));
            List<RhoSlope> slopes = RhoSlopes.fit(data, options.hacLag());
            List<LawFit> laws = LawComparison.compare(data, collapse);
            return new LawReport(group, collapse, slopes, RhoSlopes.exponent(slopes), laws,
                LawComparison.best(laws));
        } catch (DegenerateDesignException e) {
            throw new DegenerateDesignException("group " + group + ": " + e.getMessage());
        } catch (ArithmeticException e) {
            throw new ArithmeticException("group " + group + ": " + e.getMessage());
        }
    }

    /**
     * The bootstrap seed of a group: a function of the run seed and the group's name only, so a
     * group's interval does not change when other groups are added or removed.
     */
    public static long groupSeed(long seed, String group) {
        return seed + SEED_SPREAD * group.hashCode();
    }
}
