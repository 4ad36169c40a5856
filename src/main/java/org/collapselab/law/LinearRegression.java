package org.collapselab.law;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.util.MathArrays;

/**
 * Ordinary least squares y = X beta + e, with or without an intercept, and three estimates of the
 * covariance of beta-hat.
 *
 * <p>The fit goes through a Householder QR factorisation X = Q R (Commons Math), so X^T X is never
 * formed: beta-hat solves R beta = Q^T y, and the bread (X^T X)^-1 = R^-1 R^-T comes from the small
 * k x k triangle R. With u_i = x_i e_i the score of observation i, every robust covariance is the
 * sandwich V = (X^T X)^-1 S (X^T X)^-1 for a meat S:
 * <ul>
 *   <li>classical: V = s^2 (X^T X)^-1 with s^2 = RSS / (n - k);
 *   <li>Newey-West (Newey and West 1987, Econometrica 55, 703-708) with lag L:
 *       S = sum_i u_i u_i^T + sum_{l=1..L} w_l sum_{pairs (i, j) l apart in one cluster}
 *       (u_i u_j^T + u_j u_i^T), Bartlett weights w_l = 1 - l / (L + 1), no prewhitening and no
 *       small-sample factor. With a single cluster this is the ordinary estimator; with several it
 *       sums autocovariances only inside each cluster's time series;
 *   <li>cluster-robust CR0 (Liang and Zeger 1986, Biometrika 73, 13-22; Cameron and Miller 2015,
 *       J. Human Resources 50, 317-372): S = sum_g (sum_{i in g} u_i)(sum_{i in g} u_i)^T, without
 *       the G / (G - 1) (n - 1) / (n - k) correction, so with few clusters it runs small.
 * </ul>
 *
 * <p>R^2 is centred, 1 - RSS / sum (y_i - mean y)^2, when the model has an intercept, and
 * uncentred, 1 - RSS / sum y_i^2, when it has none (the centred form can then be negative and
 * means nothing). The intercept, when present, is coefficient 0.
 */
public final class LinearRegression {

    /** A pivot |R_jj| at or below this fraction of column j's norm marks a dependent column. */
    private static final double RANK_TOLERANCE = 1e-10;

    /** Whether column 0 of the design is the constant 1. */
    private final boolean intercept;
    /** The design column by column, columns[j][i] = X_ij, the intercept column included. */
    private final double[][] columns;
    /** beta-hat, the intercept first when there is one. */
    private final double[] coefficients;
    /** e = y - X beta-hat. */
    private final double[] residuals;
    /** (X^T X)^-1 = R^-1 R^-T, k x k row-major: the bread of every sandwich. */
    private final double[] bread;
    /** RSS = e^T e, summed with extra precision. */
    private final double residualSumOfSquares;
    /** The denominator of R^2: about the mean with an intercept, about zero without one. */
    private final double totalSumOfSquares;

    private LinearRegression(boolean intercept, double[][] columns, double[] coefficients,
                             double[] residuals, double[] bread, double totalSumOfSquares) {
        this.intercept = intercept;
        this.columns = columns;
        this.coefficients = coefficients;
        this.residuals = residuals;
        this.bread = bread;
        this.residualSumOfSquares = MathArrays.linearCombination(residuals, residuals);
        this.totalSumOfSquares = totalSumOfSquares;
    }

    /**
     * Fits y on the regressors {@code x} (n rows of p values each), adding a leading column of
     * ones when {@code intercept} is true.
     *
     * @throws DegenerateDesignException when n < k or the design's columns are dependent
     * @throws IllegalArgumentException  when shapes disagree or a value is not finite
     */
    public static LinearRegression fit(double[][] x, double[] y, boolean intercept) {
        double[][] rows = designRows(x, y, intercept);
        int n = rows.length;
        int k = rows[0].length;
        if (n < k) {
            throw new DegenerateDesignException("need at least " + k + " observations for " + k
                + " parameters, found " + n);
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(rows, false));
        double[][] columns = transpose(rows);
        double[] upper = leadingTriangle(qr.getR(), k);
        checkRank(upper, columns, intercept);

        double[] beta = qr.getSolver().solve(new ArrayRealVector(y, false)).toArray();
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            residuals[i] = y[i] - MathArrays.linearCombination(rows[i], beta);
        }
        double[] bread = breadFromTriangle(upper, k);
        return new LinearRegression(intercept, columns, beta, residuals, bread,
            totalSumOfSquares(y, intercept));
    }

    /**
     * The Newey-West lag rule L = floor(4 (T / 100)^(2/9)) for a series of length T (Newey and
     * West 1994, Review of Economic Studies 61, 631-653).
     */
    public static int defaultLag(int seriesLength) {
        if (seriesLength < 1) {
            throw new IllegalArgumentException("series length must be positive, found "
                + seriesLength);
        }
        return (int) Math.floor(4 * Math.pow(seriesLength / 100.0, 2.0 / 9.0));
    }

    /** n. */
    public int observationCount() {
        return residuals.length;
    }

    /** k: the regressors plus the intercept if there is one. */
    public int parameterCount() {
        return coefficients.length;
    }

    public boolean hasIntercept() {
        return intercept;
    }

    /** beta-hat (a copy), the intercept first when there is one. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Coefficient j (0 is the intercept when there is one). */
    public double coefficient(int j) {
        return coefficients[j];
    }

    /** e = y - X beta-hat (a copy). */
    public double[] residuals() {
        return residuals.clone();
    }

    /** RSS = sum e_i^2. */
    public double residualSumOfSquares() {
        return residualSumOfSquares;
    }

    /**
     * The denominator of R^2: sum (y_i - mean y)^2 with an intercept, sum y_i^2 without. Zero
     * when the response is constant (with an intercept) or all zero (without), where R^2 is
     * undefined.
     */
    public double totalSumOfSquares() {
        return totalSumOfSquares;
    }

    /**
     * R^2: centred with an intercept, uncentred without (see the class comment).
     *
     * @throws ArithmeticException when the denominator is zero (a constant response)
     */
    public double rSquared() {
        if (!(totalSumOfSquares > 0)) {
            throw new ArithmeticException("R^2 is undefined: the response "
                + (intercept ? "is constant" : "is all zero"));
        }
        return 1 - residualSumOfSquares / totalSumOfSquares;
    }

    /**
     * sqrt of the diagonal of s^2 (X^T X)^-1, s^2 = RSS / (n - k).
     *
     * @throws DegenerateDesignException when n = k (no residual degree of freedom)
     */
    public double[] classicalStandardErrors() {
        int k = parameterCount();
        int freedom = observationCount() - k;
        if (freedom < 1) {
            throw new DegenerateDesignException("classical standard errors need more observations"
                + " than the " + k + " parameters, found " + observationCount());
        }
        double variance = residualSumOfSquares / freedom;
        double[] errors = new double[k];
        for (int j = 0; j < k; j++) {
            errors[j] = Math.sqrt(variance * bread[j * k + j]);
        }
        return errors;
    }

    /** Newey-West standard errors treating all observations, in the order given, as one series. */
    public double[] neweyWestStandardErrors(int lag) {
        return neweyWestStandardErrors(lag, Panel.singleSeries(observationCount()));
    }

    /**
     * Newey-West standard errors with Bartlett weights and lag L, autocovariances summed only
     * inside each cluster of {@code panel} along its time order (see the class comment). With
     * short series (few generations) these errors run small: the Bartlett weights shrink the
     * autocovariances that are summed, and those beyond lag L are dropped altogether.
     */
    public double[] neweyWestStandardErrors(int lag, Panel panel) {
        if (lag < 0) {
            throw new IllegalArgumentException("lag must be >= 0, found " + lag);
        }
        checkPanel(panel);
        int k = parameterCount();
        double[] meat = new double[k * k];
        for (int c = 0; c < panel.clusterCount(); c++) {
            int[] series = panel.series(c);
            for (int a = 0; a < series.length; a++) {
                addOuter(meat, series[a], series[a], 1);
                for (int l = 1; l <= Math.min(lag, a); l++) {
                    double weight = 1 - l / (lag + 1.0);
                    addOuter(meat, series[a], series[a - l], weight);
                    addOuter(meat, series[a - l], series[a], weight);
                }
            }
        }
        return sandwichStandardErrors(meat);
    }

    /** Cluster-robust CR0 standard errors, the clusters those of {@code panel}. */
    public double[] clusterStandardErrors(Panel panel) {
        checkPanel(panel);
        int k = parameterCount();
        double[] meat = new double[k * k];
        double[] sum = new double[k];
        for (int c = 0; c < panel.clusterCount(); c++) {
            Arrays.fill(sum, 0);
            for (int i : panel.series(c)) {
                for (int p = 0; p < k; p++) {
                    sum[p] += columns[p][i] * residuals[i];
                }
            }
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    meat[p * k + q] += sum[p] * sum[q];
                }
            }
        }
        return sandwichStandardErrors(meat);
    }

    /** meat += weight u_i u_j^T. */
    private void addOuter(double[] meat, int i, int j, double weight) {
        int k = parameterCount();
        double scale = weight * residuals[i] * residuals[j];
        for (int p = 0; p < k; p++) {
            double left = scale * columns[p][i];
            for (int q = 0; q < k; q++) {
                meat[p * k + q] += left * columns[q][j];
            }
        }
    }

    /** sqrt of the diagonal of bread * meat * bread. */
    private double[] sandwichStandardErrors(double[] meat) {
        int k = parameterCount();
        double[] errors = new double[k];
        for (int j = 0; j < k; j++) {
            // (B S B)_jj = sum_pq B_jp S_pq B_qj, B symmetric.
            double sum = 0;
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    sum += bread[j * k + p] * meat[p * k + q] * bread[q * k + j];
                }
            }
            // A sandwich is positive semi-definite; clamp the rounding of an exact fit at zero.
            errors[j] = Math.sqrt(Math.max(0, sum));
        }
        return errors;
    }

    private void checkPanel(Panel panel) {
        if (panel.size() != observationCount()) {
            throw new IllegalArgumentException("panel covers " + panel.size()
                + " observations, the regression has " + observationCount());
        }
    }

    /** The design rows, validated, with a leading 1 when there is an intercept. */
    private static double[][] designRows(double[][] x, double[] y, boolean intercept) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows of regressors for " + y.length
                + " responses");
        }
        if (y.length == 0) {
            throw new DegenerateDesignException("no observations to fit");
        }
        int p = x[0].length;
        int k = p + (intercept ? 1 : 0);
        if (k == 0) {
            throw new DegenerateDesignException("nothing to fit: no regressors and no intercept");
        }
        double[][] rows = new double[y.length][k];
        for (int i = 0; i < y.length; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length
                    + " regressors, row 0 has " + p);
            }
            requireFinite(y[i], "response of row " + i);
            if (intercept) {
                rows[i][0] = 1;
            }
            for (int j = 0; j < p; j++) {
                requireFinite(x[i][j], "regressor " + j + " of row " + i);
                rows[i][k - p + j] = x[i][j];
            }
        }
        return rows;
    }

    private static void requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " is " + value + ", expected a finite"
                + " number");
        }
    }

    private static double[][] transpose(double[][] rows) {
        double[][] columns = new double[rows[0].length][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                columns[j][i] = rows[i][j];
            }
        }
        return columns;
    }

    /** The top k x k block of R, row-major. */
    private static double[] leadingTriangle(RealMatrix r, int k) {
        double[] upper = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                upper[i * k + j] = r.getEntry(i, j);
            }
        }
        return upper;
    }

    /**
     * |R_jj| is the norm of column j after projecting out the columns before it: a pivot tiny
     * beside the column's own norm means the column lies in their span.
     */
    private static void checkRank(double[] upper, double[][] columns, boolean intercept) {
        int k = columns.length;
        for (int j = 0; j < k; j++) {
            double norm = Math.sqrt(MathArrays.linearCombination(columns[j], columns[j]));
            if (!(Math.abs(upper[j * k + j]) > RANK_TOLERANCE * norm)) {
                String name = intercept && j == 0 ? "the intercept"
                    : "regressor " + (intercept ? j - 1 : j);
                throw new DegenerateDesignException("design is rank deficient: " + name
                    + " is a linear combination of the columns before it (all zero, or a single"
                    + " value beside an intercept)");
            }
        }
    }

    /** (R^T R)^-1 = R^-1 R^-T from the upper triangle R, by back substitution for R^-1. */
    private static double[] breadFromTriangle(double[] upper, int k) {
        double[] inverse = new double[k * k];
        for (int col = k - 1; col >= 0; col--) {
            inverse[col * k + col] = 1 / upper[col * k + col];
            for (int i = col - 1; i >= 0; i--) {
                double sum = 0;
                for (int m = i + 1; m <= col; m++) {
                    sum += upper[i * k + m] * inverse[m * k + col];
                }
                inverse[i * k + col] = -sum / upper[i * k + i];
            }
        }
        double[] bread = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double sum = 0;
                for (int m = Math.max(i, j); m < k; m++) {
                    sum += inverse[i * k + m] * inverse[j * k + m];
                }
                bread[i * k + j] = sum;
            }
        }
        return bread;
    }

    private static double totalSumOfSquares(double[] y, boolean intercept) {
        if (!intercept) {
            return MathArrays.linearCombination(y, y);
        }
        double mean = StatUtils.mean(y);
        double[] centred = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            centred[i] = y[i] - mean;
        }
        return MathArrays.linearCombination(centred, centred);
    }
}
