package org.collapselab.math;

/**
 * log sum_i exp(t_i), the log of a sum of terms that are held as logarithms, as in a mixture
 * density sum_j w_j N(x | mu_j, S_j) whose terms underflow long before their sum does.
 */
public final class LogSumExp {

    private LogSumExp() {
    }

    /**
     * log sum_{i < count} exp(terms[i]), computed as m + log sum_i exp(t_i - m) with m the largest
     * term: every exponent is then at most 0, so nothing overflows, and the largest term
     * contributes exactly 1, so the sum never underflows to zero.
     *
     * @return -infinity when every term is -infinity (an empty sum)
     */
    public static double of(double[] terms, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, terms[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += Math.exp(terms[i] - max);
        }
        return max + Math.log(sum);
    }
}
