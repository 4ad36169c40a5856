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

    /** Reads the observations, fits every group and writes both files; returns the reports. */
    public static List<LawReport> rebuild(Path runDir) throws IOException {
        List<Observation> observations = observations(runDir.resolve("generations.csv"));
        List<LawReport> reports = observations.isEmpty() ? List.of()
            : LawAnalysis.analyse(observations, LawOptions.defaults(BOOTSTRAP_SEED));
        writeAtomically(runDir.resolve("fits.csv"), out -> FitsWriter.writeCsv(reports, out));
        writeAtomically(runDir.resolve("fits.json"), out -> FitsWriter.writeJson(reports, out));
        return reports;
    }

    /**
     * The law observations of a generations.csv.
     *
     * @throws RunFileFormatException if the file lacks the columns or a record is cut short
     */
    public static List<Observation> observations(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
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
                    throw new RunFileFormatException(csv + " record " + r.getRecordNumber()
                        + ": found " + r.size() + " fields, expected " + names.size()
                        + " as in the header (a run cut short? resume it first)");
                }
                if (!"ok".equals(r.get("status"))) {
                    failed.add(r.get("cell"));
                }
            }
            return collect(records, parameters, failed);
        }
    }

    private static List<CSVRecord> records(Path csv, CSVParser parser) {
        try {
            return parser.getRecords();
        } catch (java.io.UncheckedIOException malformed) {
            String why = malformed.getCause() == null ? malformed.getMessage()
                : malformed.getCause().getMessage();
            throw new RunFileFormatException(csv + " is not valid CSV: " + why);
        }
    }

    private static List<Observation> collect(List<CSVRecord> records, List<String> parameters,
                                             Set<String> failed) {
        Map<String, Double> baseline = new HashMap<>();
        for (CSVRecord r : records) {
            if (r.get("generation").equals("0") && !r.get("log_q").isEmpty()) {
                baseline.put(r.get("cell"), Double.parseDouble(r.get("log_q")));
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
            double change = Double.parseDouble(r.get("log_q")) - baseline.get(cell);
            out.add(new Observation(GenerationsTable.groupKey(group), cell, Double.parseDouble(r.get("rho")),
                Integer.parseInt(r.get("generation")), change));
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
