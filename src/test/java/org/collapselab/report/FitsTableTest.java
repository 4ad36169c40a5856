package org.collapselab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitsTableTest {

    private static final String HEADER = "group,law,parameter,estimate,se_classical,se_hac,"
            + "se_cluster,ci_low,ci_high,r2,aic,n_obs,n_clusters,hac_lag,best\n";

    @TempDir
    Path dir;

    private FitsTable read(String text) throws IOException {
        return FitsTable.read(RunFixtures.write(dir, "fits.csv", text));
    }

    @Test
    void collapseLawPredictsATimesRhoSquaredDecay() throws IOException {
        FitsTable fits = read(HEADER + "g,collapse,a,0.5,,,,,,,,,,,\n"
                + "g,collapse,b,0.02,,,,,,,,,,,true\n");
        FitsTable.CollapseLine law = fits.collapse("g").orElseThrow();
        // a - b t rho^2 = 0.5 - 0.02 * 10 * 0.25 = 0.45.
        assertEquals(0.45, law.at(10, 0.5), 1e-15);
        assertTrue(fits.collapse("other").isEmpty());
        assertTrue(fits.rows("g").get(1).best());
    }

    @Test
    void exponentScaleIsReadFromLogC() throws IOException {
        FitsTable fits = read(HEADER + "g,exponent,gamma,2.0,,,,,,,,,,,\n"
                + "g,exponent,log_c,-3.0,,,,,,,,,,,\n");
        FitsTable.ExponentLine law = fits.exponent("g").orElseThrow();
        assertEquals(Math.exp(-3.0), law.c(), 1e-15);
        assertEquals(Math.exp(-3.0) * 0.25, law.at(0.5), 1e-15);
    }

    @Test
    void exponentWithoutScaleLeavesItUndefined() throws IOException {
        FitsTable fits = read(HEADER + "g,exponent,gamma,1.9,,,,,,,,,,,\n");
        assertTrue(Double.isNaN(fits.exponent("g").orElseThrow().c()));
    }

    @Test
    void perRhoRowsNameTheirRho() throws IOException {
        FitsTable fits = read(HEADER + "g,per-rho,slope@rho=0.25,-0.001,,,,,,,,,,,\n");
        assertEquals("0.25", fits.rows("g", FitsTable.PER_RHO).get(0).slopeRho());
    }

    @Test
    void missingColumnIsReported() throws IOException {
        Path file = RunFixtures.write(dir, "fits.csv", "group,law,parameter,estimate\n");
        RunFileFormatException error = assertThrows(RunFileFormatException.class,
                () -> FitsTable.read(file));
        assertEquals("fits.csv header: no column 'se_classical'", error.getMessage());
    }

    @Test
    void malformedBestIsReported() throws IOException {
        Path file = RunFixtures.write(dir, "fits.csv", HEADER + "g,linear,c,1,,,,,,,,,,,yes\n");
        RunFileFormatException error = assertThrows(RunFileFormatException.class,
                () -> FitsTable.read(file));
        assertEquals("fits.csv record 2: column best: found 'yes', expected true, false or an "
                + "empty cell", error.getMessage());
    }

    @Test
    void absentFileGivesAnEmptyTable() throws IOException {
        assertTrue(FitsTable.readIfPresent(dir.resolve("fits.csv")).isEmpty());
    }
}
