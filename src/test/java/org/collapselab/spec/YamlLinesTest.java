package org.collapselab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class YamlLinesTest {

    private static final String SPEC = """
        # an experiment
        generations: 3
        family: gaussian
        rho:
          - 0
          - 0.5
        data:
          source: analytic
          dim: [1,
            2]
        """;

    @Test
    void aFieldPointsAtItsKeyAndABlockAtItsFirstLine() {
        YamlLines lines = YamlLines.index(SPEC);
        assertEquals(2, lines.line("/generations"));
        assertEquals(4, lines.line("/rho"));
        assertEquals(7, lines.line("/data"));
        assertEquals(8, lines.line("/data/source"));
    }

    @Test
    void listEntriesPointAtTheirOwnLine() {
        YamlLines lines = YamlLines.index(SPEC);
        assertEquals(6, lines.line("/rho/1"));
        assertEquals(10, lines.line("/data/dim/1"));
    }

    @Test
    void aMissingFieldFallsBackToItsBlockAndTheDocumentToItsFirstKey() {
        YamlLines lines = YamlLines.index(SPEC);
        assertEquals(7, lines.line("/data/path"));
        assertEquals(2, lines.line("/seed"));
        assertEquals(2, lines.line(""));
    }

    @Test
    void aKeyGivenTwiceInOneBlockIsFoundWithBothLines() {
        YamlLines lines = YamlLines.index("""
            generations: 3
            data:
              source: analytic
              dim: 2
              source: csv
            """);
        assertEquals("/data/source", lines.duplicate());
        assertEquals(5, lines.duplicateLine());
        assertEquals(3, lines.line(lines.duplicate()));
    }

    @Test
    void theSameKeyInTwoBlocksIsNoDuplicate() {
        YamlLines lines = YamlLines.index("""
            model:
              components: 2
            data:
              components: 3
            """);
        assertNull(lines.duplicate());
    }

    @Test
    void aSecondDocumentIsFoundAtItsFirstValue() {
        YamlLines lines = YamlLines.index("generations: 3\n---\ngenerations: 4\n");
        assertEquals(3, lines.secondDocument());
        assertEquals(0, YamlLines.index(SPEC).secondDocument());
    }

    @Test
    void commentsAloneAreEmptyAndASyntaxErrorIsNot() {
        assertTrue(YamlLines.index("# nothing yet\n\n").empty());
        assertFalse(YamlLines.index("family: [gaussian\n").empty());
        assertFalse(YamlLines.index(SPEC).empty());
    }
}
