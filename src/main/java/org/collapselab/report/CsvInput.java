package org.collapselab.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.collapselab.data.TextFiles;

/**
 * An RFC 4180 CSV file read as a header row and records of the header's width. Records are
 * numbered as in the file, the header being record 1, and every error names the file and the
 * record. The header is read by position, not mapped by Commons CSV, so that duplicate or empty
 * column names are reported here rather than resolved silently.
 */
final class CsvInput implements Closeable, Iterable<CsvInput.Line> {

    /** One record after the header, checked to have the header's width. */
    record Line(long number, List<String> values) {

        String get(int column) {
            return values.get(column);
        }
    }

    /** The file name used in messages. */
    private final String name;
    /** The open parser; records are read lazily so large files are streamed. */
    private final CSVParser parser;
    /** The column names, in file order. */
    private final List<String> header;

    private CsvInput(String name, CSVParser parser, List<String> header) {
        this.name = name;
        this.parser = parser;
        this.header = header;
    }

    /** Opens a UTF-8 file and reads its header row. */
    static CsvInput open(Path file) throws IOException {
        String name = file.getFileName().toString();
        CSVParser parser = CSVFormat.RFC4180.parse(TextFiles.open(file));
        try {
            Iterator<CSVRecord> records = parser.iterator();
            if (!hasNextRecord(name, records)) {
                throw new RunFileFormatException(name + " is empty: expected a header row");
            }
            List<String> header = nextRecord(name, records).toList();
            checkHeader(name, header);
            return new CsvInput(name, parser, header);
        } catch (RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    private static void checkHeader(String name, List<String> header) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (column.isEmpty()) {
                throw new RunFileFormatException(
                        name + " header: column " + (i + 1) + " has no name");
            }
            if (!seen.add(column)) {
                throw new RunFileFormatException(
                        name + " header: column '" + column + "' appears twice");
            }
        }
    }

    String name() {
        return name;
    }

    List<String> header() {
        return header;
    }

    /** An error about one record, in the one-line form of {@link RunFileFormatException}. */
    RunFileFormatException error(long record, String message) {
        return new RunFileFormatException(name + " record " + record + ": " + message);
    }

    /**
     * A numeric field of a record: empty is NaN (the value is not available or does not
     * apply); anything else must parse as a double ({@link Double#toString} output included).
     */
    double number(Line line, int column) {
        String text = line.get(column);
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(line.number(), "column " + header.get(column) + ": found '" + text
                    + "', expected a number or an empty cell");
        }
    }

    @Override
    public Iterator<Line> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return hasNextRecord(name, records);
            }

            @Override
            public Line next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return checked(nextRecord(name, records));
            }
        };
    }

    private static boolean hasNextRecord(String name, Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw syntaxError(name, e);
        }
    }

    /**
     * The next record. Commons CSV reports malformed input (an unclosed quote, text after a
     * closing quote) as an I/O error, which is turned here into a one-line format error.
     */
    private static CSVRecord nextRecord(String name, Iterator<CSVRecord> records) {
        try {
            return records.next();
        } catch (UncheckedIOException e) {
            throw syntaxError(name, e);
        }
    }

    private static RunFileFormatException syntaxError(String name, UncheckedIOException e) {
        if (TextFiles.decodingError(e) != null) {
            return new RunFileFormatException(name + ": " + TextFiles.NOT_UTF8);
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new RunFileFormatException(name + " is not valid CSV: " + cause.getMessage());
    }

    private Line checked(CSVRecord record) {
        long number = record.getRecordNumber();
        if (record.size() != header.size()) {
            throw error(number, "found " + record.size() + " fields, expected "
                    + header.size() + " as in the header");
        }
        return new Line(number, record.toList());
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
