package org.collapselab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code collapse market}: the market layer's closed forms and loop, without retraining. */
@Command(name = "market", mixinStandardHelpOptions = true,
    description = "The synthetic-data market of docs/market.md: contamination equilibrium, "
        + "welfare, optimal subsidy and watermark, comparative statics and the PMIR loop with "
        + "the closed-form drift.",
    subcommands = {MarketEquilibriumCommand.class, MarketWelfareCommand.class,
        MarketPolicyCommand.class, MarketStaticsCommand.class, MarketPmirCommand.class})
final class MarketCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Override
    public void run() {
        commandSpec.commandLine().usage(commandSpec.commandLine().getOut());
    }
}
