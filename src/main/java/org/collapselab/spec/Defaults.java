package org.collapselab.spec;

import java.util.List;
import org.collapselab.metric.TextMetricSet;
import org.collapselab.model.FamilyCatalogue;

/** Fills in every default of a spec; the values are documented on the spec records. */
final class Defaults {

    static final long SEED = 1;
    static final int REPLICATES = 1;
    static final String POLICY = "mix";
    static final double RHO = 1.0;
    static final int N = 100;
    static final double REAL_WEIGHT = 2.0;
    static final String DEVICE = "auto";
    /** The data source whose samples are lines of text. */
    static final String TEXT = "text";
    /** ngram: the order of character and of word models. */
    static final int CHAR_ORDER = 4;
    static final int WORD_ORDER = 2;
    /**
     * ngram: the add-k pseudo-count of character and of word models. On 300 English Europarl
     * lines a character 4-gram reaches its best probe likelihood near k = 0.001 (1.60 nats per
     * character, against 1.92 at order 3); word vocabularies are a thousand times larger, so
     * their k is smaller (see NgramFamily on unseen mass).
     */
    static final double CHAR_ADD_K = 0.001;
    static final double WORD_ADD_K = 1e-4;
    /** ngram with kneser-ney: the absolute discount (Chen and Goodman's usual 0.75). */
    static final double DISCOUNT = 0.75;
    /** Text families: the most tokens in a sampled line. */
    static final int MAX_LENGTH = 5000;
    /**
     * Model lines sampled per generation for the text metrics: near the probe of the Europarl
     * English lines (254 lines at probe 0.2), so that the plug-in estimates of both sides have
     * comparable bias.
     */
    static final int TEXT_SAMPLES = 250;
    static final List<Integer> HIDDEN = List.of(32, 32);
    static final int LATENT = 2;
    static final int EPOCHS = 100;
    static final int BATCH = 32;
    static final double LEARNING_RATE = 0.005;
    /** char-lstm: one layer of 128 LSTM units, few epochs (a generation retrains from scratch). */
    static final List<Integer> LSTM_HIDDEN = List.of(128);
    static final int LSTM_EPOCHS = 5;
    static final int TBPTT = 50;

    private Defaults() {
    }

    static ExperimentSpec resolve(ExperimentSpec s, String defaultName) {
        DataSpec data = s.data() == null ? null : data(s.data());
        List<String> families = s.family() == null ? List.of() : s.family();
        return new ExperimentSpec(
            or(s.name(), defaultName),
            or(s.seed(), SEED),
            s.generations(),
            or(s.replicates(), REPLICATES),
            s.family(),
            or(s.policy(), List.of(POLICY)),
            s.market() != null && s.rho() == null
                ? List.of(s.market().resolved(false).m()) : or(s.rho(), List.of(RHO)),
            or(s.n(), List.of(N)),
            weighted(s) ? or(s.realWeight(), List.of(REAL_WEIGHT)) : s.realWeight(),
            or(s.device(), DEVICE),
            data,
            model(s.model(), families, data),
            metrics(s.metrics(), data != null && TEXT.equals(data.source())),
            s.filter() == null ? null : s.filter().resolved(),
            s.market() == null ? null : s.market().resolved(s.filter() != null));
    }

    private static boolean weighted(ExperimentSpec s) {
        return s.policy() != null && s.policy().contains("weighted");
    }

    private static DataSpec data(DataSpec d) {
        String source = d.source();
        boolean analytic = "analytic".equals(source);
        boolean table = "iris".equals(source) || "csv".equals(source);
        boolean csv = "csv".equals(source);
        boolean text = TEXT.equals(source);
        String distribution = analytic ? or(d.distribution(), "gaussian") : d.distribution();
        boolean gaussian = analytic && "gaussian".equals(distribution);
        boolean mixture = analytic && "mixture".equals(distribution);
        boolean student = analytic && "student-t".equals(distribution);
        boolean linear = analytic && "linear-model".equals(distribution);
        boolean hasDim = analytic && !linear;
        return new DataSpec(
            source,
            table || text ? or(d.probe(), 0.2) : d.probe(),
            analytic ? or(d.probeSize(), 1000) : d.probeSize(),
            distribution,
            hasDim ? or(d.dim(), List.of(1)) : d.dim(),
            gaussian ? or(d.mean(), 0.0) : d.mean(),
            gaussian ? or(d.variance(), 1.0) : d.variance(),
            mixture ? or(d.components(), 2) : d.components(),
            mixture ? or(d.separation(), 4.0) : d.separation(),
            student ? or(d.degreesOfFreedom(), 5.0) : d.degreesOfFreedom(),
            linear ? or(d.features(), 10) : d.features(),
            linear ? or(d.designSize(), 100) : d.designSize(),
            linear ? or(d.noiseVariance(), 1.0) : d.noiseVariance(),
            d.path(),
            csv ? or(d.delimiter(), ",") : d.delimiter(),
            csv ? or(d.header(), true) : d.header(),
            csv ? or(d.columns(), List.of()) : d.columns(),
            csv ? or(d.missing(), "drop") : d.missing(),
            d.corpus(),
            d.maxLines(),
            text ? or(d.lowerCase(), false) : d.lowerCase());
    }

    private static ModelSpec model(ModelSpec m, List<String> families, DataSpec data) {
        ModelSpec given = m == null ? new ModelSpec(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null) : m;
        boolean gaussian = families.contains("gaussian");
        boolean gmm = families.contains("gmm");
        boolean kde = families.contains("kde");
        boolean linear = families.contains("linear-regression");
        boolean ngram = families.contains("ngram");
        boolean textFamily = families.stream().anyMatch(FamilyCatalogue::isText);
        String unit = ngram ? or(given.unit(), "char") : given.unit();
        String smoothing = ngram ? or(given.smoothing(), "add-k") : given.smoothing();
        boolean addK = ngram && "add-k".equals(smoothing);
        boolean kneserNey = ngram && "kneser-ney".equals(smoothing);
        boolean vae = families.contains("vae");
        boolean lstm = families.contains("char-lstm");
        boolean neural = vae || lstm;
        Double dataNoise = data == null ? null : data.noiseVariance();
        return new ModelSpec(
            gaussian ? or(given.unbiased(), false) : given.unbiased(),
            gaussian ? or(given.ridge(), 1e-6) : given.ridge(),
            gaussian ? or(given.momentSampling(), true) : given.momentSampling(),
            gmm ? or(given.components(), List.of(2)) : given.components(),
            gmm ? or(given.covariance(), "full") : given.covariance(),
            gmm ? or(given.maxIterations(), 200) : given.maxIterations(),
            gmm ? or(given.tolerance(), 1e-6) : given.tolerance(),
            gmm ? or(given.restarts(), 1) : given.restarts(),
            gmm ? or(given.regularization(), 1e-6) : given.regularization(),
            kde ? or(given.bandwidth(), "scott") : given.bandwidth(),
            linear ? or(given.noiseVariance(), dataNoise == null ? 1.0 : dataNoise)
                : given.noiseVariance(),
            unit,
            ngram ? or(given.order(), "word".equals(unit) ? WORD_ORDER : CHAR_ORDER)
                : given.order(),
            smoothing,
            addK ? or(given.addK(), "word".equals(unit) ? WORD_ADD_K : CHAR_ADD_K)
                : given.addK(),
            kneserNey ? or(given.discount(), DISCOUNT) : given.discount(),
            textFamily ? or(given.temperature(), 1.0) : given.temperature(),
            textFamily ? or(given.maxLength(), MAX_LENGTH) : given.maxLength(),
            neural ? or(given.hidden(), vae ? HIDDEN : LSTM_HIDDEN) : given.hidden(),
            vae ? or(given.latent(), LATENT) : given.latent(),
            neural ? or(given.epochs(), vae ? EPOCHS : LSTM_EPOCHS) : given.epochs(),
            neural ? or(given.batch(), BATCH) : given.batch(),
            neural ? or(given.learningRate(), LEARNING_RATE) : given.learningRate(),
            lstm ? or(given.tbptt(), TBPTT) : given.tbptt());
    }

    private static MetricsSpec metrics(MetricsSpec m, boolean text) {
        MetricsSpec given = m == null ? new MetricsSpec(null, null, null) : m;
        if (text) {
            return new MetricsSpec(
                or(given.include(), TextMetricSet.defaults()),
                or(given.samples(), TEXT_SAMPLES),
                given.projections());
        }
        return new MetricsSpec(
            or(given.include(), org.collapselab.metric.Metrics.defaults()),
            or(given.samples(), 2000),
            or(given.projections(), 50));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
