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
}
