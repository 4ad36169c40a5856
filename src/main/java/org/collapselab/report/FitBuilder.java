package org.collapselab.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.collapselab.data.TextFiles;
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
        List<Observation> observations = observations(runDir.resolve("generations.csv"));
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
     * The law observations of a generations.csv.
     *
     * <p>The file first passes the same checks as {@code plot} ({@link GenerationsTable#read}):
     * every column read the same way, and no (cell, replicate, generation) twice, so that a
     * file one command accepts the other does not refuse. The fit then needs what the plot
     * does not: a finite {@code log_q} wherever one is given.
     *
     * @throws RunFileFormatException if the file lacks the columns, a record is cut short or
     *     malformed, a row repeats a generation, or a {@code log_q} is NaN or infinite
     */
    public static List<Observation> observations(Path csv) throws IOException {
        checkAsPlotDoes(csv);
        try (Reader reader = TextFiles.open(csv);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                 .build().parse(reader)) {
            List<String> names = parser.getHeaderNames();
            int first = names.indexOf("generation") + 1;
            int last = names.indexOf("status");
            if (first <= 0 || last < first || !names.contains("log_q")) {
                throw new RunFileFormatException(csv + ": not a generations.csv (columns "
                    + "generation, status and log_q are needed)");
            }
            List<String> parameters = names.subList(first, last);
            List<CSVRecord> records = records(csv, parser);
            Set<String> failed = new HashSet<>();
            for (CSVRecord r : records) {
                if (!r.isConsistent()) {
                    throw new RunFileFormatException(csv + " record " + recordNumber(r)
                        + ": found " + r.size() + " fields, expected " + names.size()
                        + " as in the header (a run cut short? resume it first)");
                }
                if (!"ok".equals(r.get("status"))) {
                    failed.add(r.get("cell"));
                }
            }
            return collect(csv, records, parameters, failed);
        } catch (java.nio.charset.CharacterCodingException inHeader) {
            throw new RunFileFormatException(csv + " header: " + TextFiles.NOT_UTF8);
        }
    }

    /** Reads the file as {@code plot} does; its messages gain the run folder as plot's do. */
    private static void checkAsPlotDoes(Path csv) throws IOException {
        try {
            GenerationsTable.read(csv);
        } catch (RunFileFormatException malformed) {
            Path folder = csv.getParent() != null ? csv.getParent()
                : csv.toAbsolutePath().getParent();
            throw new RunFileFormatException(folder + ": " + malformed.getMessage());
        }
    }

    private static List<CSVRecord> records(Path csv, CSVParser parser) {
        try {
            return parser.getRecords();
        } catch (java.io.UncheckedIOException malformed) {
            if (TextFiles.decodingError(malformed) != null) {
                throw new RunFileFormatException(csv + " near record "
                    + (parser.getRecordNumber() + 2) + ": " + TextFiles.NOT_UTF8);
            }
            String why = malformed.getCause() == null ? malformed.getMessage()
                : malformed.getCause().getMessage();
            throw new RunFileFormatException(csv + " is not valid CSV: " + why);
        }
    }

    private static List<Observation> collect(Path csv, List<CSVRecord> records,
                                             List<String> parameters, Set<String> failed) {
        Map<String, Double> baseline = new HashMap<>();
        for (CSVRecord r : records) {
            if (r.get("generation").equals("0") && !r.get("log_q").isEmpty()) {
                baseline.put(r.get("cell"), finiteLogQ(csv, r));
            }
        }
        List<Observation> out = new ArrayList<>();
        for (CSVRecord r : records) {
            String cell = r.get("cell");
            if (failed.contains(cell) || r.get("log_q").isEmpty() || !baseline.containsKey(cell)) {
                continue;
            }
            Map<String, String> group = new LinkedHashMap<>();
            for (String p : parameters) {
                group.put(p, r.get(p));
            }
            double change = finiteLogQ(csv, r) - baseline.get(cell);
            out.add(new Observation(GenerationsTable.groupKey(group), cell,
                number(csv, r, "rho"), generation(csv, r), change));
        }
        return out;
    }

    /**
     * A numeric field, or a one-line error in the words {@code plot} uses for the same record.
     * Callers skip the records whose field is empty before asking.
     */
    private static double number(Path csv, CSVRecord r, String column) {
        String text = r.get(column);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            throw new RunFileFormatException(csv + " record " + recordNumber(r) + ": column "
                + column + ": found '" + text + "', expected a number");
        }
    }

    /**
     * The {@code log_q} of a record, refused unless finite: the regression of log Q_t - log Q_0
     * on t has no use for NaN or an infinity, and one such value would take its group down.
     */
    private static double finiteLogQ(Path csv, CSVRecord r) {
        double logQ = number(csv, r, "log_q");
        if (!Double.isFinite(logQ)) {
            throw new RunFileFormatException(csv + " record " + recordNumber(r) + ": column "
                + "log_q: found '" + r.get("log_q") + "' (cell " + r.get("cell") + ", generation "
                + r.get("generation") + "), expected a finite number; correct the value, or "
                + "empty the cell to leave this generation out of the fit");
        }
        return logQ;
    }

    /** A record's number counting the header as record 1, as {@code plot} counts. */
    private static long recordNumber(CSVRecord r) {
        return r.getRecordNumber() + 1;
    }

    private static int generation(Path csv, CSVRecord r) {
        String text = r.get("generation");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notAWholeNumber) {
            throw new RunFileFormatException(csv + " record " + recordNumber(r)
                + ": column generation: found '" + text + "', expected a whole number");
        }
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
