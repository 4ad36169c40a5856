package org.collapselab.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.collapselab.report.GenerationsCsvWriter;
import org.collapselab.spec.ExperimentSpec;
import org.collapselab.spec.SpecException;
import org.collapselab.spec.SpecLoader;

/**
 * Joins the run folders of a sharded run ({@code run --shard i/N}) into one run folder whose
 * generations.csv is byte for byte the one a single process would have written: the cells are
 * put back in the grid's canonical order and written by the same writer.
 *
 * <p>It refuses, with one line, shards of different specs, of different splits or backends, a
 * shard given twice, a missing shard, and a shard that has not finished all its cells. The new
 * folder is built under a temporary name beside the destination and renamed into place only when
 * complete (after the caller's {@link Finisher} has added the fits and report), so a reader never
 * sees half a merge.
 */
public final class ShardMerge {

    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT);

    private ShardMerge() {
    }

    /** What is added to the merged folder before it is renamed into place. */
    @FunctionalInterface
    public interface Finisher {
        /**
         * @param buildDir the temporary folder being filled
         * @param finalDir where it will be renamed to, the name a report should show
         */
        void finish(Path buildDir, Path finalDir) throws IOException;
    }

    /**
     * The outcome of a merge.
     *
     * @param runDir the merged run folder
     * @param shards how many shards were joined
     * @param cells how many cells the merged run holds
     * @param failedCells how many of them failed
     */
    public record Result(Path runDir, int shards, int cells, int failedCells) {
    }

    /** One shard's folder, read and checked. */
    private record ShardRun(Path dir, Shard shard, Map<String, List<CSVRecord>> cells,
                            Map<String, Object> provenance) {
    }

    /**
     * Merges {@code shardDirs} into {@code out}, which must not exist or be an empty folder.
     *
     * @throws UsageException with one line when the shards do not make one whole run
     */
    public static Result merge(List<Path> shardDirs, Path out, Finisher finisher)
        throws UsageException, IOException {
        if (shardDirs.isEmpty()) {
            throw new UsageException("merge: no shard folders given");
        }
        checkDestination(out);
        String resolvedYaml = sameSpec(shardDirs);
        ExperimentSpec spec = parse(shardDirs.get(0), resolvedYaml);
        List<Cell> grid = Grid.cells(spec);
        List<String> header = Runner.header(spec);

        List<ShardRun> shards = new ArrayList<>();
        for (Path dir : shardDirs) {
            shards.add(read(dir, spec, grid, header));
        }
        checkSplit(shards);
        checkBackends(shards);

        Path parent = out.toAbsolutePath().getParent();
        Path temp = Folders.createTemporary(parent, "." + out.getFileName() + ".merging-", out,
            "--out");
        try {
            int failed = write(temp, resolvedYaml, grid, header, shards, spec);
            finisher.finish(temp, out);
            if (Files.isDirectory(out)) {
                Files.delete(out);
            }
            Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
            return new Result(out, shards.size(), grid.size(), failed);
        } catch (IOException | RuntimeException failure) {
            deleteTree(temp);
            throw failure;
        }
    }

    private static void checkDestination(Path out) throws UsageException, IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException(out + " is a file, not a folder; choose another --out");
        }
        if (Files.isDirectory(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new UsageException(out + " already holds files; merge needs a new or "
                        + "empty folder, so choose another --out");
                }
            }
        }
    }

    /** The resolved spec all shards share; refuses shards of different specs. */
    private static String sameSpec(List<Path> dirs) throws UsageException, IOException {
        String first = null;
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new UsageException(dir + ": no such folder; give the run folders of the "
                    + "shards ('run --shard i/N --out DIR')");
            }
            Path file = dir.resolve("spec.resolved.yaml");
            if (!Files.isRegularFile(file) || !Files.isRegularFile(
                dir.resolve("generations.csv"))) {
                throw new UsageException(dir + ": holds no spec.resolved.yaml and "
                    + "generations.csv; give the run folders of the shards");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (first == null) {
                first = text;
            } else if (!text.equals(first)) {
                throw new UsageException(dir + " was run with a different spec from " + dirs.get(0)
                    + " (compare their spec.resolved.yaml); merge only the shards of one spec");
            }
        }
        return first;
    }

    private static ExperimentSpec parse(Path dir, String resolvedYaml) throws UsageException {
        try {
            return SpecLoader.parse(dir.resolve("spec.resolved.yaml"), resolvedYaml).spec();
        } catch (SpecException unreadable) {
            throw new UsageException(unreadable.getMessage());
        }
    }

    /** Reads a shard and checks that it holds exactly its cells, each finished. */
    private static ShardRun read(Path dir, ExperimentSpec spec, List<Cell> grid,
                                 List<String> header) throws UsageException, IOException {
        Shard shard = shardOf(dir);
        if (!Files.isRegularFile(dir.resolve("provenance.json"))) {
            throw new UsageException(dir + ": shard " + shard + " has not finished (no "
                + "provenance.json); resume it with 'run SPEC.yaml --resume --out " + dir
                + " --shard " + shard + "'");
        }
        Map<String, List<CSVRecord>> cells = records(dir, header);
        List<String> expected = shard.select(grid).stream().map(Cell::id).toList();
        for (String id : cells.keySet()) {
            if (!expected.contains(id)) {
                throw new UsageException(dir + ": holds cell " + id + ", which is not in shard "
                    + shard + " of this spec; was the folder written by another split?");
            }
        }
        int missing = 0;
        for (String id : expected) {
            if (!cells.containsKey(id) || !complete(cells.get(id), spec)) {
                missing++;
            }
        }
        if (missing > 0) {
            throw new UsageException(dir + ": shard " + shard + " lacks " + missing + " of its "
                + expected.size() + " cells; resume it with 'run SPEC.yaml --resume --out " + dir
                + " --shard " + shard + "'");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> provenance = JSON.readValue(dir.resolve("provenance.json").toFile(),
            Map.class);
        return new ShardRun(dir, shard, cells, provenance);
    }

    private static Shard shardOf(Path dir) throws UsageException, IOException {
        Path file = dir.resolve(Runner.SHARD_FILE);
        if (!Files.exists(file)) {
            return Shard.WHOLE;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return Shard.parse(text);
        } catch (UsageException malformed) {
            throw new UsageException(file + ": '" + text + "' is not a shard (i/N); the folder "
                + "was not written by 'run --shard'");
        }
    }

    /** A shard's rows by cell, in file order. */
    private static Map<String, List<CSVRecord>> records(Path dir, List<String> header)
        throws UsageException, IOException {
        Path csv = dir.resolve("generations.csv");
        Map<String, List<CSVRecord>> cells = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = GenerationsCsvWriter.FORMAT.parse(reader)) {
            boolean first = true;
            for (CSVRecord record : parser) {
                if (first) {
                    if (!record.toList().equals(header)) {
                        throw new UsageException(csv + ": its columns differ from those of its "
                            + "spec; it was written by another version");
                    }
                    first = false;
                    continue;
                }
                if (record.size() != header.size()) {
                    throw new UsageException(csv + ": line " + parser.getCurrentLineNumber()
                        + " has " + record.size() + " fields, not " + header.size() + "; the "
                        + "file was cut or edited");
                }
                cells.computeIfAbsent(record.get(0), id -> new ArrayList<>()).add(record);
            }
        } catch (java.io.UncheckedIOException | IllegalStateException malformed) {
            throw new UsageException(csv + ": not a readable CSV file (" + malformed.getMessage()
                + ")");
        }
        return cells;
    }

    /** A cell is complete when it has every generation or ends in a failed row. */
    private static boolean complete(List<CSVRecord> rows, ExperimentSpec spec) {
        CSVRecord last = rows.get(rows.size() - 1);
        int status = Runner.header(spec).indexOf("status");
        return "failed".equals(last.get(status)) || rows.size() == spec.generations() + 1;
    }

    /** Every shard of one split, each once. */
    private static void checkSplit(List<ShardRun> shards) throws UsageException {
        int count = shards.get(0).shard().count();
        Map<Integer, Path> seen = new TreeMap<>();
        for (ShardRun run : shards) {
            if (run.shard().count() != count) {
                throw new UsageException(run.dir() + " is shard " + run.shard() + " but "
                    + shards.get(0).dir() + " is shard " + shards.get(0).shard() + "; merge the "
                    + "shards of one split");
            }
            Path twice = seen.put(run.shard().index(), run.dir());
            if (twice != null) {
                throw new UsageException("shard " + run.shard() + " given twice (" + twice
                    + " and " + run.dir() + "); give each shard once");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!seen.containsKey(i)) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException("missing shard" + (missing.size() == 1 ? " " : "s ")
                + String.join(", ", missing) + "; give all " + count + " shards of the split");
        }
    }

    /** Numbers from ND4J's CPU and CUDA backends differ: one merged run holds one backend's. */
    private static void checkBackends(List<ShardRun> shards) throws UsageException {
        Set<String> backends = new LinkedHashSet<>();
        for (ShardRun run : shards) {
            backends.add(String.valueOf(run.provenance().get("backend")));
        }
        if (backends.size() > 1) {
            throw new UsageException("the shards ran on different backends ("
                + String.join(", ", backends) + "), whose numbers differ; rerun them with one "
                + "--device");
        }
    }

    private static int write(Path dir, String resolvedYaml, List<Cell> grid, List<String> header,
                             List<ShardRun> shards, ExperimentSpec spec) throws IOException {
        Files.writeString(dir.resolve("spec.resolved.yaml"), resolvedYaml, StandardCharsets.UTF_8);
        int status = header.indexOf("status");
        int failed = 0;
        Map<Integer, ShardRun> byIndex = new TreeMap<>();
        shards.forEach(run -> byIndex.put(run.shard().index(), run));
        int count = shards.get(0).shard().count();
        try (GenerationsCsvWriter writer = GenerationsCsvWriter.create(
            dir.resolve("generations.csv"), header)) {
            for (Cell cell : grid) {
                List<CSVRecord> rows = byIndex.get(cell.index() % count).cells().get(cell.id());
                if ("failed".equals(rows.get(rows.size() - 1).get(status))) {
                    failed++;
                }
                writer.appendCell(rows.stream().map(CSVRecord::toList).toList());
            }
        }
        writeProvenance(dir, spec, byIndex.values(), grid.size(), failed);
        writeLog(dir, byIndex.values());
        return failed;
    }

    private static void writeProvenance(Path dir, ExperimentSpec spec,
                                        java.util.Collection<ShardRun> shards, int cells,
                                        int failed) throws IOException {
        Map<String, Object> first = shards.iterator().next().provenance();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tool", first.get("tool"));
        out.put("experiment", spec.name());
        for (String key : List.of("version", "git_commit", "git_dirty", "run_seed",
            "seed_derivation", "device_requested", "backend", "dl4j_version")) {
            out.put(key, first.get(key));
        }
        out.put("cells", cells);
        out.put("cells_failed", failed);
        out.put("started", shards.stream().map(s -> String.valueOf(s.provenance()
            .get("started"))).min(Comparator.naturalOrder()).orElse(""));
        out.put("finished", shards.stream().map(s -> String.valueOf(s.provenance()
            .get("finished"))).max(Comparator.naturalOrder()).orElse(""));
        out.put("merged", Instant.now().toString());
        List<Map<String, Object>> parts = new ArrayList<>();
        for (ShardRun run : shards) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("shard", run.shard().toString());
            part.put("folder", run.dir().toAbsolutePath().normalize().toString());
            for (String key : List.of("host", "java", "device", "device_reason", "threads",
                "cells", "cells_resumed", "cells_failed", "started", "finished", "git_commit")) {
                part.put(key, run.provenance().get(key));
            }
            parts.add(part);
        }
        out.put("shards", parts);
        Files.writeString(dir.resolve("provenance.json"), JSON.writeValueAsString(out) + "\n",
            StandardCharsets.UTF_8);
    }

    /** run.log: each shard's log in turn, under a line naming the shard. */
    private static void writeLog(Path dir, java.util.Collection<ShardRun> shards)
        throws IOException {
        StringBuilder log = new StringBuilder();
        for (ShardRun run : shards) {
            log.append("== shard ").append(run.shard()).append(" (").append(run.dir()
                .toAbsolutePath().normalize()).append(") ==\n");
            Path file = run.dir().resolve("run.log");
            if (Files.isRegularFile(file)) {
                log.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        Files.writeString(dir.resolve("run.log"), log, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
