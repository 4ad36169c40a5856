package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code collapse market} subcommands: files, values and one-line mistakes. */
class MarketCommandTest {

    @TempDir
    Path folder;

    private static double cell(Path csv, int row, String column) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        return Double.parseDouble(lines.get(row).split(",")[header.indexOf(column)]);
    }

    @Test
    void equilibriumWritesTheClosedFormSdce() throws IOException {
        Cli.Result result = Cli.run("market", "equilibrium", "--m", "0.78", "--cbar", "0.5",
            "--kappa", "1.5", "--b", "0.4", "--out", folder);
        assertEquals(0, result.code(), result.err());
        // rho* = 2 kappa m / (2 kappa + beta b) = 2.34 / (3 + 1.56 * 0.4).
        Path csv = folder.resolve("equilibrium.csv");
        assertEquals(2.34 / (3 + 1.56 * 0.4), cell(csv, 1, "rho"), 1e-12);
        assertEquals(0.78, cell(csv, 2, "rho"), 0);
        assertTrue(Files.exists(folder.resolve("equilibrium.json")));
    }

    @Test
    void policyWritesSubsidyAndWatermark() throws IOException {
        Cli.Result result = Cli.run("market", "policy", "--kappa", "2", "--psi", "0.25",
            "--drift", "0.3,0.6", "--out", folder);
        assertEquals(0, result.code(), result.err());
        // s* = 0.3 / 4 = 0.075; w* = 0.75 * 0.075 / 0.25 = 0.225.
        Path csv = folder.resolve("policy.csv");
        assertEquals(0.075, cell(csv, 1, "subsidy"), 1e-15);
        assertEquals(0.225, cell(csv, 1, "watermark"), 1e-15);
        assertEquals(0.45, cell(csv, 2, "watermark"), 1e-15);
    }

    @Test
    void staticsAndPmirDrawTheirPlots() {
        assertEquals(0, Cli.run("market", "statics", "--kappas", "0.5,1", "--psis", "0.5,1",
            "--out", folder).code());
        assertEquals(0, Cli.run("market", "pmir", "--horizon", "50", "--epsilons", "1e-3,1e-6",
            "--out", folder).code());
        for (String stem : List.of("statics-kappa", "statics-psi", "pmir-rounds",
                "pmir-trajectory")) {
            assertTrue(Files.exists(folder.resolve(stem + ".png")), stem);
            assertTrue(Files.exists(folder.resolve(stem + ".svg")), stem);
        }
        assertTrue(Files.exists(folder.resolve("statics.csv")));
        assertTrue(Files.exists(folder.resolve("pmir-trajectory.csv")));
    }

    @Test
    void pmirReportsARoundCountPerEpsilon() throws IOException {
        // m = 0.8, cbar = 0.5, kappa = 1, b = 2.5: a = 2; eta = 0.2 gives r = 0.4 and steps
        // s* 0.6 r^k with s* = 2.5 (0.8 / 3) / 2 = 1/3; below 1e-3 first at k = 6 (0.2 * 0.4^6
        // = 8.2e-4), so 7 rounds.
        Cli.Result result = Cli.run("market", "pmir", "--cbar", "0.5", "--b", "2.5", "--eta",
            "0.2", "--epsilons", "1e-3", "--inspected", "0", "--out", folder);
        assertEquals(0, result.code(), result.err());
        assertEquals(7, cell(folder.resolve("pmir-rounds.csv"), 1, "rounds"), 0);
    }

    @Test
    void badValuesExitTwoWithOneLine() {
        for (String[] mistake : List.of(new String[] {"equilibrium", "--psi", "1.5"},
                new String[] {"welfare", "--subsidy", "-1"},
                new String[] {"pmir", "--eta", "2.5"},
                new String[] {"statics", "--kappas", "0,1"},
                new String[] {"statics", "--kappa", "5"},
                new String[] {"statics", "--psi", "0.5"},
                new String[] {"policy", "--phi", "0.95"},
                new String[] {"equilibrium", "--kappa", "many"})) {
            Object[] args = new Object[mistake.length + 3];
            args[0] = "market";
            System.arraycopy(mistake, 0, args, 1, mistake.length);
            args[mistake.length + 1] = "--out";
            args[mistake.length + 2] = folder;
            Cli.Result result = Cli.run(args);
            assertEquals(2, result.code(), String.join(" ", mistake));
            assertEquals(1, result.errLines().size(), result.err());
        }
    }

    @Test
    void aMeasuredDriftCurveIsReadFromTheLastGeneration() throws IOException {
        Path csv = Cli.write(folder.resolve("generations.csv"),
            "generation,status,rho,kl_qp\n"
                + "0,ok,0,9\n0,ok,1,9\n"
                + "1,ok,0,0\n1,ok,1,2\n1,failed,0.5,\n");
        // D(rho) = 2 rho; m = 0.8, beta = 0.8, kappa = 1: rho* = 1.6 / (2 + 1.6) = 4/9.
        Cli.Result result = Cli.run("market", "equilibrium", "--drift-csv", csv, "--out", folder);
        assertEquals(0, result.code(), result.err());
        assertEquals(4.0 / 9, cell(folder.resolve("equilibrium.csv"), 1, "rho"), 1e-12);

        Cli.Result missing = Cli.run("market", "equilibrium", "--drift-csv",
            folder.resolve("none.csv"), "--out", folder);
        assertEquals(2, missing.code());
        assertEquals(1, missing.errLines().size());
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : List.of("equilibrium", "welfare", "policy", "statics", "pmir")) {
            Cli.Result result = Cli.run("market", command, "--help");
            assertEquals(0, result.code(), command);
            assertTrue(result.out().contains("--out"), command);
        }
    }
}
