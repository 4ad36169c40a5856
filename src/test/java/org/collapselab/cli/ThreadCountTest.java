package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run starts at most one worker thread per cell and records the number it used. */
class ThreadCountTest {

    @TempDir
    Path dir;

    private int recordedThreads(Object threads) throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        Path out = dir.resolve("run-" + threads);
        Cli.Result result = Cli.run("run", spec, "--out", out, "--threads", threads,
            "--no-report");
        assertEquals(0, result.code(), result::err);
        Map<?, ?> provenance = new ObjectMapper().readValue(
            out.resolve("provenance.json").toFile(), Map.class);
        return ((Number) provenance.get("threads")).intValue();
    }

    @Test
    void moreThreadsThanCellsRecordsOneThreadPerCell() throws IOException {
        assertEquals(Specs.TINY_CELLS, recordedThreads(100_000));
    }

    @Test
    void fewerThreadsThanCellsAreUsedAsGiven() throws IOException {
        assertEquals(3, recordedThreads(3));
    }
}
