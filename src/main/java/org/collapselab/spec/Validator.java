package org.collapselab.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.collapselab.data.Policy;
import org.collapselab.metric.Metrics;
import org.collapselab.metric.TextMetricSet;
import org.collapselab.model.FamilyCatalogue;

/**
 * Checks a resolved spec value by value. Each failure is one {@link SpecException} naming the
 * file, the line, the field, what was found and what to write instead.
 */
final class Validator {

    private static final Set<String> SOURCES = Set.of("analytic", "iris", "csv", "text");
    /** The corpora on the class path: Europarl's English lines, or all of its lines. */
    private static final List<String> CORPORA = List.of("europarl", "europarl-all");
    private static final List<String> UNITS = List.of("char", "word");
    private static final List<String> SMOOTHINGS = List.of("add-k", "kneser-ney");
    /** Largest n-gram order: beyond it a context is almost never seen twice. */
    static final int MAX_ORDER = 20;
    private static final Set<String> DISTRIBUTIONS =
        Set.of("gaussian", "mixture", "student-t", "linear-model");
    private static final Set<String> DEVICES = Set.of("auto", "cpu", "gpu");
    /**
     * Largest dimension: metrics hold several d x d matrices per cell and thread (at d = 4096,
     * 134 MB each), and their O(d^3) work takes minutes per generation beyond it.
     */
    static final int MAX_DIM = 4096;
    /** Most hidden layers a neural family may list. */
    static final int MAX_LAYERS = 16;
    /** Widest hidden or latent layer: a 4096 x 4096 weight matrix is 128 MB in doubles. */
    static final int MAX_WIDTH = 4096;

    private final Path file;
    private final YamlLines lines;
    private final Path baseDir;

    Validator(Path file, YamlLines lines, Path baseDir) {
        this.file = file;
        this.lines = lines;
        this.baseDir = baseDir;
    }

    void check(ExperimentSpec raw, ExperimentSpec s) throws SpecException {
        required(raw);
        if (!s.name().matches("[A-Za-z0-9._-]+")) {
            if (raw.name() == null) {
                throw new SpecException(file + ": name: the file name gives the default name '"
                    + s.name() + "', which has characters unfit for a folder name; add a "
                    + "'name:' field of letters, digits, '.', '_' and '-'");
            }
            fail("/name", "name", "'" + s.name() + "' has characters unfit for a folder name",
                "use letters, digits, '.', '_' and '-'");
        }
        range("/generations", "generations", s.generations(), 1, 1_000_000);
        range("/replicates", "replicates", s.replicates(), 1, 1_000_000);
        nonEmpty("/family", "family", s.family());
        for (int i = 0; i < s.family().size(); i++) {
            oneOf("/family/" + i, "family", s.family().get(i), FamilyCatalogue.families().keySet());
        }
        nonEmpty("/policy", "policy", s.policy());
        nonEmpty("/rho", "rho", s.rho());
        nonEmpty("/n", "n", s.n());
        if (s.realWeight() != null) {
            nonEmpty("/real_weight", "real_weight", s.realWeight());
        }
        if (s.data().dim() != null) {
            nonEmpty("/data/dim", "data.dim", s.data().dim());
        }
        if (s.model().components() != null) {
            nonEmpty("/model/components", "model.components", s.model().components());
        }
        noRepeats(raw);
        for (int i = 0; i < s.policy().size(); i++) {
            if ("filter".equals(s.policy().get(i))) {
                // DESIGN's "filter policy" is a detector that screens any policy's batches.
                fail("/policy/" + i, "policy", "'filter' is a block, not a policy",
                    "keep a policy (e.g. mix) and add 'filter: {detector: watermark, psi: 0.9, "
                        + "phi: 0.05}' or 'filter: {detector: classifier}'");
            }
            oneOf("/policy/" + i, "policy", s.policy().get(i), Policy.keys());
        }
        for (int i = 0; i < s.rho().size(); i++) {
            double rho = s.rho().get(i);
            if (!(rho >= 0 && rho <= 1)) {
                fail("/rho/" + i, "rho", rho + " is outside [0, 1]",
                    "give the synthetic share as a number between 0 and 1");
            }
        }
        for (int i = 0; i < s.n().size(); i++) {
            range("/n/" + i, "n", s.n().get(i), 2, 100_000_000);
        }
        List<Double> weights = s.realWeight() == null ? List.of() : s.realWeight();
        for (int i = 0; i < weights.size(); i++) {
            double w = weights.get(i);
            if (!(w > 0 && Double.isFinite(w))) {
                fail("/real_weight/" + i, "real_weight", w + " is not a positive weight",
                    "use a number above 0 (2 counts each real sample twice)");
            }
        }
        oneOf("/device", "device", s.device(), DEVICES);
        data(s);
        modality(s);
        model(s);
        metrics(s.metrics(), "text".equals(s.data().source()));
        applicable(raw, s);
        new MarketChecks(this::fail).check(raw, s);
    }

    /**
     * Refuses options that nothing in the experiment reads: a bandwidth without kde, a csv path
     * on analytic data. Silently ignoring them hides typos and misunderstandings.
     */
    private void applicable(ExperimentSpec raw, ExperimentSpec s) throws SpecException {
        DataSpec d = raw.data();
        String source = s.data().source();
        String distribution = s.data().distribution();
        boolean analytic = source.equals("analytic");
        boolean table = !analytic;
        boolean text = source.equals("text");
        only(d.probe(), "/data/probe", "data.probe", table, "data.source iris, csv or text");
        only(d.probeSize(), "/data/probe_size", "data.probe_size", analytic,
            "data.source analytic (tables hold out data.probe instead)");
        only(d.distribution(), "/data/distribution", "data.distribution", analytic,
            "data.source analytic");
        only(d.dim(), "/data/dim", "data.dim", analytic && !"linear-model".equals(distribution),
            "analytic distributions other than linear-model");
        only(d.mean(), "/data/mean", "data.mean", "gaussian".equals(distribution),
            "distribution gaussian");
        only(d.variance(), "/data/variance", "data.variance", "gaussian".equals(distribution),
            "distribution gaussian");
        only(d.components(), "/data/components", "data.components",
            "mixture".equals(distribution), "distribution mixture");
        only(d.separation(), "/data/separation", "data.separation",
            "mixture".equals(distribution), "distribution mixture");
        only(d.degreesOfFreedom(), "/data/degrees_of_freedom", "data.degrees_of_freedom",
            "student-t".equals(distribution), "distribution student-t");
        boolean linear = "linear-model".equals(distribution);
        only(d.features(), "/data/features", "data.features", linear, "distribution linear-model");
        only(d.designSize(), "/data/design_size", "data.design_size", linear,
            "distribution linear-model");
        only(d.noiseVariance(), "/data/noise_variance", "data.noise_variance", linear,
            "distribution linear-model");
        boolean csv = source.equals("csv");
        only(d.path(), "/data/path", "data.path", csv || text, "data.source csv or text");
        only(d.delimiter(), "/data/delimiter", "data.delimiter", csv, "data.source csv");
        only(d.header(), "/data/header", "data.header", csv, "data.source csv");
        only(d.columns(), "/data/columns", "data.columns", csv, "data.source csv");
        only(d.missing(), "/data/missing", "data.missing", csv, "data.source csv");
        only(d.corpus(), "/data/corpus", "data.corpus", text, "data.source text");
        only(d.maxLines(), "/data/max_lines", "data.max_lines", text, "data.source text");
        only(d.lowerCase(), "/data/lower_case", "data.lower_case", text, "data.source text");
        if (raw.metrics() != null) {
            only(raw.metrics().projections(), "/metrics/projections", "metrics.projections",
                !text, "numeric data (the sliced 2-Wasserstein distance)");
        }
        only(raw.realWeight(), "/real_weight", "real_weight",
            s.policy().contains("weighted"), "policy weighted");
        ModelSpec m = raw.model();
        if (m != null) {
            modelOptions(m, s.family());
        }
    }

    private void modelOptions(ModelSpec m, List<String> families) throws SpecException {
        boolean gaussian = families.contains("gaussian");
        boolean gmm = families.contains("gmm");
        only(m.unbiased(), "/model/unbiased", "model.unbiased", gaussian, "family gaussian");
        only(m.ridge(), "/model/ridge", "model.ridge", gaussian, "family gaussian");
        only(m.momentSampling(), "/model/moment_sampling", "model.moment_sampling", gaussian,
            "family gaussian");
        only(m.components(), "/model/components", "model.components", gmm, "family gmm");
        only(m.covariance(), "/model/covariance", "model.covariance", gmm, "family gmm");
        only(m.maxIterations(), "/model/max_iterations", "model.max_iterations", gmm,
            "family gmm");
        only(m.tolerance(), "/model/tolerance", "model.tolerance", gmm, "family gmm");
        only(m.restarts(), "/model/restarts", "model.restarts", gmm, "family gmm");
        only(m.regularization(), "/model/regularization", "model.regularization", gmm,
            "family gmm");
        only(m.bandwidth(), "/model/bandwidth", "model.bandwidth", families.contains("kde"),
            "family kde");
        only(m.noiseVariance(), "/model/noise_variance", "model.noise_variance",
            families.contains("linear-regression"), "family linear-regression");
        boolean ngram = families.contains("ngram");
        boolean text = families.stream().anyMatch(FamilyCatalogue::isText);
        only(m.unit(), "/model/unit", "model.unit", ngram, "family ngram");
        only(m.order(), "/model/order", "model.order", ngram, "family ngram");
        only(m.smoothing(), "/model/smoothing", "model.smoothing", ngram, "family ngram");
        if (m.smoothing() != null) {
            oneOf("/model/smoothing", "model.smoothing", m.smoothing(), SMOOTHINGS);
        }
        boolean kneserNey = "kneser-ney".equals(m.smoothing());
        only(m.addK(), "/model/add_k", "model.add_k", ngram && !kneserNey,
            "family ngram with smoothing add-k");
        only(m.discount(), "/model/discount", "model.discount", ngram && kneserNey,
            "family ngram with smoothing kneser-ney");
        only(m.temperature(), "/model/temperature", "model.temperature", text,
            "text families such as ngram");
        only(m.maxLength(), "/model/max_length", "model.max_length", text,
            "text families such as ngram");
        boolean vae = families.contains("vae");
        boolean lstm = families.contains("char-lstm");
        boolean neural = vae || lstm;
        String neuralFamilies = "families vae and char-lstm";
        only(m.hidden(), "/model/hidden", "model.hidden", neural, neuralFamilies);
        only(m.latent(), "/model/latent", "model.latent", vae, "family vae");
        only(m.epochs(), "/model/epochs", "model.epochs", neural, neuralFamilies);
        only(m.batch(), "/model/batch", "model.batch", neural, neuralFamilies);
        only(m.learningRate(), "/model/learning_rate", "model.learning_rate", neural,
            neuralFamilies);
        only(m.tbptt(), "/model/tbptt", "model.tbptt", lstm, "family char-lstm");
    }

    private void only(Object value, String pointer, String field, boolean applies, String where)
        throws SpecException {
        if (value != null && !applies) {
            fail(pointer, field, "is set but only applies to " + where,
                "remove it, or add what it applies to");
        }
    }

    private void required(ExperimentSpec raw) throws SpecException {
        if (raw.generations() == null) {
            fail("", "generations", "missing", "add 'generations: 10' (generations after 0)");
        }
        if (raw.family() == null) {
            fail("", "family", "missing", "add 'family: gaussian' (one of "
                + FamilyCatalogue.families().keySet() + ", or a list)");
        }
        if (raw.data() == null) {
            fail("", "data", "missing", "add a 'data:' block with 'source: analytic', 'iris', "
                + "'csv' or 'text'");
        }
        if (raw.data().source() == null) {
            fail("/data", "data.source", "missing", "add 'source: analytic', 'iris', 'csv' or "
                + "'text'");
        }
    }

    private void data(ExperimentSpec s) throws SpecException {
        DataSpec d = s.data();
        oneOf("/data/source", "data.source", d.source(), SOURCES);
        switch (d.source()) {
            case "analytic" -> analytic(d, s.family(), s.n());
            case "csv" -> csv(d);
            case "text" -> text(d);
            default -> { }
        }
        if (!"analytic".equals(d.source())) {
            if (!(d.probe() > 0 && d.probe() < 1)) {
                fail("/data/probe", "data.probe", d.probe() + " is not a share in (0, 1)",
                    "hold out a share of the rows, e.g. 0.2");
            }
            notFor("/data/dim", d.dim(), "data.dim", "analytic");
            if (s.family().contains("linear-regression")) {
                fail("/family", "family", "linear-regression needs its own truth",
                    "use data.source analytic with distribution linear-model");
            }
        }
    }

    private void analytic(DataSpec d, List<String> families, List<Integer> n)
        throws SpecException {
        oneOf("/data/distribution", "data.distribution", d.distribution(), DISTRIBUTIONS);
        range("/data/probe_size", "data.probe_size", d.probeSize(), 2, 10_000_000);
        if (d.dim() != null) {
            for (int i = 0; i < d.dim().size(); i++) {
                range("/data/dim/" + i, "data.dim", d.dim().get(i), 1, MAX_DIM);
            }
        }
        if (d.variance() != null && !(d.variance() > 0)) {
            fail("/data/variance", "data.variance", d.variance() + " is not positive",
                "use a variance above 0");
        }
        if (d.components() != null) {
            range("/data/components", "data.components", d.components(), 1, 1000);
        }
        if (d.degreesOfFreedom() != null && !(d.degreesOfFreedom() > 2)) {
            fail("/data/degrees_of_freedom", "data.degrees_of_freedom", d.degreesOfFreedom()
                + " gives no finite variance", "use more than 2 degrees of freedom");
        }
        boolean linear = "linear-model".equals(d.distribution());
        if (linear) {
            range("/data/features", "data.features", d.features(), 1, 100_000);
            range("/data/design_size", "data.design_size", d.designSize(), d.features() + 2,
                100_000_000);
            if (!(d.noiseVariance() > 0)) {
                fail("/data/noise_variance", "data.noise_variance", d.noiseVariance()
                    + " is not positive", "use a noise variance above 0");
            }
            for (int i = 0; i < n.size(); i++) {
                if (!n.get(i).equals(d.designSize())) {
                    fail("/n/" + i, "n", n.get(i) + " differs from data.design_size "
                        + d.designSize() + " (the rows of the fixed design that every generation "
                        + "relabels)", "set n to " + d.designSize() + " or change design_size");
                }
            }
            for (int i = 0; i < families.size(); i++) {
                if (!families.get(i).equals("linear-regression")) {
                    fail("/family/" + i, "family", families.get(i) + " cannot model the "
                        + "linear-model truth", "use family linear-regression with it");
                }
            }
        } else if (families.contains("linear-regression")) {
            fail("/data/distribution", "data.distribution", d.distribution()
                + " has no labels for linear-regression", "use distribution: linear-model");
        }
    }

    /** Text families need lines of text, the other families numbers. */
    private void modality(ExperimentSpec s) throws SpecException {
        boolean text = "text".equals(s.data().source());
        for (int i = 0; i < s.family().size(); i++) {
            String family = s.family().get(i);
            if (text && !FamilyCatalogue.isText(family)) {
                fail("/family/" + i, "family", family + " models numeric data, not lines of "
                    + "text", "use a text family such as ngram, or a numeric data.source");
            }
            if (!text && FamilyCatalogue.isText(family)) {
                fail("/family/" + i, "family", family + " models lines of text", "use "
                    + "data.source text, or a numeric family such as gaussian");
            }
        }
    }

    private void text(DataSpec d) throws SpecException {
        if (d.path() == null && d.corpus() == null) {
            fail("/data", "data.path", "missing", "add 'path: ../data/FILE.txt' (UTF-8, one "
                + "sample per line, relative to the spec's folder) or 'corpus: europarl'");
        }
        if (d.path() != null && d.corpus() != null) {
            fail("/data/corpus", "data.corpus", "is set together with data.path", "keep one of "
                + "them: a file of lines, or a corpus on the class path");
        }
        if (d.path() != null) {
            existingFile(d.path(), "a text file");
        } else {
            oneOf("/data/corpus", "data.corpus", d.corpus(), CORPORA);
        }
        if (d.maxLines() != null) {
            range("/data/max_lines", "data.max_lines", d.maxLines(), 2, 100_000_000);
        }
    }

    private void existingFile(String given, String what) throws SpecException {
        Path path = Path.of(given);
        Path resolved = path.isAbsolute() ? path : baseDir.resolve(path).normalize();
        if (!Files.isRegularFile(resolved)) {
            fail("/data/path", "data.path", "no file at " + resolved, "fix the path to "
                + what + " (relative paths start from the spec's folder)");
        }
    }

    private void csv(DataSpec d) throws SpecException {
        if (d.path() == null) {
            fail("/data", "data.path", "missing", "add 'path: ../data/FILE.csv' (relative to "
                + "the spec's folder)");
        }
        Path path = Path.of(d.path());
        Path resolved = path.isAbsolute() ? path : baseDir.resolve(path).normalize();
        if (!Files.isRegularFile(resolved)) {
            fail("/data/path", "data.path", "no file at " + resolved, "fix the path (relative "
                + "paths start from the spec's folder)");
        }
        if (d.delimiter().length() != 1) {
            fail("/data/delimiter", "data.delimiter", "'" + d.delimiter() + "' is not one "
                + "character", "use e.g. ',' or ';' (a tab is \"\\t\")");
        }
        oneOf("/data/missing", "data.missing", d.missing(), List.of("drop", "fail", "mean"));
    }

    private void model(ExperimentSpec s) throws SpecException {
        ModelSpec m = s.model();
        if (m.components() != null) {
            int smallestN = s.n().stream().mapToInt(Integer::intValue).min().orElse(0);
            for (int i = 0; i < m.components().size(); i++) {
                range("/model/components/" + i, "model.components", m.components().get(i), 1,
                    10_000);
                if (m.components().get(i) > smallestN) {
                    fail("/model/components/" + i, "model.components", m.components().get(i)
                        + " components cannot be fitted to n = " + smallestN + " samples",
                        "use at most n components, or a larger n");
                }
            }
        }
        if (m.covariance() != null) {
            oneOf("/model/covariance", "model.covariance", m.covariance(),
                List.of("full", "diagonal"));
        }
        if (m.maxIterations() != null) {
            range("/model/max_iterations", "model.max_iterations", m.maxIterations(), 1,
                1_000_000);
        }
        if (m.restarts() != null) {
            range("/model/restarts", "model.restarts", m.restarts(), 1, 1000);
        }
        nonNegative("/model/ridge", "model.ridge", m.ridge());
        nonNegative("/model/regularization", "model.regularization", m.regularization());
        nonNegative("/model/noise_variance", "model.noise_variance", m.noiseVariance());
        if (m.tolerance() != null && !(m.tolerance() > 0)) {
            fail("/model/tolerance", "model.tolerance", m.tolerance() + " is not positive",
                "use e.g. 1.0e-6");
        }
        ngram(m);
        neural(m);
        if (m.bandwidth() != null && !m.bandwidth().equals("scott")
            && !m.bandwidth().equals("silverman") && !(parsePositive(m.bandwidth()) > 0)) {
            fail("/model/bandwidth", "model.bandwidth", "'" + m.bandwidth() + "' is not a rule "
                + "or a positive number", "use scott, silverman or a bandwidth such as 0.5");
        }
    }

    /** The network options shared by the neural families. */
    private void neural(ModelSpec m) throws SpecException {
        if (m.hidden() != null) {
            if (m.hidden().isEmpty()) {
                fail("/model/hidden", "model.hidden", "the list is empty", "list 1 to "
                    + MAX_LAYERS + " layer widths, such as [32, 32]");
            }
            range("/model/hidden", "model.hidden", m.hidden().size(), 1, MAX_LAYERS);
            for (int i = 0; i < m.hidden().size(); i++) {
                range("/model/hidden/" + i, "model.hidden", m.hidden().get(i), 1, MAX_WIDTH);
            }
        }
        if (m.latent() != null) {
            range("/model/latent", "model.latent", m.latent(), 1, MAX_WIDTH);
        }
        if (m.epochs() != null) {
            range("/model/epochs", "model.epochs", m.epochs(), 1, 1_000_000);
        }
        if (m.batch() != null) {
            range("/model/batch", "model.batch", m.batch(), 1, 1_000_000);
        }
        if (m.tbptt() != null) {
            range("/model/tbptt", "model.tbptt", m.tbptt(), 1, 1_000_000);
        }
        Double rate = m.learningRate();
        if (rate != null && !(rate > 0 && rate <= 10)) {
            fail("/model/learning_rate", "model.learning_rate", rate + " is outside (0, 10]",
                "use a small positive step such as 0.001");
        }
    }

    private void ngram(ModelSpec m) throws SpecException {
        if (m.unit() != null) {
            oneOf("/model/unit", "model.unit", m.unit(), UNITS);
        }
        if (m.order() != null) {
            range("/model/order", "model.order", m.order(), 1, MAX_ORDER);
        }
        if (m.addK() != null && !(m.addK() > 0 && Double.isFinite(m.addK()))) {
            fail("/model/add_k", "model.add_k", m.addK() + " is not a positive number",
                "use a pseudo-count above 0, e.g. 0.01");
        }
        if (m.discount() != null && !(m.discount() > 0 && m.discount() < 1)) {
            fail("/model/discount", "model.discount", m.discount() + " is outside (0, 1)",
                "use an absolute discount such as 0.75");
        }
        if (m.temperature() != null && !(m.temperature() > 0 && Double.isFinite(m.temperature()))) {
            fail("/model/temperature", "model.temperature", m.temperature() + " is not a positive "
                + "number", "use a temperature above 0 (1 samples the fitted model as it is)");
        }
        if (m.maxLength() != null) {
            range("/model/max_length", "model.max_length", m.maxLength(), 1, 10_000_000);
        }
    }

    private void metrics(MetricsSpec m, boolean text) throws SpecException {
        nonEmpty("/metrics/include", "metrics.include", m.include());
        Set<String> known = text ? TextMetricSet.catalogue().keySet()
            : Metrics.catalogue().keySet();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < m.include().size(); i++) {
            String name = m.include().get(i);
            oneOf("/metrics/include/" + i, "metrics.include", name, known);
            if (!seen.add(name)) {
                fail("/metrics/include/" + i, "metrics.include", name + " is listed twice",
                    "list each metric once");
            }
        }
        range("/metrics/samples", "metrics.samples", m.samples(), 10, 10_000_000);
        if (!text) {
            range("/metrics/projections", "metrics.projections", m.projections(), 1, 100_000);
        }
    }

    private static double parsePositive(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notNumber) {
            return Double.NaN;
        }
    }

    private void notFor(String pointer, Object value, String field, String source)
        throws SpecException {
        if (value != null) {
            fail(pointer, field, "only applies to data.source " + source, "remove it");
        }
    }

    private void nonEmpty(String pointer, String field, List<?> values) throws SpecException {
        if (values.isEmpty()) {
            fail(pointer, field, "the list is empty", "give at least one value");
        }
    }

    /**
     * Values listed twice in a grid list (they would merge into one cell), in metrics.include or
     * in data.columns, as the user wrote them. model.hidden is a list of layer widths, where a
     * repeated width is meant.
     */
    private void noRepeats(ExperimentSpec raw) throws SpecException {
        noRepeat("/family", "family", raw.family());
        noRepeat("/policy", "policy", raw.policy());
        noRepeat("/rho", "rho", raw.rho());
        noRepeat("/n", "n", raw.n());
        noRepeat("/real_weight", "real_weight", raw.realWeight());
        if (raw.data() != null) {
            noRepeat("/data/dim", "data.dim", raw.data().dim());
            noRepeat("/data/columns", "data.columns", raw.data().columns());
        }
        if (raw.model() != null) {
            noRepeat("/model/components", "model.components", raw.model().components());
        }
        if (raw.metrics() != null) {
            noRepeat("/metrics/include", "metrics.include", raw.metrics().include());
        }
    }

    private void noRepeat(String pointer, String field, List<?> values) throws SpecException {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            int first = values.indexOf(values.get(i));
            if (first < i) {
                fail(pointer + "/" + i, field, values.get(i) + " is listed twice (items "
                    + (first + 1) + " and " + (i + 1) + ")", "list each value once");
            }
        }
    }

    private void nonNegative(String pointer, String field, Double value) throws SpecException {
        if (value != null && !(value >= 0)) {
            fail(pointer, field, value + " is negative", "use 0 or more");
        }
    }

    private void range(String pointer, String field, Integer value, int low, int high)
        throws SpecException {
        if (value == null) {
            fail(pointer.substring(0, Math.max(0, pointer.lastIndexOf('/'))), field, "missing",
                "add a whole number between " + low + " and " + high);
        }
        if (value < low || value > high) {
            fail(pointer, field, value + " is outside [" + low + ", " + high + "]",
                "use a whole number between " + low + " and " + high);
        }
    }

    private void oneOf(String pointer, String field, String value, java.util.Collection<String> ok)
        throws SpecException {
        if (!ok.contains(value)) {
            fail(pointer, field, "'" + value + "' is not known", "use one of " + ok);
        }
    }

    private void fail(String pointer, String field, String found, String fix)
        throws SpecException {
        int line = lines.line(pointer);
        String where = line > 0 ? file + ":" + line : file.toString();
        throw new SpecException(where + ": " + field + ": " + found + "; " + fix);
    }
}
