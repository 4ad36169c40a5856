package org.collapselab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.collapselab.data.TextFiles;
import org.collapselab.market.DriftCurve;
import org.collapselab.report.GenerationsTable;

/**
 * Reads a measured drift curve from a CSV file with a header: the columns {@code rho} and
 * {@code kl_qp} (or {@code kl}). A run's generations.csv qualifies: there, only rows whose
 * {@code status} is ok and that belong to the last generation are read, and rows with an empty
 * KL are skipped, so the curve is the drift after the whole run at each rho.
 */
final class DriftFile {

    private DriftFile() {
    }

    static DriftCurve read(Path file) throws IOException, MarketUsageException {
        return read(file, null);
    }

    /**
     * The drift curve of a file; {@code group}, when not null, keeps only the rows of that group
     * of a run's generations.csv (a key as in fits.csv's group column).
     */
    static DriftCurve read(Path file, String group) throws IOException, MarketUsageException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new MarketUsageException(name + ": no such file; --drift-csv needs a CSV file "
                + "with columns rho and kl_qp");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .build();
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = format.parse(TextFiles.open(file))) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            throw new MarketUsageException(name + ": " + TextFiles.NOT_UTF8);
        } catch (IllegalArgumentException | java.io.UncheckedIOException malformed) {
            if (TextFiles.decodingError(malformed) != null) {
                throw new MarketUsageException(name + ": " + TextFiles.NOT_UTF8);
            }
            throw new MarketUsageException(name + ": not a readable CSV file ("
                + malformed.getMessage() + ")");
        }
        String kl = header.contains("kl_qp") ? "kl_qp" : "kl";
        if (!header.contains("rho") || !header.contains(kl)) {
            throw new MarketUsageException(name + ": expected columns rho and kl_qp (or kl), "
                + "found " + header);
        }
        records = oneCurve(name, header, records, group);
        long last = lastGeneration(name, header, records);
        List<double[]> points = new ArrayList<>();
        for (CSVRecord record : records) {
            boolean failed = header.contains("status") && !"ok".equals(value(record, "status"));
            boolean earlier = last >= 0 && number(name, record, "generation") != last;
            if (failed || earlier || value(record, kl).isEmpty()) {
                continue;
            }
            points.add(new double[] {number(name, record, "rho"), drift(name, record, kl)});
        }
        if (points.isEmpty()) {
            throw new MarketUsageException(name + ": no row with both rho and " + kl);
        }
        double[] rho = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] drift = points.stream().mapToDouble(p -> p[1]).toArray();
        try {
            return DriftCurve.isotonic(rho, drift);
        } catch (IllegalArgumentException outOfRange) {
            throw new MarketUsageException(name + ": " + outOfRange.getMessage());
        }
    }

    /**
     * The rows of the one curve a file may hold. A PMIR run's rows carry the regulator's allowed
     * share m in rho, not the arm's measured contamination: refused. In a generations.csv (the
     * parameters sit between {@code generation} and {@code status}) every group, the cells
     * sharing every parameter but rho, is a curve of its own: {@code group} picks one, and
     * without it a file of several groups is refused rather than averaged across families.
     */
    private static List<CSVRecord> oneCurve(String name, List<String> header,
                                            List<CSVRecord> records, String group)
        throws MarketUsageException {
        if (header.contains("regulated")) {
            throw new MarketUsageException(name + ": a PMIR run's file (column 'regulated'), "
                + "whose rho column holds m, the share the regulator allows, not the measured "
                + "contamination; give a CSV with columns rho and kl_qp of a plain run instead");
        }
        int first = header.indexOf("generation") + 1;
        int last = header.indexOf("status");
        if (first <= 0 || last < first) {
            if (group != null) {
                throw new MarketUsageException(name + ": --group needs a run's generations.csv "
                    + "(parameter columns between generation and status); this file has none");
            }
            return records;
        }
        Map<String, List<CSVRecord>> byGroup = new TreeMap<>();
        for (CSVRecord record : records) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String column : header.subList(first, last)) {
                parameters.put(column, value(record, column));
            }
            try {
                byGroup.computeIfAbsent(GenerationsTable.groupKey(parameters),
                    key -> new ArrayList<>()).add(record);
            } catch (IllegalArgumentException unsplittable) {
                throw new MarketUsageException(name + ": line " + (record.getRecordNumber() + 1)
                    + ": " + unsplittable.getMessage());
            }
        }
        if (group != null) {
            List<CSVRecord> kept = byGroup.get(group);
            if (kept == null) {
                throw new MarketUsageException(name + ": no rows of group '" + group + "'; its "
                    + "groups are " + String.join(" | ", byGroup.keySet()));
            }
            return kept;
        }
        if (byGroup.size() > 1) {
            throw new MarketUsageException(name + ": rows span " + byGroup.size() + " groups ("
                + String.join(" | ", byGroup.keySet()) + "), and a drift curve is one group's; "
                + "cut the file down to the rows of one group, or pick one with --group KEY (a "
                + "key of fits.csv's group column)");
        }
        return records;
    }

    /** The largest generation in the file, or -1 without a generation column. */
    private static long lastGeneration(String name, List<String> header,
                                       List<CSVRecord> records) throws MarketUsageException {
        if (!header.contains("generation")) {
            return -1;
        }
        long last = -1;
        for (CSVRecord record : records) {
            last = Math.max(last, (long) number(name, record, "generation"));
        }
        return last;
    }

    /**
     * A KL value of the curve. KL(q || p) >= 0 always, so a negative one is an estimate that
     * went wrong (the k-NN estimator's, on a small probe) and would turn the welfare around.
     */
    private static double drift(String name, CSVRecord record, String column)
        throws MarketUsageException {
        double value = number(name, record, column);
        if (value < 0) {
            throw new MarketUsageException(name + ": line " + (record.getRecordNumber() + 1)
                + ", column " + column + ": found " + value(record, column) + ", but KL cannot "
                + "be negative (a k-NN estimate on a small probe can be); clip such values at "
                + "0, or measure the drift with another estimator");
        }
        return value;
    }

    private static String value(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column).strip() : "";
    }

    private static double number(String name, CSVRecord record, String column)
        throws MarketUsageException {
        String text = value(record, column);
        try {
            double x = Double.parseDouble(text);
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        throw new MarketUsageException(name + ": line " + (record.getRecordNumber() + 1)
            + ", column " + column + ": expected a finite number, found '" + text + "'");
    }
}
