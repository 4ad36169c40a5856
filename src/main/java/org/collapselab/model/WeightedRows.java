package org.collapselab.model;

import java.util.List;

/**
 * A validated numeric training set laid out for fast loops: the n samples of dimension d as one
 * row-major {@code double[n * d]}, with one weight per sample (1 when the set is unweighted).
 *
 * <p>Weights act as multiplicities: every weighted sum here equals the unweighted sum over a set
 * in which sample i appears w_i times. Moments use two passes (mean first, then centred sums), so
 * that a large common offset does not cancel away the spread.
 */
final class WeightedRows {

    /** Number of samples, including those of weight zero. */
    private final int size;
    /** Dimension of every sample. */
    private final int dim;
    /** Sample i occupies {@code values[i * dim .. i * dim + dim)}. */
    private final double[] values;
    /** Weight of each sample, all finite and non-negative. */
    private final double[] weights;
    /** W = sum of the weights, positive and finite. */
    private final double totalWeight;

    private WeightedRows(int dim, double[] values, double[] weights, double totalWeight) {
        this.size = weights.length;
        this.dim = dim;
        this.values = values;
        this.weights = weights;
        this.totalWeight = totalWeight;
    }

    /**
     * Copies and validates a training set.
     *
     * @param family the family's name, which prefixes every error message
     * @throws ModelFitException when the set is empty, the dimensions differ, a value or weight is
     *     not finite, a weight is negative, or the weights sum to zero
     */
    static WeightedRows of(TrainingSet<double[]> training, String family) {
        List<double[]> samples = training.samples();
        if (samples.isEmpty()) {
            throw new ModelFitException(family + ": the training set is empty");
        }
        int dim = samples.get(0).length;
        if (dim == 0) {
            throw new ModelFitException(family + ": samples have dimension 0");
        }
        double[] values = new double[samples.size() * dim];
        double[] weights = new double[samples.size()];
        double total = 0;
        for (int i = 0; i < samples.size(); i++) {
            copyRow(samples.get(i), i, dim, values, family);
            weights[i] = checkedWeight(training.weight(i), i, family);
            total += weights[i];
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new ModelFitException(family + ": the weights sum to " + total
                + "; expected a positive finite total");
        }
        return new WeightedRows(dim, values, weights, total);
    }

    private static void copyRow(double[] row, int index, int dim, double[] values, String family) {
        if (row.length != dim) {
            throw new ModelFitException(family + ": sample " + index + " has dimension "
                + row.length + ", expected " + dim);
        }
        for (int c = 0; c < dim; c++) {
            if (!Double.isFinite(row[c])) {
                throw new ModelFitException(family + ": sample " + index + " has the non-finite"
                    + " value " + row[c] + " in coordinate " + c);
            }
        }
        System.arraycopy(row, 0, values, index * dim, dim);
    }

    private static double checkedWeight(double weight, int index, String family) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new ModelFitException(family + ": weight " + index + " is " + weight
                + "; expected a finite value >= 0");
        }
        return weight;
    }

    int size() {
        return size;
    }

    int dim() {
        return dim;
    }

    /** The flat row-major values; callers read them and never write. */
    double[] values() {
        return values;
    }

    double weight(int i) {
        return weights[i];
    }

    /** W = sum_i w_i. */
    double totalWeight() {
        return totalWeight;
    }

    /** The number of samples with a positive weight. */
    int positiveCount() {
        int count = 0;
        for (double w : weights) {
            if (w > 0) {
                count++;
            }
        }
        return count;
    }

    /** Kish's effective sample size n_eff = (sum w)^2 / sum w^2 (n when every weight is 1). */
    double effectiveSize() {
        double sumSquares = 0;
        for (double w : weights) {
            sumSquares += w * w;
        }
        return totalWeight * totalWeight / sumSquares;
    }

    /** The weighted mean sum_i w_i x_i / W. */
    double[] mean() {
        double[] mean = new double[dim];
        for (int i = 0; i < size; i++) {
            double w = weights[i];
            int row = i * dim;
            for (int c = 0; c < dim; c++) {
                mean[c] += w * values[row + c];
            }
        }
        for (int c = 0; c < dim; c++) {
            mean[c] /= totalWeight;
        }
        return mean;
    }

    /**
     * The weighted scatter matrix sum_i w_i (x_i - m)(x_i - m)^T about {@code center}, row-major
     * d x d and exactly symmetric. Divided by W it is the plug-in (maximum-likelihood) covariance.
     */
    double[] scatter(double[] center) {
        double[] scatter = new double[dim * dim];
        double[] diff = new double[dim];
        for (int i = 0; i < size; i++) {
            double w = weights[i];
            int row = i * dim;
            for (int c = 0; c < dim; c++) {
                diff[c] = values[row + c] - center[c];
            }
            for (int a = 0; a < dim; a++) {
                double wa = w * diff[a];
                for (int b = 0; b <= a; b++) {
                    scatter[a * dim + b] += wa * diff[b];
                }
            }
        }
        mirrorLowerTriangle(scatter, dim);
        return scatter;
    }

    /** Copies the lower triangle of a row-major square matrix onto its upper triangle. */
    private static void mirrorLowerTriangle(double[] matrix, int dim) {
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < a; b++) {
                matrix[b * dim + a] = matrix[a * dim + b];
            }
        }
    }
}
