package org.collapselab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.collapselab.run.Device;
import org.collapselab.run.Grid;
import org.collapselab.run.Runner;
import org.collapselab.run.UsageException;
import org.collapselab.spec.LoadedSpec;
import org.collapselab.spec.SpecException;
import org.collapselab.spec.SpecLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code collapse validate SPEC}: check a spec and print it resolved, without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check an experiment spec and print it with every default filled in.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC.yaml", description = "the experiment spec")
    private Path spec;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws java.io.IOException {
        try {
            LoadedSpec loaded = SpecLoader.load(spec);
            Runner.checkData(loaded);
            if (!Device.usesNd4j(loaded.spec().family())) {
                // The spec alone decides this refusal, so validate gives it as run does; whether
                // a GPU is usable depends on the machine that runs, and is left to run.
                Device.choose(loaded.spec().device(), loaded.file() + ": device",
                    loaded.spec().family(), null);
            }
            var out = commandSpec.commandLine().getOut();
            out.print(SpecLoader.toYaml(loaded.spec()));
            int cells = Grid.cells(loaded.spec()).size();
            out.printf("# valid: %d cells, %d generations each%n", cells,
                loaded.spec().generations() + 1);
            return 0;
        } catch (SpecException | UsageException mistake) {
            commandSpec.commandLine().getErr().println(mistake.getMessage());
            return 2;
        }
    }
}
