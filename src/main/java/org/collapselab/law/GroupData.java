package org.collapselab.law;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The observations of one group (or of one rho inside it) as parallel columns, with the panel of
 * replicate series they form.
 */
record GroupData(double[] rho, int[] generation, double[] response, List<String> clusters,
                 Panel panel) {

    static GroupData of(List<Observation> observations) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("no observations to fit");
        }
        int n = observations.size();
        double[] rho = new double[n];
        int[] generation = new int[n];
        double[] response = new double[n];
        List<String> clusters = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Observation o = observations.get(i);
            rho[i] = o.rho();
            generation[i] = o.generation();
            response[i] = o.logQualityChange();
            clusters.add(o.cluster());
        }
        return new GroupData(rho, generation, response, clusters, Panel.of(clusters, generation));
    }

    /** The observations at one rho value. */
    GroupData atRho(double value) {
        int[] rows = IntStream.range(0, size()).filter(i -> rho[i] == value).toArray();
        double[] subRho = new double[rows.length];
        int[] subGeneration = new int[rows.length];
        double[] subResponse = new double[rows.length];
        List<String> subClusters = new ArrayList<>(rows.length);
        for (int j = 0; j < rows.length; j++) {
            subRho[j] = rho[rows[j]];
            subGeneration[j] = generation[rows[j]];
            subResponse[j] = response[rows[j]];
            subClusters.add(clusters.get(rows[j]));
        }
        return new GroupData(subRho, subGeneration, subResponse, subClusters,
            Panel.of(subClusters, subGeneration));
    }

    int size() {
        return response.length;
    }

    /** The distinct rho values, ascending. */
    double[] distinctRho() {
        return Arrays.stream(rho).distinct().sorted().toArray();
    }

    /** A single-column design, row i = {values[i]}. */
    static double[][] column(double[] values) {
        double[][] x = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            x[i] = new double[] {values[i]};
        }
        return x;
    }

    /** The Newey-West lag: the one asked for, or the rule applied to the longest series. */
    int hacLag(Integer requested) {
        return requested != null ? requested : LinearRegression.defaultLag(panel.longestSeries());
    }
}
