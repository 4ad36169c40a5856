package org.collapselab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code collapse} command. Exit codes: 0 success; 1 a bug (stack trace in the log);
 * 2 a usage or spec mistake (one line on standard error); 3 a run that finished with failed cells.
 */
@Command(name = "collapse", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Model-collapse scaling experiments: retrain generative models on their own "
        + "output, measure the drift from the real data, fit the collapse law.",
    subcommands = {RunCommand.class, MergeCommand.class, ValidateCommand.class, FitCommand.class,
        PlotCommand.class, ListCommand.class, MarketCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code of a run whose cells partly failed. */
    public static final int EXIT_FAILED_CELLS = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true),
            new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((mistake, arguments) -> {
            String command = mistake.getCommandLine().getCommandSpec().qualifiedName();
            mistake.getCommandLine().getErr().println(command + ": "
                + mistake.getMessage().replace('\n', ' ') + " (see '" + command + " --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) -> {
            org.slf4j.LoggerFactory.getLogger(Main.class).error("internal error", failure);
            commandLine.getErr().println("collapse: internal error: " + failure
                + " (a bug; the stack trace is in the log)");
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        commandSpec.commandLine().usage(commandSpec.commandLine().getOut());
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            java.util.Properties p = new java.util.Properties();
            try (var in = Main.class.getResourceAsStream("/collapse-lab.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (java.io.IOException ignored) {
                // Falls through to "unknown".
            }
            return new String[] {"collapse-lab " + p.getProperty("version", "unknown")};
        }
    }
}
