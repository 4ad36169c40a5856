package org.collapselab.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapselab.data.LinearModelTruth;
import org.collapselab.data.RealSyntheticClassifier;
import org.collapselab.data.SampleFeatures;
import org.collapselab.data.Truth;
import org.collapselab.model.GaussianMoments;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.LinearPredictor;

/**
 * The registry of metrics, in the order they are computed (later ones read earlier ones' values)
 * and written as columns. Notation: p the real distribution, q_t generation t's model.
 */
public final class Metrics {

    public static final String KL_QP = "kl_qp";
    public static final String KL_PQ = "kl_pq";
    public static final String W2 = "w2";
    public static final String NLL = "nll";
    public static final String FIDELITY_LOSS = "fidelity_loss";
    public static final String LOG_Q = "log_q";
    public static final String TOTAL_VARIANCE = "total_variance";
    public static final String VARIANCE_RATIO = "variance_ratio";
    public static final String TAIL_MASS = "tail_mass";
    public static final String TEST_ERROR = "test_error";
    public static final String C2ST_AUC = "c2st_auc";

    /** Neighbours used by the k-NN divergence estimator. */
    private static final int KNN_K = 3;

    private static final List<Metric> ALL = List.of(
        new KlQp(), new KlPq(), new Wasserstein(), new Nll(), new TotalVariance(),
        new FidelityLoss(), new LogQuality(), new VarianceRatio(), new TailMass(),
        new TestError(), new ClassifierTwoSample());

    private Metrics() {
    }

    /** Every metric, in computation order. */
    public static List<Metric> all() {
        return ALL;
    }

    /** Metric names and descriptions, for {@code collapse list}. */
    public static Map<String, String> catalogue() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Metric m : ALL) {
            out.put(m.name(), m.description());
        }
        return out;
    }

    /** The CSV columns the metrics write, in order (estimator columns after their value). */
    public static List<String> columns() {
        List<String> out = new ArrayList<>();
        for (Metric m : ALL) {
            out.add(m.name());
            if (m instanceof Estimated) {
                out.add(m.name() + "_estimator");
            }
        }
        return out;
    }

    /**
     * An estimator's name, followed by {@code /} and the model's density estimator when its
     * log-density is itself an estimate (a vae's importance-sampled one).
     */
    private static String withDensity(String estimator, GenerativeModel<?> q) {
        return q.densityEstimator().map(inner -> estimator + "/" + inner).orElse(estimator);
    }

    /**
     * Metrics computed only when {@code metrics.include} names them: the classifier two-sample
     * test trains a classifier per generation, which costs more than the rest of a Gaussian
     * generation together.
     */
    public static final java.util.Set<String> ON_REQUEST = java.util.Set.of(C2ST_AUC);

    /** The metrics a spec computes when it does not say: every metric but those on request. */
    public static List<String> defaults() {
        return ALL.stream().map(Metric::name).filter(name -> !ON_REQUEST.contains(name)).toList();
    }

    /**
     * The columns of a run that computes {@code include}: {@link #columns()} without the
     * on-request metrics it leaves out.
     */
    public static List<String> columns(List<String> include) {
        return columns().stream().filter(column -> !ON_REQUEST.contains(column)
            || include.contains(column)).toList();
    }

    /** Marks metrics that record which estimator produced them. */
    private interface Estimated extends Metric {
    }

    /** KL(q_t || p), the direction in the subsidy formula. */
    private static final class KlQp implements Estimated {
        public String name() {
            return KL_QP;
        }

        public String description() {
            return "KL(q_t || p): exact between Gaussians, Monte Carlo on model samples when p's "
                + "density is known, k-NN otherwise";
        }

        public void measure(Measurement m, MetricRow row) {
            var pair = m.gaussianPair();
            if (pair.isPresent()) {
                double v = m.reference().truthIsotropicVariance();
                row.putEstimate(KL_QP, Double.isNaN(v)
                    ? GaussianDivergence.kl(pair.get()[0], pair.get()[1])
                    : GaussianDivergence.klToIsotropic(pair.get()[0], pair.get()[1], v),
                    "gaussian-exact");
                return;
            }
            if (m.reference().isRegression()) {
                row.putEstimate(KL_QP, Regression.kl(m, true), "linear-exact");
                return;
            }
            GenerativeModel<double[]> q = m.model();
            if (m.truth().isPresent() && q.hasDensity()) {
                Truth<double[]> p = m.truth().get();
                double sum = 0;
                for (double[] x : m.modelSamples()) {
                    sum += q.logDensity(x) - p.logDensity(x);
                }
                row.putEstimate(KL_QP, sum / m.modelSamples().size(),
                    withDensity("monte-carlo", q));
                return;
            }
            row.putEstimate(KL_QP, Empirical.knnKl(m.modelSamples(), m.reference().probe(),
                KNN_K), "knn");
        }
    }

    /** KL(p || q_t). */
    private static final class KlPq implements Estimated {
        public String name() {
            return KL_PQ;
        }

        public String description() {
            return "KL(p || q_t): exact between Gaussians, Monte Carlo on the probe when p's "
                + "density is known, k-NN otherwise";
        }

        public void measure(Measurement m, MetricRow row) {
            var pair = m.gaussianPair();
            if (pair.isPresent()) {
                double v = m.reference().truthIsotropicVariance();
                row.putEstimate(KL_PQ, Double.isNaN(v)
                    ? GaussianDivergence.kl(pair.get()[1], pair.get()[0])
                    : GaussianDivergence.klFromIsotropic(pair.get()[0], pair.get()[1], v),
                    "gaussian-exact");
                return;
            }
            if (m.reference().isRegression()) {
                row.putEstimate(KL_PQ, Regression.kl(m, false), "linear-exact");
                return;
            }
            GenerativeModel<double[]> q = m.model();
            if (m.truth().isPresent() && q.hasDensity()) {
                Truth<double[]> p = m.truth().get();
                double sum = 0;
                for (double[] x : m.reference().probe()) {
                    sum += p.logDensity(x) - q.logDensity(x);
                }
                row.putEstimate(KL_PQ, sum / m.reference().probe().size(),
                    withDensity("monte-carlo-probe", q));
                return;
            }
            row.putEstimate(KL_PQ, Empirical.knnKl(m.reference().probe(), m.modelSamples(),
                KNN_K), "knn");
        }
    }

    /** 2-Wasserstein distance between q_t and the real distribution. */
    private static final class Wasserstein implements Estimated {
        public String name() {
            return W2;
        }

        public String description() {
            return "2-Wasserstein drift: closed form between Gaussians, exact on sorted samples in "
                + "1-D, sliced over fixed directions otherwise";
        }

        public void measure(Measurement m, MetricRow row) {
            if (m.reference().isRegression()) {
                return;
            }
            var pair = m.gaussianPair();
            ProbeReference ref = m.reference();
            if (pair.isPresent()) {
                GaussianMoments q = pair.get()[0];
                GaussianMoments p = pair.get()[1];
                double value = Double.isNaN(ref.truthIsotropicVariance())
                    ? GaussianDivergence.w2(q, p, ref.truthRoot())
                    : GaussianDivergence.w2Isotropic(q, p, ref.truthIsotropicVariance());
                row.putEstimate(W2, value, "gaussian-exact");
                return;
            }
            double[][] directions = ref.directions();
            double sum = 0;
            for (int d = 0; d < directions.length; d++) {
                double[] projected = ProbeReference.project(m.modelSamples(), directions[d]);
                sum += Empirical.w2SquaredSorted(projected, ref.sortedProjections()[d]);
            }
            row.putEstimate(W2, Math.sqrt(sum / directions.length),
                ref.dim() == 1 ? "exact-1d" : "sliced-" + directions.length);
        }
    }

    /** Mean negative log-likelihood of the probe. */
    private static final class Nll implements Estimated {
        public String name() {
            return NLL;
        }

        public String description() {
            return "mean negative log-likelihood of the held-out real probe under q_t (nats per "
                + "sample)";
        }

        public void measure(Measurement m, MetricRow row) {
            GenerativeModel<double[]> q = m.model();
            if (!q.hasDensity()) {
                return;
            }
            var gaussian = q.gaussianMoments();
            if (gaussian.isPresent()) {
                row.putEstimate(NLL, gaussianProbeNll(gaussian.get(), m.reference()), "probe-mean");
                return;
            }
            double sum = 0;
            for (double[] x : m.reference().probe()) {
                sum -= q.logDensity(x);
            }
            row.putEstimate(NLL, sum / m.reference().probe().size(),
                withDensity("probe-mean", q));
        }

        /**
         * The probe mean of -log N(x; mu, S) from the probe's mean xbar and biased covariance C:
         * (1/2) [d log 2 pi + log det S + tr(S^-1 C) + (xbar - mu)^T S^-1 (xbar - mu)], the same
         * number as the average over the probe at O(d^3) instead of O(n d^2).
         */
        private static double gaussianProbeNll(GaussianMoments q, ProbeReference ref) {
            int dim = q.dim();
            double trace = ref.probeFactor() != null
                ? q.cholesky().traceOfInverseTimes(ref.probeFactor())
                : q.cholesky().traceOfInverseTimes(ref.probeCovariance());
            double[] diff = new double[dim];
            for (int i = 0; i < dim; i++) {
                diff[i] = ref.probeMean()[i] - q.mean()[i];
            }
            double mahalanobis = q.cholesky().mahalanobisSquared(diff, new double[dim]);
            return 0.5 * (dim * Math.log(2 * Math.PI) + q.cholesky().logDeterminant() + trace
                + mahalanobis);
        }
    }

    /** Trace of q_t's covariance. */
    private static final class TotalVariance implements Estimated {
        public String name() {
            return TOTAL_VARIANCE;
        }

        public String description() {
            return "total variance of q_t: the trace of its covariance (exact, or from samples)";
        }

        public void measure(Measurement m, MetricRow row) {
            if (m.reference().isRegression()) {
                return;
            }
            double exact = m.model().totalVariance();
            if (!Double.isNaN(exact)) {
                row.putEstimate(TOTAL_VARIANCE, exact, "exact");
            } else {
                row.putEstimate(TOTAL_VARIANCE, Empirical.totalVariance(m.modelSamples()),
                    "samples");
            }
        }
    }

    /** nll_t - nll_0. */
    private static final class FidelityLoss implements Metric {
        public String name() {
            return FIDELITY_LOSS;
        }

        public String description() {
            return "fidelity loss nll_t - nll_0 on the probe (0 at generation 0)";
        }

        public void measure(Measurement m, MetricRow row) {
            if (!row.has(NLL)) {
                return;
            }
            double base = m.baseline().map(Baseline::nll).orElse(row.get(NLL));
            row.put(FIDELITY_LOSS, row.get(NLL) - base);
        }
    }

    /** log Q_t. */
    private static final class LogQuality implements Metric {
        public String name() {
            return LOG_Q;
        }

        public String description() {
            return "quality log Q_t: -KL(p || q_t) when p is known analytically, else "
                + "-fidelity_loss (log Q_0 = 0)";
        }

        public void measure(Measurement m, MetricRow row) {
            // "0.0 -" rather than "-": a zero loss is quality 0.0, not -0.0.
            if (m.truth().isPresent() && row.has(KL_PQ)) {
                row.put(LOG_Q, 0.0 - row.get(KL_PQ));
            } else if (row.has(FIDELITY_LOSS)) {
                row.put(LOG_Q, 0.0 - row.get(FIDELITY_LOSS));
            }
        }
    }

    /** Total variance over generation 0's. */
    private static final class VarianceRatio implements Metric {
        public String name() {
            return VARIANCE_RATIO;
        }

        public String description() {
            return "variance ratio: total variance of q_t over that of q_0";
        }

        public void measure(Measurement m, MetricRow row) {
            if (!row.has(TOTAL_VARIANCE)) {
                return;
            }
            double base = m.baseline().map(Baseline::totalVariance)
                .orElse(row.get(TOTAL_VARIANCE));
            row.put(VARIANCE_RATIO, row.get(TOTAL_VARIANCE) / base);
        }
    }

    /** Mass of q_t beyond the real 1% and 99% quantiles. */
    private static final class TailMass implements Metric {
        public String name() {
            return TAIL_MASS;
        }

        public String description() {
            return "tail mass: share of q_t beyond the real 1% and 99% quantiles, averaged over "
                + "coordinates (0.02 for q_t = p)";
        }

        public void measure(Measurement m, MetricRow row) {
            ProbeReference ref = m.reference();
            if (ref.isRegression()) {
                return;
            }
            var gaussian = m.model().gaussianMoments();
            double sum = 0;
            for (int i = 0; i < ref.dim(); i++) {
                sum += gaussian.isPresent() ? gaussianTail(gaussian.get(), i, ref)
                    : sampleTail(m.modelSamples(), i, ref);
            }
            row.put(TAIL_MASS, sum / ref.dim());
        }

        private static double gaussianTail(GaussianMoments q, int i, ProbeReference ref) {
            double sd = Math.sqrt(q.variance(i));
            double mu = q.mean()[i];
            return normalCdf((ref.tailLow(i) - mu) / sd) + normalCdf((mu - ref.tailHigh(i)) / sd);
        }

        private static double sampleTail(java.util.List<double[]> samples, int i,
                                         ProbeReference ref) {
            int outside = 0;
            for (double[] x : samples) {
                if (x[i] < ref.tailLow(i) || x[i] > ref.tailHigh(i)) {
                    outside++;
                }
            }
            return (double) outside / samples.size();
        }

        /**
         * Phi(z) from the rational approximation 26.2.17 of Abramowitz and Stegun (absolute error
         * below 7.5e-8): the tail mass is read to a few digits, and Commons Math's continued
         * fraction cost more than the rest of the metric.
         */
        static double normalCdf(double z) {
            double x = Math.abs(z);
            double t = 1 / (1 + 0.2316419 * x);
            double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937
                + t * (-1.821255978 + t * 1.330274429))));
            double upper = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) * poly;
            return z >= 0 ? 1 - upper : upper;
        }
    }

    /** Excess test error of a linear model. */
    private static final class TestError implements Metric {
        public String name() {
            return TEST_ERROR;
        }

        public String description() {
            return "excess test error |w_t - w*|^2 of linear-regression (x ~ N(0, I))";
        }

        public void measure(Measurement m, MetricRow row) {
            if (m.model() instanceof LinearPredictor q && m.reference().isRegression()) {
                LinearModelTruth p = (LinearModelTruth) m.truth().get();
                row.put(TEST_ERROR, p.excessError(q.coefficients()));
            }
        }
    }

    /** The classifier two-sample test between model samples and the probe. */
    private static final class ClassifierTwoSample implements Metric {
        /** The classifier, on coordinates and their squares. */
        private final RealSyntheticClassifier<double[]> classifier =
            new RealSyntheticClassifier<>(SampleFeatures.numeric());

        public String name() {
            return C2ST_AUC;
        }

        public String description() {
            return "classifier two-sample test: held-out AUC of a logistic regression (on x and "
                + "x^2) telling model samples from the probe (0.5 = indistinguishable); on "
                + "request";
        }

        public void measure(Measurement m, MetricRow row) {
            if (m.reference().isRegression()) {
                return;
            }
            List<double[]> samples = m.modelSamples();
            if (!RealSyntheticClassifier.fits(m.reference().probe(), samples)) {
                return;
            }
            row.put(C2ST_AUC, classifier.fit(m.reference().probe(), samples, m.metricSeed())
                .auc());
        }
    }

    /** Closed forms for the linear model, averaged over x ~ N(0, I). */
    private static final class Regression {

        /**
         * E_x KL between the label distributions N(x.w, s^2) and N(x.w*, sigma^2):
         * (1/2) [log(s_b^2 / s_a^2) + (s_a^2 + |w - w*|^2) / s_b^2 - 1] for KL(a || b).
         */
        static double kl(Measurement m, boolean modelFirst) {
            if (!(m.model() instanceof LinearPredictor q)) {
                return Double.NaN;
            }
            LinearModelTruth p = (LinearModelTruth) m.truth().get();
            double error = p.excessError(q.coefficients());
            double first = modelFirst ? q.noiseVariance() : p.noiseVariance();
            double second = modelFirst ? p.noiseVariance() : q.noiseVariance();
            return 0.5 * (Math.log(second / first) + (first + error) / second - 1);
        }
    }
}
