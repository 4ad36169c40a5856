package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code collapse list} names what a spec can name, the filter detectors and market included. */
class ListCommandTest {

    @Test
    void listNamesEachFilterDetectorAndTheMarketBlockOnOneLineEach() {
        Cli.Result result = Cli.run("list");
        assertEquals(0, result.code(), result::err);
        List<String> lines = result.out().lines().toList();
        int detectors = lines.indexOf("filter detectors (filter.detector:)");
        assertTrue(detectors >= 0, result::out);
        assertTrue(lines.get(detectors + 1).startsWith("  watermark   simulated"), result::out);
        assertTrue(lines.get(detectors + 2).startsWith("  classifier  trained"), result::out);
        assertEquals("", lines.get(detectors + 3));
        int market = lines.indexOf("market block (market:)");
        assertTrue(market >= 0, result::out);
        assertTrue(lines.get(market + 1).startsWith("  market  makes the run PMIR"), result::out);
        assertEquals("", lines.get(market + 2));
    }
}
