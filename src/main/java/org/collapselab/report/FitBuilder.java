package org.collapselab.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collapselab.law.FitsWriter;
import org.collapselab.law.LawAnalysis;
import org.collapselab.law.LawOptions;
import org.collapselab.law.LawReport;
import org.collapselab.law.Observation;

/**
 * Rebuilds fits.csv and fits.json of a run folder from its generations.csv alone.
 *
 * <p>Each finished cell contributes one series: log Q_t - log Q_0 of that cell (column
 * {@code log_q} minus its generation-0 value) against t, at the cell's rho. Cells that failed are
 * left out of the fits (they are listed in the report). Groups are the cells sharing every
 * parameter but rho.
 */
public final class FitBuilder {

    /** Bootstrap seed of the law fits: fixed, so that fits are a function of the CSV alone. */
    public static final long BOOTSTRAP_SEED = 20260520L;

    private FitBuilder() {
    }

    /**
     * What a rebuild fitted, and the groups it could not fit with the reason in a user's terms.
     *
     * @param reports the fitted groups, in group-key order
     * @param skipped one line per group left out
     */
    public record Fits(List<LawReport> reports, List<String> skipped) {
    }

    /**
     * Reads the observations, fits every group that its data identify, and writes both files
     * with the groups that could be fitted; a group that cannot be fitted (only rho = 0, a single
     * generation) is skipped with its reason and never takes the others' fits down with it.
     */
    public static Fits rebuild(Path runDir) throws IOException {
        return rebuild(runDir, table(runDir));
    }

    /** As {@link #rebuild(Path)}, from the run's generations.csv already read. */
    public static Fits rebuild(Path runDir, GenerationsTable table) throws IOException {
        List<Observation> observations = observations(runDir.resolve("generations.csv"), table);
        Map<String, List<Observation>> groups = new java.util.TreeMap<>();
        for (Observation o : observations) {
            groups.computeIfAbsent(o.group(), key -> new ArrayList<>()).add(o);
        }
        LawOptions options = LawOptions.defaults(BOOTSTRAP_SEED);
        List<Object> outcomes = groups.entrySet().parallelStream()
            .map(group -> fitOrReason(group.getKey(), group.getValue(), options)).toList();
        List<LawReport> reports = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof LawReport report) {
                reports.add(report);
            } else {
                skipped.add((String) outcome);
            }
        }
        writeAtomically(runDir.resolve("fits.csv"), out -> FitsWriter.writeCsv(reports, out));
        writeAtomically(runDir.resolve("fits.json"), out -> FitsWriter.writeJson(reports, out));
        return new Fits(reports, skipped);
    }

    private static Object fitOrReason(String group, List<Observation> observations,
                                      LawOptions options) {
        if (observations.stream().allMatch(o -> o.rho() == 0)) {
            return "group " + group + ": only rho = 0 (no synthetic data), so there is no "
                + "collapse law to fit";
        }
        if (observations.stream().mapToInt(Observation::generation).max().orElse(0) < 2) {
            return "group " + group + ": fewer than 3 generations, too few to fit a law";
        }
        try {
            return LawAnalysis.analyseGroup(group, observations, options);
        } catch (org.collapselab.law.DegenerateDesignException | ArithmeticException cannot) {
            return cannot.getMessage();
        }
    }

    /**
     * A run folder's generations.csv, read through {@link GenerationsTable#read}, the reader
     * {@code plot} uses, so a file one command accepts the other does not refuse (that reader
     * also refuses a written NaN or infinity in {@code log_q}); messages name the folder.
     *
     * @throws RunFileFormatException if a record is cut short or malformed or a row repeats a
     *     generation
     */
    public static GenerationsTable table(Path runDir) throws IOException {
        try {
            return GenerationsTable.read(runDir.resolve("generations.csv"));
        } catch (RunFileFormatException malformed) {
            throw new RunFileFormatException(runDir + ": " + malformed.getMessage());
        }
    }

    /**
     * One law observation per ok row with a log_q, of cells that never failed.
     *
     * @throws RunFileFormatException if the file has no log_q column
     */
    private static List<Observation> observations(Path csv, GenerationsTable table) {
        if (!table.metricNames().contains(GenerationsTable.LOG_Q)) {
            throw new RunFileFormatException(csv + ": not a generations.csv (columns "
                + "generation, status and log_q are needed)");
        }
        Set<String> failed = new HashSet<>();
        table.failedRows().forEach(row -> failed.add(row.cell()));
        Map<String, Double> baseline = new HashMap<>();
        for (GenerationRow row : table.rows()) {
            if (row.generation() == 0 && !Double.isNaN(row.metric(GenerationsTable.LOG_Q))) {
                baseline.put(row.cell(), row.metric(GenerationsTable.LOG_Q));
            }
        }
        List<Observation> out = new ArrayList<>();
        for (GenerationRow row : table.rows()) {
            double logQ = row.metric(GenerationsTable.LOG_Q);
            Double first = baseline.get(row.cell());
            if (failed.contains(row.cell()) || Double.isNaN(logQ) || first == null) {
                continue;
            }
            out.add(new Observation(GenerationsTable.groupKey(row.parameters()), row.cell(),
                row.rho(), row.generation(), logQ - first));
        }
        return out;
    }

    /** Something that writes a file's text. */
    interface Content {
        void write(Writer out) throws IOException;
    }

    /** Writes to a temporary sibling, then renames it over the target. */
    static void writeAtomically(Path target, Content content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            content.write(out);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
    }
}
