package org.collapselab.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.collapselab.data.RealData;
import org.collapselab.data.Tables;
import org.collapselab.data.TextCorpus;
import org.collapselab.data.TextSource;
import org.collapselab.metric.Baseline;
import org.collapselab.metric.MetricRow;
import org.collapselab.metric.TextMeasurement;
import org.collapselab.metric.TextMetric;
import org.collapselab.metric.TextMetricSet;
import org.collapselab.metric.TextReference;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.ModelFamily;
import org.collapselab.model.CharLstmFamily;
import org.collapselab.model.CharLstmOptions;
import org.collapselab.model.NgramFamily;
import org.collapselab.model.NgramOptions;
import org.collapselab.spec.DataSpec;
import org.collapselab.spec.ExperimentSpec;
import org.collapselab.spec.LoadedSpec;
import org.collapselab.spec.ModelSpec;

/**
 * Runs on lines of text ({@code data.source: text}): the corpus is read once, each replicate's
 * probe split and its {@link TextReference} computed once and shared by the replicate's cells,
 * and every generation is measured with {@link TextMetricSet}. A text family is any
 * {@code ModelFamily<String>} named in {@link #family}.
 */
final class TextModality implements Modality<String> {

    /** Text references kept, by data seed (cells of one replicate share their split). */
    private static final int REFERENCE_CACHE = 64;

    private final LoadedSpec loaded;
    private final ExperimentSpec spec;
    /** Metrics to compute: those the spec includes and those they are derived from. */
    private final Set<String> metrics;
    /** The corpus, read on first use. */
    private TextSource source;
    /** Recently used references by data seed. */
    private final Map<Long, TextReference> references = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TextReference> eldest) {
            return size() > REFERENCE_CACHE;
        }
    };

    TextModality(LoadedSpec loaded) {
        this.loaded = loaded;
        this.spec = loaded.spec();
        this.metrics = TextMetricSet.closure(spec.metrics().include());
    }

    /** Reads the corpus and checks that its probe split leaves lines on both sides. */
    @Override
    public void preload(List<Cell> cells) throws IOException {
        TextSource text = source();
        int lines = text.lineCount();
        if (lines == 0) {
            throw new Tables.TableException(describe(spec.data()) + ": has no line of text (blank "
                + "lines are skipped); give a UTF-8 file with one sample per line");
        }
        int probe = (int) Math.round(spec.data().probe() * lines);
        if (probe < 2 || lines - probe < 2) {
            throw new Tables.TableException(describe(spec.data()) + ": data.probe "
                + spec.data().probe() + " of " + lines + " lines leaves " + (lines - probe)
                + " to train on and " + probe + " to probe; both need at least 2, so change "
                + "data.probe or use more lines");
        }
    }

    private synchronized TextSource source() throws IOException {
        if (source == null) {
            source = new TextSource(read(spec.data()), spec.data().probe());
        }
        return source;
    }

    private List<String> read(DataSpec d) throws IOException {
        TextCorpus.Options options = new TextCorpus.Options(
            d.maxLines() == null ? Integer.MAX_VALUE : d.maxLines(), d.lowerCase());
        try {
            if (d.path() != null) {
                return TextCorpus.readFile(loaded.resolve(d.path()), options);
            }
            return "europarl".equals(d.corpus()) ? TextCorpus.europarlEnglish(options)
                : TextCorpus.europarl(options);
        } catch (UncheckedIOException unreadable) {
            String reason = unreadable.getCause() instanceof java.nio.charset
                .CharacterCodingException ? "is not UTF-8 text; save it as UTF-8"
                : "cannot be read (" + unreadable.getCause().getMessage() + ")";
            throw new Tables.TableException(describe(d) + ": " + reason);
        }
    }

    private String describe(DataSpec d) {
        return d.path() != null ? loaded.resolve(d.path()).toString() : "corpus " + d.corpus();
    }

    @Override
    public CellData<String> open(Cell cell) throws IOException {
        TextReference reference = reference(cell);
        return new CellData<>() {
            @Override
            public RealData<String> real() {
                return reference.real();
            }

            @Override
            public MetricRow measure(GenerativeModel<String> model, Baseline baseline,
                                     int generation, RandomGenerator random) {
                TextMeasurement measurement = new TextMeasurement(model, reference, baseline,
                    random);
                MetricRow row = new MetricRow();
                for (TextMetric metric : TextMetricSet.all()) {
                    if (metrics.contains(metric.name())) {
                        metric.measure(measurement, row);
                        Modality.requireFinite(row, metric.name(), generation);
                    }
                }
                return row;
            }
        };
    }

    private TextReference reference(Cell cell) throws IOException {
        synchronized (references) {
            TextReference cached = references.get(cell.dataSeed());
            if (cached != null) {
                return cached;
            }
        }
        RealData<String> real = source().open(new SplittableRandom(cell.dataSeed()));
        TextReference made = new TextReference(real, spec.metrics().samples());
        synchronized (references) {
            references.putIfAbsent(cell.dataSeed(), made);
            return references.get(cell.dataSeed());
        }
    }

    /** The text families by name; a new family over lines adds its case here. */
    @Override
    public ModelFamily<String> family(Cell cell) {
        ModelSpec options = spec.model();
        String name = cell.parameter("family");
        return switch (name) {
            case NgramFamily.NAME -> new NgramFamily(ngramOptions(options));
            case CharLstmFamily.NAME -> new CharLstmFamily(new CharLstmOptions(options.hidden(),
                options.epochs(), options.batch(), options.learningRate(), options.tbptt(),
                options.temperature(), options.maxLength()));
            default -> throw new IllegalArgumentException("no text family " + name);
        };
    }

    /** The ngram options of the resolved spec: add-k reads add_k, kneser-ney reads discount. */
    private static NgramOptions ngramOptions(ModelSpec options) {
        NgramOptions.Unit unit = NgramOptions.Unit.valueOf(
            options.unit().toUpperCase(Locale.ROOT));
        if ("kneser-ney".equals(options.smoothing())) {
            return new NgramOptions(unit, options.order(), NgramOptions.Smoothing.KNESER_NEY,
                Double.NaN, options.discount(), options.temperature(), options.maxLength());
        }
        return new NgramOptions(unit, options.order(), options.addK(), options.temperature(),
            options.maxLength());
    }
}
