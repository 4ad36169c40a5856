package org.collapselab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.collapselab.data.Policy;
import org.collapselab.data.RealData;
import org.collapselab.metric.TextReference;
import org.collapselab.model.CharLstmFamily;
import org.collapselab.model.CharLstmModel;
import org.collapselab.model.TrainingSet;
import org.collapselab.spec.LoadedSpec;
import org.collapselab.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CPU smoke variant of the char-lstm experiment, {@code experiments/text-char-lstm-smoke.yaml}
 * as shipped, end to end through {@link Runner}: every cell and generation finishes, and
 * generation 0 has learned. The untrained reference is the network the cell's first fit starts
 * from (same cell seed, same generation-0 lines, same vocabulary, no training step); with small
 * initial weights its softmax is close to uniform, about log(vocabulary) = 4 nats a character on
 * these lines, while three epochs on 60 English lines bring a character model below 3 nats (its
 * letter frequencies alone are worth more than a nat). The test asks for half a nat of gain.
 */
class RunCharLstmSmokeTest {

    private static final Path SPEC = Path.of("experiments", "text-char-lstm-smoke.yaml");

    @TempDir
    Path dir;

    @Test
    void theSmokeSpecFinishesAndGenerationZeroBeatsTheUntrainedNetwork() throws Exception {
        LoadedSpec loaded = SpecLoader.load(SPEC);
        Path out = dir.resolve("run");
        RunSummary summary = new Runner(loaded, new RunOptions(out, dir, false, 2, false)).run();
        assertTrue(summary.failed().isEmpty(), "failed cells: " + summary.failed());

        List<Cell> cells = Grid.cells(loaded.spec());
        Map<String, Integer> rowsPerCell = new HashMap<>();
        Map<String, CSVRecord> firstGeneration = new HashMap<>();
        readRows(out.resolve("generations.csv"), rowsPerCell, firstGeneration);
        TextModality modality = new TextModality(loaded);
        for (Cell cell : cells) {
            assertEquals(loaded.spec().generations() + 1, rowsPerCell.get(cell.id()),
                cell.label());
            double trained = Double.parseDouble(firstGeneration.get(cell.id()).get("nll"));
            double untrained = untrainedNll(modality, cell);
            assertTrue(trained < untrained - 0.5, cell.label() + ": generation 0 nll "
                + trained + " nats/char, untrained " + untrained);
        }
    }

    /** Per-character probe NLL of the network generation 0 starts from, built as the cell does. */
    private static double untrainedNll(TextModality modality, Cell cell) throws Exception {
        RealData<String> real = modality.open(cell).real();
        Policy.Mixer<String> mixer = Policy.byKey(cell.parameter("policy")).start(real,
            Integer.parseInt(cell.parameter("n")), Double.parseDouble(cell.parameter("rho")),
            1.0, false);
        SplittableRandom random = new SplittableRandom(cell.seed());
        TrainingSet<String> training = mixer.first(random);
        CharLstmFamily family = (CharLstmFamily) modality.family(cell);
        CharLstmModel untrained = family.untrained(training, random);
        double logProbability = 0;
        long characters = 0;
        for (String line : real.probe()) {
            logProbability += untrained.logDensity(line);
            characters += TextReference.characters(line);
        }
        return -logProbability / characters;
    }

    private static void readRows(Path csv, Map<String, Integer> rowsPerCell,
                                 Map<String, CSVRecord> firstGeneration) throws Exception {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .build();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord record : format.parse(reader)) {
                assertEquals("ok", record.get("status"), record.get("error"));
                rowsPerCell.merge(record.get("cell"), 1, Integer::sum);
                if (record.get("generation").equals("0")) {
                    firstGeneration.put(record.get("cell"), record);
                }
            }
        }
    }
}
