package org.collapselab.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.collapselab.data.Tables;
import org.collapselab.report.GenerationsCsvWriter;
import org.collapselab.report.RunFileFormatException;
import org.collapselab.spec.ExperimentSpec;
import org.collapselab.spec.LoadedSpec;
import org.collapselab.spec.SpecLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an experiment: expands the grid, runs the cells on a pool of threads, writes
 * generations.csv cell by cell in grid order (so the file is the same whatever the thread timing),
 * and then writes the fits, plots and report.
 */
public final class Runner {

    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
    /** Run folder names: UTC start time, sortable. */
    private static final DateTimeFormatter RUN_ID =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** The file in a shard's run folder that says which shard it holds: {@code i/N}. */
    public static final String SHARD_FILE = "shard";

    private final LoadedSpec loaded;
    private final ExperimentSpec spec;
    private final RunOptions options;
    /** What the machine offers, asked when the device choice depends on it. */
    private final Device.Probe probe;
    /** Position of the status column in generations.csv. */
    private final int statusColumn;

    public Runner(LoadedSpec loaded, RunOptions options) {
        this(loaded, options, MachineProbe.ofThisMachine());
    }

    /** A runner that asks {@code probe}, not this machine, where it may compute. */
    public Runner(LoadedSpec loaded, RunOptions options, Device.Probe probe) {
        this.loaded = loaded;
        this.spec = loaded.spec();
        this.options = options;
        this.probe = probe;
        this.statusColumn = header(spec).indexOf("status");
    }

    /** The columns of generations.csv for a spec. */
    public static List<String> header(ExperimentSpec spec) {
        List<String> header = new ArrayList<>(List.of("cell", "replicate", "generation"));
        header.addAll(Grid.parameterNames(spec));
        header.addAll(List.of("status", "error", "seed", "train_size", "synthetic_share"));
        header.addAll(Modality.metricColumns(spec));
        header.addAll(MarketColumns.of(spec));
        return header;
    }

    /**
     * Reads and checks the spec's data files as a run would, without running anything (used by
     * {@code validate}).
     */
    public static void checkData(LoadedSpec loaded) throws UsageException, IOException {
        try {
            Modality.of(loaded).preload(Grid.cells(loaded.spec()));
        } catch (Tables.TableException | java.nio.file.NoSuchFileException bad) {
            throw new UsageException(bad.getMessage());
        }
    }

    /** Runs every cell not already complete; returns what happened. */
    public RunSummary run() throws UsageException, IOException {
        Instant start = Instant.now();
        Device.Choice device = startDevice();
        List<Cell> cells = options.shard().select(Grid.cells(spec));
        Modality<?> modality = Modality.of(loaded);
        try {
            modality.preload(cells);
        } catch (Tables.TableException | java.nio.file.NoSuchFileException bad) {
            throw new UsageException(bad.getMessage());
        }

        Path runDir = runDirectory(start);
        RunLock lock = RunLock.acquire(runDir);
        List<String> header = header(spec);
        Path csv = runDir.resolve("generations.csv");
        String resolvedYaml = SpecLoader.toYaml(spec);
        GenerationsCsvWriter writer;
        List<String> done;
        try {
            if (options.resume() && Files.exists(csv)) {
                checkSameSpec(runDir, resolvedYaml);
                checkSameShard(runDir);
                GenerationsCsvWriter.Resumed resumed;
                try {
                    resumed = GenerationsCsvWriter.openForResume(csv, header, this::complete);
                } catch (RunFileFormatException foreign) {
                    throw new UsageException(foreign.getMessage());
                }
                writer = resumed.writer();
                done = resumed.completedCells();
            } else {
                Files.writeString(runDir.resolve("spec.resolved.yaml"), resolvedYaml,
                    StandardCharsets.UTF_8);
                if (!options.shard().isWhole()) {
                    Files.writeString(runDir.resolve(SHARD_FILE), options.shard() + "\n",
                        StandardCharsets.US_ASCII);
                }
                writer = GenerationsCsvWriter.create(csv, header);
                done = List.of();
            }
        } catch (java.nio.file.AccessDeniedException denied) {
            lock.close();
            throw new UsageException("cannot write in " + runDir + " (permission denied); "
                + "choose another --out or --results");
        } catch (UsageException | IOException | RuntimeException failed) {
            lock.close();
            throw failed;
        }
        Thread resumeHint = resumeHint(runDir);
        try (lock; RunLog log = RunLog.open(runDir.resolve("run.log")); writer) {
            Runtime.getRuntime().addShutdownHook(resumeHint);
            LOG.info(device.logLine());
            if (!options.shard().isWhole()) {
                LOG.info("shard {}: {} of the grid's {} cells", options.shard(), cells.size(),
                    Grid.cells(spec).size());
            }
            RunOptions used = options.forCells(cells.size());
            List<String> failed = execute(cells, new HashSet<>(done), modality, writer, runDir,
                used.threads());
            Runtime.getRuntime().removeShutdownHook(resumeHint);
            RunSummary summary = new RunSummary(runDir, cells.size(), done.size(), failed,
                secondsSince(start));
            Provenance.write(runDir, spec, used, device, summary, start, Instant.now());
            LOG.info("{} cells ({} resumed, {} failed) in {} s; results in {}", cells.size(),
                done.size(), failed.size(), String.format("%.1f", summary.seconds()), runDir);
            return summary;
        }
    }

    /**
     * Chooses the backend and device (DESIGN.md section 8) and, for a run that uses ND4J, starts
     * ND4J on it, before any folder is made: a device that cannot be had is a usage mistake.
     */
    private Device.Choice startDevice() throws UsageException {
        String requested = options.device() != null ? options.device() : spec.device();
        String source = options.device() != null ? "--device" : loaded.file() + ": device";
        Device.Choice choice = Device.choose(requested, source, spec.family(), probe);
        if (!choice.usesNd4j()) {
            return choice;
        }
        String started = Nd4jBackends.start(choice, probe.cudaBackendInBuild());
        if (choice.cuda() && !started.equalsIgnoreCase("CUDA")) {
            String why = "the ND4J CUDA backend did not start (ND4J says why above)";
            if (choice.requested().equals("gpu")) {
                throw new UsageException(source + ": gpu, but " + why + "; use auto to fall back "
                    + "to the CPU");
            }
            return new Device.Choice(choice.requested(), "nd4j-cpu", "cpu", "because " + why);
        }
        return choice;
    }

    /** A resumed shard must be the same slice of the grid as the run in its folder. */
    private void checkSameShard(Path runDir) throws UsageException, IOException {
        Path file = runDir.resolve(SHARD_FILE);
        String saved = Files.exists(file) ? Files.readString(file).strip() : Shard.WHOLE
            .toString();
        if (!saved.equals(options.shard().toString())) {
            throw new UsageException(runDir + " holds shard " + saved + " of the grid; resume "
                + "it with --shard " + saved);
        }
    }

    private static double secondsSince(Instant start) {
        return java.time.Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    /** What an interrupted run (Ctrl-C, SIGTERM) says on its way out. */
    private Thread resumeHint(Path runDir) {
        return new Thread(() -> System.err.println("interrupted: the finished cells are kept in "
            + runDir + "; continue with: ./collapse run " + loaded.file() + " --resume --out "
            + runDir), "resume-hint");
    }

    private Path runDirectory(Instant start) throws UsageException {
        Path dir = chooseDirectory(start);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(dir + " is a file, not a folder; choose another --out or "
                + "--results");
        }
        if (!options.resume() && !Files.exists(dir.resolve("generations.csv")) && !isEmpty(dir)) {
            throw new UsageException(dir + " already holds other files; a run needs a new or "
                + "empty folder, so choose another --out");
        }
        Folders.create(dir, options.out() != null ? "--out" : "--results");
        return dir;
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            // What a run killed before its first row leaves behind does not count.
            return entries.map(p -> p.getFileName().toString())
                .allMatch(name -> name.equals(".lock") || name.equals("spec.resolved.yaml")
                    || name.equals("run.log") || name.equals(SHARD_FILE));
        } catch (IOException unreadable) {
            return false;
        }
    }

    private Path chooseDirectory(Instant start) throws UsageException {
        Path experimentDir = options.resultsRoot().resolve(spec.name());
        if (options.out() != null) {
            Path out = options.out();
            if (!options.resume() && Files.exists(out.resolve("generations.csv"))) {
                throw new UsageException(out + " already holds a run; add --resume to continue "
                    + "it (with the same spec), or choose another --out");
            }
            if (options.resume() && !Files.exists(out.resolve("generations.csv"))) {
                throw new UsageException(out + " holds no run to resume (no generations.csv); "
                    + "drop --resume to start one there");
            }
            return out;
        }
        if (options.resume()) {
            return newestRun(experimentDir);
        }
        Path dir = experimentDir.resolve(RUN_ID.format(start));
        for (int k = 2; Files.exists(dir); k++) {
            dir = experimentDir.resolve(RUN_ID.format(start) + "-" + k);
        }
        return dir;
    }

    private static Path newestRun(Path experimentDir) throws UsageException {
        try (var runs = Files.list(experimentDir)) {
            return runs.filter(p -> Files.exists(p.resolve("generations.csv")))
                .max(java.util.Comparator.comparing(p -> p.getFileName().toString()))
                .orElseThrow(() -> new UsageException("nothing to resume in " + experimentDir
                    + "; run without --resume first"));
        } catch (IOException none) {
            throw new UsageException("nothing to resume: " + experimentDir + " does not exist; "
                + "run without --resume first");
        }
    }

    private void checkSameSpec(Path runDir, String resolvedYaml) throws UsageException,
        IOException {
        Path saved = runDir.resolve("spec.resolved.yaml");
        if (!Files.exists(saved)) {
            throw new UsageException(runDir + " holds no spec.resolved.yaml, so nothing shows it "
                + "was run with this spec; copy the run's resolved spec there or choose another "
                + "--out");
        }
        if (!Files.readString(saved).equals(resolvedYaml)) {
            throw new UsageException(runDir + " was run with a different spec (compare its "
                + "spec.resolved.yaml); resume it with the same spec or choose another --out");
        }
    }

    /** A cell is complete when it failed (a failed row ends it) or has every generation. */
    private boolean complete(List<CSVRecord> records) {
        CSVRecord last = records.get(records.size() - 1);
        if ("failed".equals(last.get(statusColumn))) {
            return true;
        }
        return records.size() == spec.generations() + 1;
    }


    private <X> List<String> execute(List<Cell> cells, Set<String> done, Modality<X> modality,
                                     GenerationsCsvWriter writer, Path runDir, int threads)
        throws IOException {
        List<Cell> todo = cells.stream().filter(c -> !done.contains(c.id())).toList();
        if (!done.isEmpty()) {
            LOG.info("resuming {}: {} cells complete, {} to run", runDir, done.size(),
                todo.size());
        }
        CellRunner<X> runner = new CellRunner<>(spec, modality);
        OrderedSink sink = new OrderedSink(todo.size(), writer, spec, header(spec));
        Progress progress = new Progress(todo.size(), (long) todo.size()
            * (spec.generations() + 1));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            for (int i = 0; i < todo.size(); i++) {
                int position = i;
                Cell cell = todo.get(i);
                pool.execute(() -> {
                    CellResult result = runner.run(cell, progress);
                    progress.cellDone(result);
                    sink.accept(position, result);
                });
            }
            pool.shutdown();
            awaitQuietly(pool);
        } finally {
            pool.shutdownNow();
            progress.close();
        }
        sink.rethrow();
        return sink.failures();
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                LOG.debug("still running");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic
            .AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "cell-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
