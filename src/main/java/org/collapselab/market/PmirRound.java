package org.collapselab.market;

import java.util.SortedMap;

/**
 * One round of the PMIR loop: the state the generator was retrained in, what was measured and
 * the welfare of the round.
 *
 * @param round k, from 0
 * @param rho the contamination share the generator was retrained at
 * @param rhoEstimate rho estimated from the detector's flags (NaN without flags, and when the
 *     round's detector does not separate: psi &le; phi)
 * @param rhoStandardError the square root of the Cramer-Rao bound at the estimate (NaN without
 *     flags)
 * @param drift the measured Delta_k = KL(q || p)
 * @param subsidy s_k
 * @param watermark w_k = (1 - psi) s_k / psi with the round's psi (NaN in a regulated round whose
 *     detector does not separate)
 * @param psi the detection rate the round's estimate and watermark used: the market's, or the
 *     one the retraining measured
 * @param phi the false-positive rate, likewise
 * @param welfare the welfare terms of the round, with log Q the loop's running quality
 * @param step {@code |s_{k+1} - s_k|}, the change the round's measurement made to the subsidy
 * @param measures the retraining's other measures
 */
public record PmirRound(int round, double rho, double rhoEstimate, double rhoStandardError,
                        double drift, double subsidy, double watermark, double psi,
                        double phi, Welfare welfare,
                        double step, SortedMap<String, Double> measures) {

    /**
     * Whether the round's detector separates synthetic from real units (psi &gt; phi), which the
     * estimator {@code (f - phi) / (psi - phi)} and the watermark need.
     */
    public boolean detectorSeparates() {
        return psi > phi;
    }
}
