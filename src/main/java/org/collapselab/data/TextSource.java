package org.collapselab.data;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The {@code text} data source: a corpus of lines read once, split for each cell into a held-out
 * probe of round(probeShare * lines) lines and a training pool of the rest (by
 * {@link TextCorpus#split}, from the cell's data stream).
 */
public final class TextSource implements DataSource<String> {

    /** The corpus, one sample per line. */
    private final List<String> lines;
    /** The share of the lines held out as the probe. */
    private final double probeShare;

    public TextSource(List<String> lines, double probeShare) {
        this.lines = List.copyOf(lines);
        this.probeShare = probeShare;
    }

    @Override
    public String name() {
        return "text";
    }

    /** One: a sample is one line. */
    @Override
    public int dim() {
        return 1;
    }

    /** The number of lines in the corpus. */
    public int lineCount() {
        return lines.size();
    }

    @Override
    public RealData<String> open(RandomGenerator random) {
        TextCorpus.Split split = TextCorpus.split(lines, probeShare, random);
        return new LinePool(split.probe(), split.pool());
    }

    /** A cell's split: real training lines are drawn from the pool as in {@link FinitePool}. */
    private record LinePool(List<String> probe, List<String> pool) implements RealData<String> {

        @Override
        public List<String> draw(int count, RandomGenerator random) {
            return FinitePool.drawFrom(pool, count, random);
        }

        @Override
        public Optional<Truth<String>> truth() {
            return Optional.empty();
        }

        @Override
        public int poolSize() {
            return pool.size();
        }
    }
}
