package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit} and {@code plot} on one shard's folder say so in one line and still succeed. */
class ShardFolderWarningTest {

    @TempDir
    Path dir;

    @Test
    void fitAndPlotOnAShardSayItIsAShardAndHowToJoin() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        Path shard = dir.resolve("s1");
        assertEquals(0, Cli.run("run", spec, "--out", shard, "--shard", "1/2").code());
        for (String command : new String[] {"fit", "plot"}) {
            Cli.Result result = Cli.run(command, shard);
            assertEquals(0, result.code(), result::err);
            long lines = result.errLines().stream().filter(l -> l.contains("shard 1/2")).count();
            assertEquals(1, lines, result::err);
            assertTrue(result.err().contains("merge"), result::err);
        }
    }

    @Test
    void aWholeRunGetsNoShardLine() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        Path whole = dir.resolve("whole");
        assertEquals(0, Cli.run("run", spec, "--out", whole, "--no-report").code());
        assertTrue(Cli.run("fit", whole).errLines().stream().noneMatch(l -> l.contains("shard")));
    }
}
