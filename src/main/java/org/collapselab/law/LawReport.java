package org.collapselab.law;

import java.util.List;

/**
 * Everything fitted to one group: the collapse law with its errors and bootstrap interval, the
 * per-rho slopes, the exponent of their rho-dependence, and the table of laws compared by AIC.
 *
 * @param group    the group's key
 * @param collapse the collapse law a - b t rho^2
 * @param perRho   one slope per distinct rho, ascending
 * @param exponent gamma of slope_rho = -c rho^gamma (2 under the collapse law)
 * @param laws     collapse, linear, logarithmic, power, saturating, in that order
 * @param best     the law with the lowest AIC
 */
public record LawReport(String group, CollapseFit collapse, List<RhoSlope> perRho,
                        ExponentFit exponent, List<LawFit> laws, String best) {

    public LawReport {
        perRho = List.copyOf(perRho);
        laws = List.copyOf(laws);
    }

    /** The entry of {@link #laws} named {@code law}. */
    public LawFit law(String law) {
        return laws.stream().filter(fit -> fit.law().equals(law)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no law named " + law));
    }
}
