package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network options of the neural families in a spec: defaults filled in for vae, refused for
 * the families that do not read them, and out-of-range values stopped with one line naming the
 * file, the line and the field (exit code 2).
 */
class NeuralSpecTest {

    @TempDir
    Path dir;

    static Stream<Arguments> mistakes() {
        return Stream.of(
            Arguments.of("latent without a neural family", """
                generations: 2
                family: gaussian
                data:
                  source: iris
                model:
                  latent: 3
                """, 6, "model.latent"),
            Arguments.of("a hidden width of 0", """
                generations: 2
                family: vae
                data:
                  source: iris
                model:
                  hidden: [16, 0]
                """, 6, "model.hidden"),
            Arguments.of("a negative learning rate", """
                generations: 2
                family: vae
                data:
                  source: iris
                model:
                  learning_rate: -0.1
                """, 6, "model.learning_rate"),
            Arguments.of("zero epochs", """
                generations: 2
                family: vae
                data:
                  source: iris
                model:
                  epochs: 0
                """, 6, "model.epochs"),
            Arguments.of("tbptt on a vae", """
                generations: 2
                family: vae
                data:
                  source: iris
                model:
                  tbptt: 20
                """, 6, "model.tbptt"),
            Arguments.of("latent on a char-lstm", """
                generations: 2
                family: char-lstm
                data:
                  source: text
                  corpus: europarl
                model:
                  latent: 2
                """, 7, "model.latent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aNeuralOptionMistakeIsOneLineWithFileLineAndField(String name, String yaml, int line,
                                                           String field) throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), yaml);
        Cli.Result result = Cli.run("validate", spec);
        assertEquals(2, result.code(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        String message = result.err().strip();
        assertTrue(message.startsWith(spec + ":" + line + ": " + field + ": "), message);
    }

    @Test
    void charLstmIsATextFamilyWithItsOwnDefaults() throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), """
            generations: 2
            family: char-lstm
            data:
              source: text
              corpus: europarl
            """);
        Cli.Result result = Cli.run("validate", spec);
        assertEquals(0, result.code(), result.err());
        String resolved = result.out();
        assertTrue(resolved.contains("hidden:\n  - 128\n"), resolved);
        assertTrue(resolved.contains("epochs: 5\n"), resolved);
        assertTrue(resolved.contains("tbptt: 50\n"), resolved);
        assertTrue(resolved.contains("temperature: 1.0\n"), resolved);
        assertTrue(!resolved.contains("latent:"), resolved);
    }

    @Test
    void vaeDefaultsAreFilledInAndAScalarHiddenIsOneLayer() throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), """
            generations: 2
            family: vae
            data:
              source: iris
            model:
              hidden: 8
            """);
        Cli.Result result = Cli.run("validate", spec);
        assertEquals(0, result.code(), result.err());
        String resolved = result.out();
        assertTrue(resolved.contains("hidden:\n  - 8\n"), resolved);
        assertTrue(resolved.contains("latent: 2\n"), resolved);
        assertTrue(resolved.contains("epochs: 100\n"), resolved);
        assertTrue(resolved.contains("batch: 32\n"), resolved);
        assertTrue(resolved.contains("learning_rate: 0.005\n"), resolved);
    }
}
