package org.collapselab.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Appends rows to generations.csv a whole cell at a time: the cell's rows go out in one write, so
 * that a run killed at any moment leaves complete cells plus at most one partial cell, which
 * {@link #openForResume} cuts off. A killed process loses nothing already written (the kernel
 * holds it); against a machine crash the file is synced to disk at most every
 * {@value #SYNC_INTERVAL_MILLIS} ms and on close, rather than after every cell, which on runs of
 * thousands of small cells would cost more than the cells themselves.
 *
 * <p>Every record is one line (error messages are flattened), which keeps that cut simple.
 */
public final class GenerationsCsvWriter implements AutoCloseable {

    /** RFC 4180 with '\n' line ends, so the file is the same on every platform. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
        .build();

    /** Longest time between two syncs to disk. */
    static final long SYNC_INTERVAL_MILLIS = 2000;

    private final FileChannel channel;
    private final List<String> header;
    /** When the file was last synced. */
    private long lastSync = System.currentTimeMillis();

    private GenerationsCsvWriter(FileChannel channel, List<String> header) {
        this.channel = channel;
        this.header = header;
    }

    /** Creates the file with its header (replacing any file already there). */
    public static GenerationsCsvWriter create(Path file, List<String> header) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        GenerationsCsvWriter writer = new GenerationsCsvWriter(channel, header);
        writer.writeText(render(List.of(header)));
        return writer;
    }

    /**
     * Opens an existing file to continue it: keeps the complete cells, drops a trailing partial
     * cell, and returns the writer with the ids of the cells kept. Only whole lines count: every
     * write ends with a line end, so a last line without one was cut by the kill, even when what
     * is left of it still parses (a number cut short in the last column). A file that stops
     * inside its header, or is empty, holds no cell and starts again from the header.
     *
     * @param complete decides from a cell's records whether the cell is complete
     * @throws RunFileFormatException if the header is another run's
     */
    public static Resumed openForResume(Path file, List<String> header,
                                        java.util.function.Predicate<List<CSVRecord>> complete)
        throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String headerLine = render(List.of(header));
        if (headerLine.startsWith(text)) {
            return new Resumed(create(file, header), List.of());
        }
        if (!text.startsWith(headerLine)) {
            throw new RunFileFormatException(file + ": its columns differ from this run's; it "
                + "was written by another spec or version, so it cannot be resumed");
        }
        List<String> lines = text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
        Map<String, List<String>> cellLines = new LinkedHashMap<>();
        Map<String, List<CSVRecord>> cellRecords = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            List<CSVRecord> parsed;
            try {
                parsed = FORMAT.parse(new java.io.StringReader(line)).getRecords();
            } catch (IOException | RuntimeException torn) {
                break;
            }
            if (parsed.size() != 1 || parsed.get(0).size() != header.size()) {
                break;
            }
            String id = parsed.get(0).get(0);
            cellLines.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
            cellRecords.computeIfAbsent(id, k -> new ArrayList<>()).add(parsed.get(0));
        }
        StringBuilder kept = new StringBuilder(lines.get(0)).append('\n');
        List<String> keptIds = new ArrayList<>();
        for (Map.Entry<String, List<CSVRecord>> cell : cellRecords.entrySet()) {
            if (!complete.test(cell.getValue())) {
                break;
            }
            keptIds.add(cell.getKey());
            for (String line : cellLines.get(cell.getKey())) {
                kept.append(line).append('\n');
            }
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, kept, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
        return new Resumed(new GenerationsCsvWriter(channel, header), keptIds);
    }

    /**
     * A writer positioned after the complete cells of an earlier run.
     *
     * @param writer appends after the kept cells
     * @param completedCells ids of the cells kept, in file order
     */
    public record Resumed(GenerationsCsvWriter writer, List<String> completedCells) {
    }

    /** Appends one cell's rows (each a list of cell values in header order) and syncs. */
    public synchronized void appendCell(List<List<String>> rows) throws IOException {
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values for "
                    + header.size() + " columns");
            }
        }
        writeText(render(rows));
    }

    private void writeText(String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        long now = System.currentTimeMillis();
        if (now - lastSync >= SYNC_INTERVAL_MILLIS) {
            channel.force(false);
            lastSync = now;
        }
    }

    private static String render(List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        channel.force(false);
        channel.close();
    }
}
