package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column of a csv source chosen twice in {@code data.columns}, once by name and once by index,
 * is refused before any cell runs: it would train on two copies of one column.
 */
class DataColumnChosenTwiceTest {

    @TempDir
    Path dir;

    @Test
    void nameAndIndexOfOneColumnAreOneLineNamingSpecFieldAndBothSpellings() throws IOException {
        StringBuilder table = new StringBuilder("a,b\n");
        for (int i = 0; i < 20; i++) {
            table.append(i).append(',').append(i * i % 7).append('\n');
        }
        Cli.write(dir.resolve("table.csv"), table.toString());
        Path spec = Cli.write(dir.resolve("spec.yaml"), """
            generations: 2
            family: gaussian
            data:
              source: csv
              path: table.csv
              columns: [a, 0]
            """);
        Path out = dir.resolve("out");

        Cli.Result result = Cli.run("run", spec, "--out", out);

        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        String message = result.err().strip();
        assertTrue(message.startsWith(spec + ": data.columns: "), message);
        assertTrue(message.contains("'a'") && message.contains("'0'"), message);
        assertTrue(message.contains("list each column once"), message);
        assertFalse(message.contains("Exception"), message);
        assertFalse(Files.exists(out.resolve("generations.csv")), "a cell ran");
    }

    @Test
    void twoDifferentColumnsByNameAndIndexAreAccepted() throws IOException {
        StringBuilder table = new StringBuilder("a,b\n");
        for (int i = 0; i < 20; i++) {
            table.append(i).append(',').append(i * i % 7).append('\n');
        }
        Cli.write(dir.resolve("table.csv"), table.toString());
        Path spec = Cli.write(dir.resolve("spec.yaml"), """
            generations: 2
            family: gaussian
            data:
              source: csv
              path: table.csv
              columns: [a, 1]
            """);

        assertEquals(0, Cli.run("validate", spec).code());
    }
}
