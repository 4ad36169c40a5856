package org.collapselab.market;

import java.util.List;
import java.util.OptionalInt;

/**
 * The rounds of a PMIR loop.
 *
 * @param rounds every round run, in order
 * @param roundsToEquilibrium the number of rounds (retrainings) after which
 *     {@code |s_{k+1} - s_k| < epsilon} first held, or empty when it never did
 * @param finalSubsidy the subsidy after the last round, s_{K}
 */
public record PmirResult(List<PmirRound> rounds, OptionalInt roundsToEquilibrium,
                         double finalSubsidy) {

    public PmirResult {
        rounds = List.copyOf(rounds);
    }

    /** Whether an epsilon-SDCE was reached within the horizon. */
    public boolean converged() {
        return roundsToEquilibrium.isPresent();
    }
}
