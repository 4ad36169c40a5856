package org.collapselab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCorpusTest {

    /** The start of the text field of the first line of the 9.12.1 resource, read once. */
    private static final String EUROPARL_FIRST =
        "Istituzioni europee proteggerlo in tutti i campi.";

    @Test
    void europarlHoldsEveryLineOfTheResourceAsItsTextField() {
        List<String> lines = TextCorpus.europarl(TextCorpus.Options.all());
        assertEquals(17_597, lines.size());
        assertTrue(lines.get(0).startsWith(EUROPARL_FIRST), lines.get(0));
        assertTrue(lines.stream().noneMatch(line -> line.contains("\t")));
    }

    @Test
    void europarlStopsAtMaxLinesAndLowerCases() {
        List<String> lines = TextCorpus.europarl(new TextCorpus.Options(2, true));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("istituzioni europee"), lines.get(0));
    }

    @Test
    void aFileLosesBlankLinesAndSurroundingSpace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lines.txt");
        Files.writeString(file, "  Hello There \n\n   \n\tWorld\n\n", StandardCharsets.UTF_8);
        assertEquals(List.of("Hello There", "World"),
            TextCorpus.readFile(file, TextCorpus.Options.all()));
        assertEquals(List.of("hello there"),
            TextCorpus.readFile(file, new TextCorpus.Options(1, true)));
    }

    @Test
    void theSplitIsADisjointCoverReproducibleFromTheSeed() {
        List<String> lines = IntStream.range(0, 50).mapToObj(i -> "line " + i).toList();
        TextCorpus.Split split = TextCorpus.split(lines, 0.2, new SplittableRandom(4));
        // round(0.2 * 50) = 10 probe lines.
        assertEquals(10, split.probe().size());
        assertEquals(40, split.pool().size());
        Set<String> all = new HashSet<>(split.probe());
        all.addAll(split.pool());
        assertEquals(Set.copyOf(lines), all);
        assertEquals(split, TextCorpus.split(lines, 0.2, new SplittableRandom(4)));
    }
}
