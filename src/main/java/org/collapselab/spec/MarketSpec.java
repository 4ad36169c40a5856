package org.collapselab.spec;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The {@code market:} block, which makes the experiment a PMIR run (docs/market.md): every
 * generation t &ge; 1 is round k = t - 1 of the provenance-market loop, trained under
 * {@code mix} at the contamination rho_k the producers chose; the horizon T is
 * {@code generations}. Without this block a spec is an ordinary collapse experiment.
 *
 * @param m the switchable share of data units, in (0, 1] (default 0.8)
 * @param cbar the largest extra cost of authentic production, &gt; 0 (default 1)
 * @param kappa the curvature of the cost of fighting collapse, &gt; 0 (default 1)
 * @param psi the chance that a false provenance claim is caught, and the flag rate of a synthetic
 *     sample, in (0, 1] (default 0.9); absent when the spec has a {@code filter:} block, whose
 *     detector then supplies psi and phi round by round
 * @param phi the flag rate of a real sample, in [0, psi) (default 0.05); absent with a filter
 * @param tau the loss of model value per unit of watermark strength, &ge; 0 (default 0.01)
 * @param eta the damping of the subsidy update, in (0, 2) (default 0.5)
 * @param epsilon the tolerance of an epsilon-SDCE on {@code |s_{k+1} - s_k|}, &gt; 0
 *     (default 0.001)
 * @param regulated the arms: true sets subsidy and watermark, false is the laissez-faire
 *     baseline (s = w = 0); a grid axis whose arms share every seed (default [true, false])
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"m", "cbar", "kappa", "psi", "phi", "tau", "eta", "epsilon", "regulated"})
public record MarketSpec(
    Double m,
    Double cbar,
    Double kappa,
    Double psi,
    Double phi,
    Double tau,
    Double eta,
    Double epsilon,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Boolean> regulated) {

    /** What the block does, in one line, for {@code collapse list}. */
    public static Map<String, String> catalogue() {
        return Map.of("market", "makes the run PMIR (docs/market.md): each generation is a "
            + "round at the producers' rho, the regulated arm sets subsidy and watermark from the "
            + "measured kl_qp, beside laissez-faire with the same seeds (m, cbar, kappa, psi, phi, "
            + "tau, eta, epsilon, regulated)");
    }

    /**
     * This block with every default filled in.
     *
     * @param filtered whether the spec has a {@code filter:} block: its detector then flags the
     *     units and gives the rates, so psi and phi keep no default here
     */
    MarketSpec resolved(boolean filtered) {
        return new MarketSpec(or(m, 0.8), or(cbar, 1.0), or(kappa, 1.0),
            filtered ? psi : or(psi, 0.9), filtered ? phi : or(phi, 0.05), or(tau, 0.01),
            or(eta, 0.5), or(epsilon, 1e-3), regulated == null ? List.of(true, false) : regulated);
    }

    /** Whether the round's detector is the {@code filter:} block's (psi and phi absent here). */
    public boolean detectorFromFilter() {
        return psi == null;
    }

    private static Double or(Double value, double fallback) {
        return value != null ? value : Double.valueOf(fallback);
    }
}
