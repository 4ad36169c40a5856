package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generations.csv given as {@code --drift-csv} must hold one drift curve: rows of several
 * groups, or a PMIR run's rows (whose rho is the regulator's m), are refused, not averaged.
 */
class DriftFileGroupsTest {

    /** The columns of a run's generations.csv that the drift file reads, with one parameter. */
    private static final String HEADER = "cell,replicate,generation,family,rho,status,error,seed,"
        + "kl_qp\n";

    @TempDir
    Path dir;

    private Cli.Result policy(String csvText) throws IOException {
        Path csv = Cli.write(dir.resolve("drift.csv"), csvText);
        return Cli.run("market", "policy", "--drift-csv", csv, "--out", dir.resolve("out"));
    }

    private void assertRefused(Cli.Result result, String... parts) {
        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        assertTrue(result.err().contains(dir.resolve("drift.csv").toString()), result::err);
        for (String part : parts) {
            assertTrue(result.err().contains(part), () -> part + " missing in " + result.err());
        }
        assertFalse(Files.exists(dir.resolve("out")), "no output folder");
    }

    @Test
    void rowsOfTwoFamiliesAreRefusedNamingBothGroups() throws IOException {
        assertRefused(policy(HEADER
                + "c1,0,1,gaussian,0,ok,,1,0.1\n"
                + "c2,0,1,gaussian,1,ok,,2,0.5\n"
                + "c3,0,1,gmm,0,ok,,3,0.2\n"
                + "c4,0,1,gmm,1,ok,,4,0.9\n"),
            "2 groups", "family=gaussian", "family=gmm", "one group");
    }

    @Test
    void rowsOfOneGroupAreOneCurve() throws IOException {
        assertEquals(0, policy(HEADER
            + "c1,0,1,gaussian,0,ok,,1,0.1\n"
            + "c2,0,1,gaussian,1,ok,,2,0.5\n").code());
    }

    @Test
    void aPmirRunIsRefusedBecauseItsRhoIsM() throws IOException {
        assertRefused(policy("cell,replicate,generation,regulated,rho,status,error,seed,kl_qp\n"
                + "c1,0,1,true,0.2,ok,,1,0.1\n"
                + "c2,0,1,false,0.2,ok,,2,0.5\n"),
            "regulated", "rho", "m");
    }

    private static final String TWO_FAMILIES = HEADER
        + "c1,0,1,gaussian,0,ok,,1,0.1\n"
        + "c2,0,1,gaussian,1,ok,,2,0.5\n"
        + "c3,0,1,gmm,0,ok,,3,0.2\n"
        + "c4,0,1,gmm,1,ok,,4,0.9\n";

    @Test
    void groupPicksOneCurveExactlyAsAFileOfItsRowsAlone() throws IOException {
        Path both = Cli.write(dir.resolve("both.csv"), TWO_FAMILIES);
        Path gmmOnly = Cli.write(dir.resolve("gmm.csv"), HEADER
            + "c3,0,1,gmm,0,ok,,3,0.2\n"
            + "c4,0,1,gmm,1,ok,,4,0.9\n");
        Cli.Result picked = Cli.run("market", "policy", "--drift-csv", both, "--group",
            "family=gmm", "--out", dir.resolve("picked"));
        Cli.Result alone = Cli.run("market", "policy", "--drift-csv", gmmOnly, "--out",
            dir.resolve("alone"));
        assertEquals(0, picked.code(), picked::err);
        assertEquals(alone.out().replace(dir.resolve("alone").toString(), "OUT"),
            picked.out().replace(dir.resolve("picked").toString(), "OUT"));
    }

    @Test
    void anUnknownGroupIsRefusedNamingTheGroupsThereAre() throws IOException {
        Path both = Cli.write(dir.resolve("drift.csv"), TWO_FAMILIES);
        assertRefused(Cli.run("market", "policy", "--drift-csv", both, "--group", "family=kde",
            "--out", dir.resolve("out")), "family=kde", "family=gaussian | family=gmm");
    }

    @Test
    void groupWithoutADriftFileIsRefused() {
        Cli.Result result = Cli.run("market", "policy", "--group", "family=gmm", "--out",
            dir.resolve("out"));
        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        assertTrue(result.err().contains("--group"), result::err);
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
