package org.collapselab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.collapselab.market.Drift;
import org.collapselab.market.LinearDrift;
import org.collapselab.market.MarketParameters;
import org.collapselab.market.Welfare;
import org.collapselab.run.Folders;
import org.collapselab.run.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every {@code collapse market} subcommand shares (the market's parameters, the
 * drift, the output folder) and the writing of its tables: printed, then CSV and one JSON file
 * with the parameters, into --out.
 */
abstract class MarketSubcommand implements Callable<Integer> {

    @Option(names = "--m", paramLabel = "M", defaultValue = "0.8",
        description = "switchable share of data units, in (0, 1] (default: ${DEFAULT-VALUE})")
    double switchableShare;

    @Option(names = "--cbar", paramLabel = "C", defaultValue = "1",
        description = "largest extra cost of authentic production (default: ${DEFAULT-VALUE})")
    double maxExtraCost;

    @Option(names = "--kappa", paramLabel = "K", defaultValue = "1",
        description = "curvature of the cost of fighting collapse, 1/2 + lambda "
            + "(default: ${DEFAULT-VALUE})")
    double kappa;

    @Option(names = "--psi", paramLabel = "P", defaultValue = "0.9",
        description = "probability that a false provenance claim is detected, in (0, 1] "
            + "(default: ${DEFAULT-VALUE})")
    double psi;

    @Option(names = "--phi", paramLabel = "F", defaultValue = "0.05",
        description = "detector false-positive rate, in [0, psi) (default: ${DEFAULT-VALUE})")
    double phi;

    @Option(names = "--tau", paramLabel = "T", defaultValue = "0.01",
        description = "fidelity cost per unit of watermark strength (default: ${DEFAULT-VALUE})")
    double fidelityCost;

    @Option(names = "--b", paramLabel = "B", defaultValue = "0.183",
        description = "drift slope b of D(rho) = d0 + b rho (default: ${DEFAULT-VALUE}, the "
            + "published structural estimate)")
    double slope;

    @Option(names = "--d0", paramLabel = "D", defaultValue = "0",
        description = "drift intercept d0 of D(rho) = d0 + b rho (default: ${DEFAULT-VALUE})")
    double intercept;

    @Option(names = "--drift-csv", paramLabel = "FILE",
        description = "a measured drift curve instead of --b and --d0: columns rho and kl_qp; "
            + "a run's generations.csv works (its last generation is read)")
    Path driftCsv;

    @Option(names = "--group", paramLabel = "KEY",
        description = "with --drift-csv on a run's generations.csv: the group whose rows make "
            + "the curve, as in fits.csv's group column (e.g. family=gaussian;policy=mix;n=100)")
    String group;

    @Option(names = "--log-q", paramLabel = "Q", defaultValue = "0",
        description = "log Q of the model serving users this generation, a state entering "
            + "W_cons (default: ${DEFAULT-VALUE})")
    double logQuality;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/market",
        description = "folder for the CSV, JSON and plot files (default: ${DEFAULT-VALUE}); "
            + "files of the same name are replaced")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    /** The subcommand's work: tables to print and write, plots into {@link #out}. */
    abstract List<MarketTable> tables(MarketParameters market, Drift drift)
        throws IOException, MarketUsageException;

    /** The subcommand's own options, for the JSON file. */
    abstract Map<String, Object> ownOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = commandSpec.commandLine().getErr();
        try {
            MarketParameters market = parameters();
            checkExclusive();
            checkOwnOptions();
            Drift drift = drift();
            prepareOut();
            List<MarketTable> tables = tables(market, drift);
            write(tables);
            return 0;
        } catch (MarketUsageException mistake) {
            err.println(commandSpec.qualifiedName() + ": " + mistake.getMessage());
            return 2;
        }
    }

    private MarketParameters parameters() throws MarketUsageException {
        try {
            return new MarketParameters(switchableShare, maxExtraCost, kappa, psi, phi,
                fidelityCost);
        } catch (IllegalArgumentException outOfRange) {
            throw new MarketUsageException(outOfRange.getMessage());
        }
    }

    /**
     * Options that would silently lose to another: a measured curve replaces --b and --d0, and
     * a subcommand may name more pairs through {@link #exclusiveWithDriftCsv}.
     */
    private void checkExclusive() throws MarketUsageException {
        if (driftCsv == null) {
            if (group != null) {
                throw new MarketUsageException("--group picks the rows of a --drift-csv file; "
                    + "give --drift-csv too, or drop --group");
            }
            return;
        }
        var parsed = commandSpec.commandLine().getParseResult();
        for (String option : exclusiveWithDriftCsv()) {
            if (parsed.hasMatchedOption(option)) {
                throw new MarketUsageException(option + " and --drift-csv both give the drift; "
                    + "give one of them");
            }
        }
    }

    /** Checks the subcommand's own options before anything is written. */
    void checkOwnOptions() throws MarketUsageException {
    }

    /** The options that --drift-csv replaces, and so may not come with it. */
    List<String> exclusiveWithDriftCsv() {
        return List.of("--b", "--d0");
    }

    private Drift drift() throws IOException, MarketUsageException {
        if (driftCsv != null) {
            return DriftFile.read(driftCsv, group);
        }
        try {
            return new LinearDrift(intercept, slope);
        } catch (IllegalArgumentException outOfRange) {
            throw new MarketUsageException(outOfRange.getMessage());
        }
    }

    private void prepareOut() throws IOException, MarketUsageException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new MarketUsageException("--out " + out + " is a file; give a folder");
        }
        try {
            Folders.create(out, "--out");
        } catch (UsageException cannot) {
            throw new MarketUsageException(cannot.getMessage());
        }
    }

    /** The names of the welfare columns that {@link #welfareValues} fills. */
    static final String[] WELFARE_COLUMNS = {"w_prod", "w_cons", "l_coll", "l_info", "welfare"};

    /** W_prod, W_cons, L_coll, L_info and W. */
    static Object[] welfareValues(Welfare welfare) {
        return new Object[] {welfare.production(), welfare.consumption(), welfare.collapseLoss(),
            welfare.informationLoss(), welfare.total()};
    }

    /** Column names followed by the welfare columns. */
    static String[] withWelfare(String... columns) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(columns),
            java.util.Arrays.stream(WELFARE_COLUMNS)).toArray(String[]::new);
    }

    /** Values followed by the welfare values. */
    static Object[] withWelfare(Welfare welfare, Object... values) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(values),
            java.util.Arrays.stream(welfareValues(welfare))).toArray();
    }

    /** Fails with one line unless a condition on an option holds. */
    static void require(boolean holds, String option, String expected, Object found)
        throws MarketUsageException {
        if (!holds) {
            throw new MarketUsageException(option + " must be " + expected + ", found " + found);
        }
    }

    private void write(List<MarketTable> tables) throws IOException {
        PrintWriter stdout = commandSpec.commandLine().getOut();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", commandSpec.qualifiedName());
        json.put("parameters", parameterMap());
        Map<String, Object> tableJson = new LinkedHashMap<>();
        for (MarketTable table : tables) {
            table.print(stdout);
            stdout.println();
            table.writeCsv(out);
            tableJson.put(table.name(), table.jsonRows());
        }
        json.put("tables", tableJson);
        Path file = out.resolve(commandSpec.name() + ".json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
        stdout.println("written: " + out);
    }

    private Map<String, Object> parameterMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("m", switchableShare);
        map.put("cbar", maxExtraCost);
        map.put("beta", switchableShare / maxExtraCost);
        map.put("kappa", kappa);
        map.put("psi", psi);
        map.put("phi", phi);
        map.put("tau", fidelityCost);
        map.put("log_q", logQuality);
        if (driftCsv == null) {
            map.put("drift", "D(rho) = " + intercept + " + " + slope + " rho");
        } else {
            map.put("drift", "isotonic curve from " + driftCsv);
        }
        map.putAll(ownOptions());
        return map;
    }
}
