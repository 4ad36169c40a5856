package org.collapselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A small table of a {@code collapse market} command: printed aligned with 6 significant
 * digits, written to CSV with every digit, and turned into JSON rows. NaN (a value that does not
 * apply) is an empty CSV cell and a JSON null.
 */
final class MarketTable {

    /** The file stem of the table. */
    private final String name;
    /** Column names. */
    private final List<String> columns;
    /** Rows of numbers, strings or booleans, as wide as the columns. */
    private final List<List<Object>> rows = new ArrayList<>();

    MarketTable(String name, String... columns) {
        this.name = name;
        this.columns = List.of(columns);
    }

    String name() {
        return name;
    }

    MarketTable add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + name + " needs " + columns.size()
                + " values, got " + values.length);
        }
        rows.add(List.of(values));
        return this;
    }

    /** Rows printed at each end of a long table; the CSV file has them all. */
    static final int PRINTED_ENDS = 15;

    void print(PrintWriter out) {
        List<List<String>> text = new ArrayList<>();
        text.add(columns);
        int skipped = Math.max(0, rows.size() - 2 * PRINTED_ENDS);
        for (int r = 0; r < rows.size(); r++) {
            if (skipped > 0 && r == PRINTED_ENDS) {
                r += skipped - 1;
                continue;
            }
            text.add(rows.get(r).stream().map(MarketTable::shortText).toList());
        }
        int[] widths = new int[columns.size()];
        for (List<String> line : text) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : text) {
            StringBuilder printed = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                printed.append(i == 0 ? "" : "  ")
                    .append(String.format(Locale.ROOT, "%" + widths[i] + "s", line.get(i)));
            }
            out.println(printed);
        }
        if (skipped > 0) {
            out.println("(" + skipped + " rows between the first and last " + PRINTED_ENDS
                + " left out here; " + name + ".csv has all " + rows.size() + ")");
        }
    }

    Path writeCsv(Path directory) throws IOException {
        StringWriter text = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            printer.printRecord(columns);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(MarketTable::fullText).toList());
            }
        }
        Path file = directory.resolve(name + ".csv");
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        return file;
    }

    List<Map<String, Object>> jsonRows() {
        List<Map<String, Object>> json = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                Object value = row.get(i);
                boolean missing = value instanceof Double x && !Double.isFinite(x);
                object.put(columns.get(i), missing ? null : value);
            }
            json.add(object);
        }
        return json;
    }

    private static String shortText(Object value) {
        if (value instanceof Double x) {
            if (Double.isNaN(x)) {
                return "-";
            }
            return x == 0 ? "0" : String.format(Locale.ROOT, "%.6g", x);
        }
        return String.valueOf(value);
    }

    private static String fullText(Object value) {
        if (value instanceof Double x && Double.isNaN(x)) {
            return "";
        }
        return String.valueOf(value);
    }
}
