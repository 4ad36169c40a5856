package org.collapselab.run;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.collapselab.data.Analytic;
import org.collapselab.data.AnalyticSource;
import org.collapselab.data.DataSource;
import org.collapselab.data.RealData;
import org.collapselab.metric.ProbeReference;
import org.collapselab.data.TableSource;
import org.collapselab.data.Tables;
import org.collapselab.spec.DataSpec;
import org.collapselab.spec.LoadedSpec;
import org.collapselab.spec.MetricsSpec;

/**
 * The real data sources of a run: files are read once, analytic truths built once per dimension,
 * and shared by every cell.
 */
final class Sources {

    private final LoadedSpec loaded;
    /** Sources by dimension ("" for table sources). */
    private final Map<String, DataSource<double[]>> cache = new ConcurrentHashMap<>();
    /**
     * Recently used probe references by data seed and dimension. Cells of one replicate share
     * their real data split; computing its probe moments and projections once saves O(m d^2)
     * per cell. Bounded, since runs with thousands of replicates would not fit.
     */
    private final Map<String, ProbeReference> references = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ProbeReference> eldest) {
            return size() > REFERENCE_CACHE;
        }
    };
    /** Probe references kept. */
    private static final int REFERENCE_CACHE = 64;

    Sources(LoadedSpec loaded) {
        this.loaded = loaded;
    }

    /**
     * Reads the files now, so that a bad file fails the run before any cell starts, and checks
     * that a table leaves enough training rows once its probe is held out.
     */
    void preload(List<Cell> cells) throws IOException {
        for (Cell cell : cells) {
            if (source(cell) instanceof TableSource table) {
                int rows = table.rowCount();
                int training = rows - (int) Math.round(loaded.spec().data().probe() * rows);
                if (training < 2 || rows - training < 2) {
                    throw new Tables.TableException(loaded.file() + ": data.probe "
                        + loaded.spec().data().probe() + " of " + rows + " usable rows leaves "
                        + training + " to train on and " + (rows - training) + " to probe; both "
                        + "need at least 2, so change data.probe or use a larger table");
                }
            }
        }
    }

    DataSource<double[]> source(Cell cell) throws IOException {
        String key = cell.parameters().getOrDefault("dim", "");
        DataSource<double[]> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        DataSource<double[]> made = make(loaded.spec().data(), key);
        cache.putIfAbsent(key, made);
        return cache.get(key);
    }

    /** The cell's real data and the probe reference computed from it, shared where possible. */
    ProbeReference reference(Cell cell, MetricsSpec metrics) throws IOException {
        String key = cell.dataSeed() + "/" + cell.parameters().getOrDefault("dim", "");
        synchronized (references) {
            ProbeReference cached = references.get(key);
            if (cached != null) {
                return cached;
            }
        }
        RealData<double[]> real = source(cell).open(new SplittableRandom(cell.dataSeed()));
        ProbeReference made = new ProbeReference(real, metrics.samples(), metrics.projections());
        synchronized (references) {
            references.putIfAbsent(key, made);
            return references.get(key);
        }
    }

    private DataSource<double[]> make(DataSpec d, String dim) throws IOException {
        return switch (d.source()) {
            case "iris" -> new TableSource("iris", Tables.iris(), d.probe());
            case "csv" -> new TableSource("csv", csvRows(d), d.probe());
            case "analytic" -> analytic(d, dim);
            default -> throw new IllegalArgumentException("no data source " + d.source());
        };
    }

    /** The rows of a csv source; a column chosen twice is reported against the spec file. */
    private List<double[]> csvRows(DataSpec d) throws IOException {
        try {
            return Tables.csv(loaded.resolve(d.path()), d.delimiter().charAt(0), d.header(),
                d.columns(),
                Tables.Missing.valueOf(d.missing().toUpperCase(java.util.Locale.ROOT)));
        } catch (Tables.ColumnChosenTwice twice) {
            throw new Tables.TableException(loaded.file() + ": data.columns: "
                + twice.getMessage());
        }
    }

    private static DataSource<double[]> analytic(DataSpec d, String dim) {
        if (d.distribution().equals("linear-model")) {
            return AnalyticSource.linearModel(d.features(), d.designSize(), d.noiseVariance(),
                d.probeSize());
        }
        int dimension = Integer.parseInt(dim);
        return AnalyticSource.of(switch (d.distribution()) {
            case "gaussian" -> new Analytic.GaussianTruth(dimension, d.mean(), d.variance());
            case "mixture" -> new Analytic.MixtureTruth(dimension, d.components(),
                d.separation());
            case "student-t" -> new Analytic.StudentTruth(dimension, d.degreesOfFreedom());
            default -> throw new IllegalArgumentException("no distribution " + d.distribution());
        }, d.probeSize());
    }
}
