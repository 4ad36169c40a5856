package org.collapselab.metric;

import java.util.List;

/** Sample-based estimators, used where no closed form applies. */
public final class Empirical {

    private Empirical() {
    }

    /**
     * The squared 2-Wasserstein distance between two one-dimensional empirical distributions,
     * the integral over u in (0, 1) of (F^-1(u) - G^-1(u))^2, computed exactly by walking the
     * merged breakpoints i/m and j/n of the two quantile functions. Both arrays must be sorted.
     */
    public static double w2SquaredSorted(double[] a, double[] b) {
        int i = 0;
        int j = 0;
        double u = 0;
        double sum = 0;
        while (i < a.length && j < b.length) {
            double nextA = (double) (i + 1) / a.length;
            double nextB = (double) (j + 1) / b.length;
            double next = Math.min(nextA, nextB);
            double d = a[i] - b[j];
            sum += (next - u) * d * d;
            u = next;
            if (nextA <= next) {
                i++;
            }
            if (nextB <= next) {
                j++;
            }
        }
        return sum;
    }

    /**
     * The Kullback-Leibler divergence D(P || Q) from samples by the k-nearest-neighbour estimator
     * of Wang, Kulkarni and Verdu (IEEE Trans. Inf. Theory 55(5), 2009):
     * (d/n) sum_i log(nu_k(i) / rho_k(i)) + log(m / (n - 1)), with rho_k(i) the distance from
     * x_i to its k-th neighbour among the other P samples and nu_k(i) to its k-th neighbour among
     * the m Q samples. Zero distances (repeated rows) are skipped: they carry no information on
     * the density ratio and would give an infinite term.
     */
    public static double knnKl(List<double[]> p, List<double[]> q, int k) {
        int n = p.size();
        int m = q.size();
        int dim = p.get(0).length;
        double sum = 0;
        int used = 0;
        double[] nearestP = new double[k];
        double[] nearestQ = new double[k];
        for (int s = 0; s < n; s++) {
            double[] x = p.get(s);
            double rho = kthNearest(x, p, s, k, nearestP);
            double nu = kthNearest(x, q, -1, k, nearestQ);
            if (rho > 0 && nu > 0) {
                sum += Math.log(nu / rho);
                used++;
            }
        }
        if (used == 0) {
            return Double.NaN;
        }
        return dim * sum / used + Math.log((double) m / (n - 1));
    }

    /** Euclidean distance from x to its k-th nearest point of {@code points}, but {@code skip}. */
    private static double kthNearest(double[] x, List<double[]> points, int skip, int k,
                                     double[] best) {
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int t = 0; t < points.size(); t++) {
            if (t == skip) {
                continue;
            }
            double[] y = points.get(t);
            double d2 = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - y[i];
                d2 += d * d;
            }
            if (d2 < best[k - 1]) {
                int pos = k - 1;
                while (pos > 0 && best[pos - 1] > d2) {
                    best[pos] = best[pos - 1];
                    pos--;
                }
                best[pos] = d2;
            }
        }
        return Math.sqrt(best[k - 1]);
    }

    /** The trace of the (biased) sample covariance. */
    public static double totalVariance(List<double[]> samples) {
        int dim = samples.get(0).length;
        double total = 0;
        for (int i = 0; i < dim; i++) {
            double mean = 0;
            for (double[] x : samples) {
                mean += x[i];
            }
            mean /= samples.size();
            double ss = 0;
            for (double[] x : samples) {
                double d = x[i] - mean;
                ss += d * d;
            }
            total += ss / samples.size();
        }
        return total;
    }

    /** The empirical p-quantile of a sorted array (linear between order statistics). */
    public static double quantileSorted(double[] sorted, double probability) {
        double position = probability * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        double frac = position - low;
        return sorted[low] + frac * (sorted[high] - sorted[low]);
    }
}
