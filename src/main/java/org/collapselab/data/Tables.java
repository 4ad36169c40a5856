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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Tables.class);

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
    public static sealed class TableException extends IOException permits ColumnChosenTwice {
        public TableException(String message) {
            super(message);
        }
    }

    /**
     * Two entries of {@code data.columns} that select the same column of the file once names
     * and 0-based indexes are resolved, such as {@code a} and {@code 0} for a file whose first
     * column is {@code a}. The message names both spellings, the column and the fix, but not the
     * spec file, which the caller adds.
     */
    public static final class ColumnChosenTwice extends TableException {
        public ColumnChosenTwice(String message) {
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
    public static List<double[]> csv(Path file, char delimiter, boolean header,
                                     List<String> columns, Missing missing) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
            .setIgnoreSurroundingSpaces(true).setCommentMarker('#').setIgnoreEmptyLines(true)
            .setHeader().setSkipHeaderRecord(header).build();
        if (!header) {
            format = format.builder().setHeader((String[]) null).build();
        }
        try (Reader reader = TextFiles.open(file);
             CSVParser parser = format.parse(reader)) {
            List<double[]> rows = new ArrayList<>();
            int[] index = null;
            int records = 0;
            // Records are read one at a time so that the parser's line count, taken just after a
            // record is read, is that record's line (its last line when a quoted cell spans
            // several); after reading them all at once it would be the file's last line.
            for (CSVRecord record : parser) {
                if (index == null) {
                    index = columnIndexes(file, parser, record.size(), header, columns);
                }
                records++;
                double[] row = parseRow(file, parser.getCurrentLineNumber(), record, index,
                    missing, parser.getHeaderNames());
                if (row != null) {
                    rows.add(row);
                }
            }
            if (index == null) {
                columnIndexes(file, parser, 0, header, columns);
            }
            if (missing == Missing.MEAN) {
                int filled = imputeMeans(file, rows, index, parser.getHeaderNames());
                if (filled > 0) {
                    LOG.info("{}: {} empty or non-numeric cells filled with their column's mean "
                        + "(data.missing: mean)", file, filled);
                }
            }
            if (rows.isEmpty()) {
                throw new TableException(file + ": no usable rows: " + (records == 0
                    ? "the file has no data rows"
                    : "all " + records + " rows have an empty or non-numeric cell in the "
                    + "selected columns " + describe(index, parser.getHeaderNames())
                    + "; check data.columns and data.delimiter (now '" + delimiter + "')"));
            }
            if (rows.size() < records) {
                LOG.info("{}: {} of {} rows dropped for an empty or non-numeric cell "
                    + "(data.missing: drop)", file, records - rows.size(), records);
            }
            return rows;
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            throw new TableException(file + ": is not UTF-8 text; save it as UTF-8");
        } catch (java.io.UncheckedIOException wrapped) {
            if (wrapped.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new TableException(file + ": is not UTF-8 text; save it as UTF-8");
            }
            throw wrapped;
        }
    }

    private static String describe(int[] index, List<String> headerNames) {
        List<String> names = new ArrayList<>();
        for (int i : index == null ? new int[0] : index) {
            names.add(headerNames.isEmpty() || i >= headerNames.size() ? "#" + i
                : headerNames.get(i));
        }
        return names.toString();
    }

    /** The selected columns' positions; {@code firstWidth} is the first record's field count. */
    private static int[] columnIndexes(Path file, CSVParser parser, int firstWidth,
                                       boolean header, List<String> columns) throws TableException {
        int width = header ? parser.getHeaderNames().size() : firstWidth;
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
            for (int earlier = 0; earlier < c; earlier++) {
                if (index[earlier] == found) {
                    throw new ColumnChosenTwice("items " + earlier + " ('" + columns.get(earlier)
                        + "') and " + c + " ('" + name + "') both select column " + found
                        + (header ? " ('" + parser.getHeaderNames().get(found) + "')" : "")
                        + " of " + file + "; list each column once");
                }
            }
            index[c] = found;
        }
        return index;
    }

    private static double[] parseRow(Path file, long line, CSVRecord record, int[] index,
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
                    throw new TableException(file + ":" + line + ": " + column + " has '"
                        + cell + "', not a number; set data.missing to drop or mean to skip or "
                        + "fill such cells");
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

    /**
     * Fills each missing cell with its column's mean over the rows that have it; returns how
     * many cells were filled. A column with no number at all has no mean to give.
     */
    private static int imputeMeans(Path file, List<double[]> rows, int[] index,
                                   List<String> headerNames) throws TableException {
        if (rows.isEmpty()) {
            return 0;
        }
        int dim = rows.get(0).length;
        int filled = 0;
        for (int c = 0; c < dim; c++) {
            double sum = 0;
            int count = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[c])) {
                    sum += row[c];
                    count++;
                }
            }
            if (count == 0) {
                int position = index == null ? c : index[c];
                String column = position < headerNames.size()
                    ? "'" + headerNames.get(position) + "'" : "#" + position;
                throw new TableException(file + ": column " + column
                    + " has no number in any row, so data.missing: mean has nothing to fill "
                    + "it from; leave the column out of data.columns or fix the file");
            }
            double mean = sum / count;
            for (double[] row : rows) {
                if (Double.isNaN(row[c])) {
                    row[c] = mean;
                    filled++;
                }
            }
        }
        return filled;
    }
}
