package org.collapselab.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.collapselab.spec.ExperimentSpec;

/**
 * provenance.json: what produced a run folder (versions, git commit, backend and device, seeds,
 * times, host), so that a result can be traced and reproduced.
 */
public final class Provenance {

    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT);

    private Provenance() {
    }

    static void write(Path runDir, ExperimentSpec spec, RunOptions options, Device.Choice device,
                      RunSummary summary, Instant start, Instant end) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        Properties build = buildProperties();
        out.put("tool", "collapse-lab");
        out.put("version", build.getProperty("version", "unknown"));
        out.put("git_commit", git("rev-parse", "HEAD"));
        out.put("git_dirty", !git("status", "--porcelain", "--untracked-files=no").isEmpty());
        out.put("java", System.getProperty("java.vendor") + " " + System.getProperty(
            "java.version"));
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        out.put("host", host());
        out.put("experiment", spec.name());
        out.put("run_seed", spec.seed());
        out.put("seed_derivation", "cell seed = SplitMix64 of the run seed, the cell's parameter "
            + "key and replicate (column 'seed' of generations.csv)");
        out.put("device_requested", device.requested());
        out.put("backend", device.backend());
        out.put("device", device.device());
        out.put("device_reason", device.reason());
        out.put("dl4j_version", build.getProperty("dl4j.version", "unknown"));
        out.put("threads", options.threads());
        out.put("shard", options.shard().toString());
        out.put("cells", summary.cells());
        out.put("cells_resumed", summary.skipped());
        out.put("cells_failed", summary.failed().size());
        out.put("started", start.toString());
        out.put("finished", end.toString());
        Files.writeString(runDir.resolve("provenance.json"),
            JSON.writeValueAsString(out) + "\n", StandardCharsets.UTF_8);
    }

    static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/collapse-lab.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException unreadable) {
            // Versions then read "unknown".
        }
        return p;
    }

    private static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "unknown";
            }
            return new String(output, StandardCharsets.UTF_8).strip();
        } catch (IOException | InterruptedException noGit) {
            return "unknown";
        }
    }

    private static String host() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException none) {
            return "unknown";
        }
    }
}
