package org.collapselab.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured markdown table, built row by row; cells are escaped for the format. */
final class MarkdownTable {

    /** The column titles. */
    private final List<String> header;
    /** The rows added so far, each as wide as the header. */
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    MarkdownTable(String... header) {
        this(List.of(header));
    }

    MarkdownTable row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.size()
                    + " cells in a table of " + header.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    MarkdownTable row(String... cells) {
        return row(List.of(cells));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, ending with a newline. */
    String render() {
        StringBuilder text = new StringBuilder();
        line(text, header);
        line(text, header.stream().map(title -> "---").toList());
        rows.forEach(row -> line(text, row));
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells) {
        text.append('|');
        cells.forEach(cell -> text.append(' ').append(escape(cell)).append(" |"));
        text.append('\n');
    }

    /** Keeps a cell on one line and its pipes literal. */
    static String escape(String cell) {
        return cell.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')
                .replace("|", "\\|");
    }
}
