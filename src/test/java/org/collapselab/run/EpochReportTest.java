package org.collapselab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.spec.LoadedSpec;
import org.collapselab.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A neural cell reports every training epoch of every generation, in order, to its listener. */
class EpochReportTest {

    private static final String SPEC = """
        name: vae-epochs
        seed: 3
        generations: 2
        family: vae
        policy: replace
        n: 40
        data:
          source: analytic
          distribution: gaussian
          dim: 2
          probe_size: 50
        model:
          hidden: [4]
          latent: 1
          epochs: 3
          batch: 20
        metrics:
          include: [nll]
          samples: 50
        """;

    @TempDir
    Path dir;

    @Test
    void everyEpochOfEveryGenerationIsReportedOnceInOrder() throws Exception {
        Path file = dir.resolve("vae-epochs.yaml");
        Files.writeString(file, SPEC);
        LoadedSpec loaded = SpecLoader.load(file);
        Cell cell = Grid.cells(loaded.spec()).get(0);
        List<String> reports = new ArrayList<>();
        int[] generations = {0};
        CellRunner.Listener listener = new CellRunner.Listener() {
            @Override
            public void generationDone() {
                generations[0]++;
            }

            @Override
            public void epochDone(Cell reported, int generation, String family, int epoch,
                                  int epochs, double loss) {
                assertEquals(cell, reported);
                assertFalse(Double.isNaN(loss), "loss of epoch " + epoch);
                reports.add(generation + ":" + family + ":" + epoch + "/" + epochs);
            }
        };
        CellResult result = new CellRunner<>(loaded.spec(), Modality.of(loaded)).run(cell,
            listener);

        assertFalse(result.failed(), result.error());
        // Generations 0, 1 and 2, each fitted in 3 epochs.
        List<String> expected = new ArrayList<>();
        for (int generation = 0; generation <= 2; generation++) {
            for (int epoch = 1; epoch <= 3; epoch++) {
                expected.add(generation + ":vae:" + epoch + "/3");
            }
        }
        assertEquals(expected, reports);
        assertEquals(3, generations[0]);
    }
}
