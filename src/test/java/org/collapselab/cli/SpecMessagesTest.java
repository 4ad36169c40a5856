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
 * Spec messages say what is really wrong: an alias is not supported (rather than "not a whole
 * number"), the seed's stated range is the one accepted, an empty list is empty, and a folder
 * given as the spec is a folder.
 */
class SpecMessagesTest {

    @TempDir
    Path dir;

    private static final String BODY = """
        generations: 2
        family: gaussian
        data:
          source: analytic
        """;

    private Cli.Result validate(String text) throws IOException {
        return Cli.run("validate", Cli.write(dir.resolve("spec.yaml"), text));
    }

    private static void assertOneLine(Cli.Result result, String... parts) {
        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        for (String part : parts) {
            assertTrue(result.err().contains(part), () -> part + " missing in " + result.err());
        }
    }

    @Test
    void anAliasOfASingleValueIsNamedAsAnAlias() throws IOException {
        assertOneLine(validate("seed: &g 3\nreplicates: *g\n" + BODY), "spec.yaml:2:", "*g",
            "aliases");
        assertOneLine(validate("replicates: *g\n" + BODY), "spec.yaml:1:", "aliases");
    }

    @Test
    void aSeedBeyondTheLongRangeStatesTheLongRange() throws IOException {
        // 3000000000 is above 2^31 - 1 but a valid seed, so the stated limit must be 2^63 - 1.
        assertEquals(0, validate("seed: 3000000000\n" + BODY).code());
        assertOneLine(validate("seed: 99999999999999999999999\n" + BODY), "seed",
            String.valueOf(Long.MAX_VALUE));
    }

    @Test
    void anEmptyHiddenListSaysItIsEmpty() throws IOException {
        String vae = """
            generations: 2
            family: vae
            model:
              hidden: []
            data:
              source: iris
            """;
        Cli.Result result = validate(vae);
        assertOneLine(result, "model.hidden", "the list is empty", "1 to");
        assertFalse(result.err().contains("0 is outside"), result::err);
    }

    @Test
    void aFolderGivenAsTheSpecIsNamedAsAFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("experiments"));
        assertOneLine(Cli.run("validate", folder), "is a folder", "experiment YAML");
    }
}
