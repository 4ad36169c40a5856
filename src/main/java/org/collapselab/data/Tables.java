package org.collapselab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Readers of numeric tables: the bundled Iris measurements and any CSV file. */
public final class Tables {

    /** What to do with a row that has an empty or non-numeric cell in a selected column. */
    public enum Missing {
        /** Skip the row. */
        DROP,
        /** Stop with an error naming the row and column. */
        FAIL,
        /** Replace the cell by its column's mean over the rows that have it. */
        MEAN
    }

    /** A table that cannot be read as asked; the message names the file and the place. */
    public static final class TableException extends IOException {
        public TableException(String message) {
            super(message);
        }
    }

    private Tables() {
    }

    /**
     * The 150 Iris measurements (sepal length and width, petal length and width, in cm) from the
     * resource {@code iris.dat} that ships at the root of the deeplearning4j-core jar; the class
     * label column is dropped.
     */
    public static List<double[]> iris() throws IOException {
        try (InputStream in = Tables.class.getClassLoader().getResourceAsStream("iris.dat")) {
            if (in == null) {
                throw new TableException("iris.dat is not on the classpath: the "
                    + "deeplearning4j-core jar is missing from the build");
            }
            Reader reader = new java.io.InputStreamReader(in, StandardCharsets.US_ASCII);
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.parse(reader)) {
                double[] row = new double[4];
                for (int i = 0; i < 4; i++) {
                    row[i] = Double.parseDouble(record.get(i).trim());
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /**
     * Reads the selected numeric columns of a CSV file.
     *
     * @param columns column names (with a header) or 0-based indexes; empty means every column
     */
    public static List<double[]> csv(Path file, char delimiter, boolean header, List<String> columns,
                                     Missing missing) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
            .setIgnoreSurroundingSpaces(true).setCommentMarker('#').setIgnoreEmptyLines(true)
            .setHeader().setSkipHeaderRecord(header).build();
        if (!header) {
            format = format.builder().setHeader((String[]) null).build();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            List<CSVRecord> records = new ArrayList<>();
            // The parser's line count once a record is read is that record's (last) line; read
            // after getRecords() it would be the end of the file for every record.
            List<Long> lineNumbers = new ArrayList<>();
            for (CSVRecord record : parser) {
                records.add(record);
                lineNumbers.add(parser.getCurrentLineNumber());
            }
            int[] index = columnIndexes(file, parser, records, header, columns);
            List<double[]> rows = new ArrayList<>(records.size());
            for (int r = 0; r < records.size(); r++) {
                double[] row = parseRow(file, records.get(r), lineNumbers.get(r), index, missing,
                    parser.getHeaderNames());
                if (row != null) {
                    rows.add(row);
                }
            }
            if (missing == Missing.MEAN) {
                imputeMeans(rows);
            }
            if (rows.isEmpty()) {
                throw new TableException(file + ": no usable rows (every row had a missing value "
                    + "in the selected columns, or the file is empty)");
            }
            return rows;
        }
    }

    private static int[] columnIndexes(Path file, CSVParser parser, List<CSVRecord> records,
                                       boolean header, List<String> columns) throws TableException {
        int width = header ? parser.getHeaderNames().size()
            : records.isEmpty() ? 0 : records.get(0).size();
        if (columns.isEmpty()) {
            int[] all = new int[width];
            for (int i = 0; i < width; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] index = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            int found = header ? parser.getHeaderNames().indexOf(name) : -1;
            if (found < 0 && name.matches("\\d+")) {
                found = Integer.parseInt(name);
            }
            if (found < 0 || found >= width) {
                throw new TableException(file + ": column '" + name + "' not found; the file has "
                    + (header ? "columns " + parser.getHeaderNames() : width + " columns (0-based "
                    + "indexes 0.." + (width - 1) + ")"));
            }
            index[c] = found;
        }
        return index;
    }

    private static double[] parseRow(Path file, CSVRecord record, long line, int[] index,
                                     Missing missing, List<String> headerNames)
        throws TableException {
        double[] row = new double[index.length];
        for (int c = 0; c < index.length; c++) {
            String cell = index[c] < record.size() ? record.get(index[c]).trim() : "";
            double value = parseNumber(cell);
            if (Double.isNaN(value)) {
                if (missing == Missing.DROP) {
                    return null;
                }
                if (missing == Missing.FAIL) {
                    String column = headerNames.isEmpty() ? "column " + index[c]
                        : "column '" + headerNames.get(index[c]) + "'";
                    throw new TableException(file + ":" + line
                        + ": " + column + " has '" + cell + "', not a number; set "
                        + "data.missing to drop or mean to skip or fill such cells");
                }
            }
            row[c] = value;
        }
        return row;
    }

    private static double parseNumber(String cell) {
        String lower = cell.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("na") || lower.equals("nan") || lower.equals("null")) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(cell);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException notNumber) {
            return Double.NaN;
        }
    }

    private static void imputeMeans(List<double[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int dim = rows.get(0).length;
        for (int c = 0; c < dim; c++) {
            double sum = 0;
            int count = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[c])) {
                    sum += row[c];
                    count++;
                }
            }
            double mean = count == 0 ? 0 : sum / count;
            for (double[] row : rows) {
                if (Double.isNaN(row[c])) {
                    row[c] = mean;
                }
            }
        }
    }
}
