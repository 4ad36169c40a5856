package org.collapselab.law;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the observations of a regression fall into clusters, each cluster one time series ordered
 * by time. The cluster-robust estimator sums scores within a cluster; the Newey-West estimator
 * pairs observations l positions apart within the same cluster and never across two.
 *
 * <p>A lag counts positions in a cluster's time-ordered series, which equals the difference in
 * generations when a series has no gaps.
 */
public final class Panel {

    /** Number of observations covered. */
    private final int size;
    /** series[c] holds the indices of cluster c's observations in increasing time. */
    private final int[][] series;

    private Panel(int size, int[][] series) {
        this.size = size;
        this.series = series;
    }

    /** One cluster holding every observation in the order given: the plain time-series case. */
    public static Panel singleSeries(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a panel needs at least one observation, found "
                + size);
        }
        int[] all = new int[size];
        Arrays.setAll(all, i -> i);
        return new Panel(size, new int[][] {all});
    }

    /**
     * Clusters from a key per observation (compared with {@code equals}; clusters are numbered in
     * order of first appearance) and a time per observation.
     *
     * @throws IllegalArgumentException when the lengths differ or a cluster has two observations
     *                                  at the same time
     */
    public static Panel of(List<?> clusterKeys, int[] times) {
        if (clusterKeys.size() != times.length) {
            throw new IllegalArgumentException(clusterKeys.size() + " cluster keys for "
                + times.length + " times");
        }
        if (times.length == 0) {
            throw new IllegalArgumentException("a panel needs at least one observation, found 0");
        }
        Map<Object, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < times.length; i++) {
            members.computeIfAbsent(clusterKeys.get(i), key -> new ArrayList<>()).add(i);
        }
        int[][] series = new int[members.size()][];
        int c = 0;
        for (Map.Entry<Object, List<Integer>> entry : members.entrySet()) {
            series[c++] = timeOrdered(entry.getKey(), entry.getValue(), times);
        }
        return new Panel(times.length, series);
    }

    private static int[] timeOrdered(Object key, List<Integer> indices, int[] times) {
        int[] ordered = indices.stream()
            .sorted(Comparator.comparingInt(i -> times[i]))
            .mapToInt(Integer::intValue)
            .toArray();
        for (int j = 1; j < ordered.length; j++) {
            if (times[ordered[j]] == times[ordered[j - 1]]) {
                throw new IllegalArgumentException("cluster " + key + " has two observations at"
                    + " time " + times[ordered[j]]);
            }
        }
        return ordered;
    }

    /** Number of observations covered. */
    public int size() {
        return size;
    }

    /** Number of clusters. */
    public int clusterCount() {
        return series.length;
    }

    /** Length of the longest cluster series. */
    public int longestSeries() {
        return Arrays.stream(series).mapToInt(s -> s.length).max().orElseThrow();
    }

    /** The observation indices of cluster c in increasing time (shared: do not modify). */
    int[] series(int cluster) {
        return series[cluster];
    }
}
