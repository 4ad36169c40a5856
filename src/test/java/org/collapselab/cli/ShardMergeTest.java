package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --shard i/N} and {@code merge}: the shards of a run, merged, give the single-process
 * generations.csv byte for byte; merge refuses what does not make one whole run, with one line.
 */
class ShardMergeTest {

    @TempDir
    Path dir;

    private Path spec() throws IOException {
        return Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
    }

    private Path shard(Path spec, String name, String shard, Object... more) {
        Path out = dir.resolve(name);
        List<Object> args = new ArrayList<>(List.of("run", spec, "--out", out, "--shard", shard));
        args.addAll(List.of(more));
        Cli.Result result = Cli.run(args.toArray());
        assertEquals(0, result.code(), result::err);
        return out;
    }

    private List<Path> split(Path spec, int count) {
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shards.add(shard(spec, "s" + i + "of" + count, i + "/" + count));
        }
        return shards;
    }

    private static Cli.Result merge(List<Path> shards, Path out) {
        List<Object> args = new ArrayList<>(List.of("merge"));
        args.addAll(shards);
        args.addAll(List.of("--out", out));
        return Cli.run(args.toArray());
    }

    @Test
    void mergedShardsEqualTheSingleProcessRunByteForByte() throws IOException {
        Path spec = spec();
        Path whole = dir.resolve("whole");
        assertEquals(0, Cli.run("run", spec, "--out", whole, "--threads", 2).code());

        for (int count : new int[] {2, 5}) {
            List<Path> shards = split(spec, count);
            java.util.Collections.reverse(shards);
            Path merged = dir.resolve("merged" + count);
            Cli.Result result = merge(shards, merged);
            assertEquals(0, result.code(), result::err);
            assertArrayEquals(Cli.bytes(whole.resolve("generations.csv")),
                Cli.bytes(merged.resolve("generations.csv")), count + " shards");
            assertArrayEquals(Cli.bytes(whole.resolve("fits.csv")),
                Cli.bytes(merged.resolve("fits.csv")));
            assertArrayEquals(Cli.bytes(whole.resolve("spec.resolved.yaml")),
                Cli.bytes(merged.resolve("spec.resolved.yaml")));
            // The report names the merged folder, not the temporary one it was built in.
            assertEquals("# Run report: " + dir.getFileName() + "/merged" + count,
                Files.readAllLines(merged.resolve("report.md")).get(0));
            assertTrue(Files.isDirectory(merged.resolve("plots")));
        }
    }

    @Test
    void aShardHoldsItsRoundRobinSliceAndNoReport() throws IOException {
        Path shard = shard(spec(), "s1of5", "1/5");
        // Grid positions 1, 6 and 11 of 12 cells, four generations each, plus the header.
        assertEquals(1 + 3 * 4, Files.readAllLines(shard.resolve("generations.csv")).size());
        assertEquals("1/5", Files.readString(shard.resolve("shard")).strip());
        assertFalse(Files.exists(shard.resolve("report.md")));
        Map<?, ?> provenance = new ObjectMapper().readValue(
            shard.resolve("provenance.json").toFile(), Map.class);
        assertEquals("1/5", provenance.get("shard"));
        assertEquals(3, provenance.get("cells"));
    }

    @Test
    void aShardResumedAsAnotherShardIsRefused() throws IOException {
        Path shard = shard(spec(), "s0", "0/2");
        Cli.Result result = Cli.run("run", spec(), "--out", shard, "--resume", "--shard", "1/2");
        assertEquals(2, result.code());
        assertEquals(List.of(shard + " holds shard 0/2 of the grid; resume it with --shard 0/2"),
            result.errLines());
    }

    @Test
    void aShardThatIsNotOneIsAUsageMistake() throws IOException {
        Cli.Result result = Cli.run("run", spec(), "--out", dir.resolve("x"), "--shard", "2/2");
        assertEquals(2, result.code());
        assertEquals(1, result.errLines().size(), result.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void shardsOfDifferentSpecsAreRefused() throws IOException {
        Path other = Cli.write(dir.resolve("other.yaml"), Specs.TINY.replace("seed: 17",
            "seed: 18"));
        Path first = shard(spec(), "a", "0/2");
        Path second = shard(other, "b", "1/2");
        assertRefused(List.of(first, second), "merge: " + second + " was run with a different "
            + "spec from " + first + " (compare their spec.resolved.yaml); merge only the shards "
            + "of one spec");
    }

    @Test
    void aMissingShardIsRefused() throws IOException {
        List<Path> shards = split(spec(), 3);
        assertRefused(List.of(shards.get(0), shards.get(2)),
            "merge: missing shard 1/3; give all 3 shards of the split");
    }

    @Test
    void aShardGivenTwiceIsRefused() throws IOException {
        List<Path> shards = split(spec(), 2);
        Path copy = shard(spec(), "again", "1/2");
        assertRefused(List.of(shards.get(0), shards.get(1), copy), "merge: shard 1/2 given twice ("
            + shards.get(1) + " and " + copy + "); give each shard once");
    }

    @Test
    void overlappingShardsOfTwoSplitsAreRefused() throws IOException {
        Path half = shard(spec(), "half", "0/2");
        Path third = shard(spec(), "third", "1/3");
        assertRefused(List.of(half, third), "merge: " + third + " is shard 1/3 but " + half
            + " is shard 0/2; merge the shards of one split");
    }

    @Test
    void anUnfinishedShardIsRefused() throws IOException {
        List<Path> shards = split(spec(), 2);
        Path csv = shards.get(1).resolve("generations.csv");
        List<String> lines = Files.readAllLines(csv);
        // Drop the last cell's last generation, as a kill would.
        Files.write(csv, lines.subList(0, lines.size() - 1));
        assertRefused(shards, "merge: " + shards.get(1) + ": shard 1/2 lacks 1 of its 6 cells; "
            + "resume it with 'run SPEC.yaml --resume --out " + shards.get(1)
            + " --shard 1/2'");
    }

    @Test
    void aFolderThatHoldsFilesIsNotMergedInto() throws IOException {
        List<Path> shards = split(spec(), 2);
        Path out = dir.resolve("busy");
        Cli.write(out.resolve("notes.txt"), "mine");
        Cli.Result result = merge(shards, out);
        assertEquals(2, result.code());
        assertEquals(List.of("merge: " + out + " already holds files; merge needs a new or "
            + "empty folder, so choose another --out"), result.errLines());
        assertEquals(List.of(out.resolve("notes.txt")), list(out));
    }

    private void assertRefused(List<Path> shards, String line) throws IOException {
        Path out = dir.resolve("refused");
        Cli.Result result = merge(shards, out);
        assertEquals(2, result.code(), result::err);
        assertEquals(List.of(line), result.errLines());
        assertFalse(Files.exists(out));
        // Nothing half-built is left beside it either.
        assertTrue(list(dir).stream().noneMatch(p -> p.getFileName().toString()
            .contains("merging")), list(dir).toString());
    }

    private static List<Path> list(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }
}
