package org.collapselab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderTest {

    @TempDir
    Path dir;

    @Test
    void rebuildWritesPlotsIndexAndReportFromTheFilesAlone() throws IOException {
        RunFixtures.write(dir, "generations.csv", RunFixtures.synthetic(3, 6));
        RunFixtures.write(dir, "fits.csv", PlotsTest.FITS);
        List<Path> files = ReportBuilder.rebuild(dir);
        // Six kinds for the one group, each as PNG and SVG, then the index and the report.
        assertEquals(2 * PlotKind.values().length + 2, files.size());
        assertEquals(dir.resolve("plots/index.csv"), files.get(files.size() - 2));
        assertEquals(dir.resolve("report.md"), files.get(files.size() - 1));
        files.forEach(file -> assertTrue(Files.isRegularFile(file), file.toString()));
        assertTrue(Files.readString(dir.resolve("report.md"))
                .contains("| collapse | b | 0.01990 |"));
    }

    @Test
    void missingGenerationsCsvIsOneLineError() {
        RunFileFormatException error = assertThrows(RunFileFormatException.class,
                () -> ReportBuilder.rebuild(dir));
        assertEquals("no generations.csv in " + dir + ": nothing to plot or report",
                error.getMessage());
    }
}
