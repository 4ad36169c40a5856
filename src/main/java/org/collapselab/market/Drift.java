package org.collapselab.market;

/**
 * The drift of a generator as a function of the contamination it was trained on:
 * {@code Delta = D(rho) = KL(q || p)}, non-decreasing in rho, in nats. Non-decreasing is what
 * makes the contamination equilibrium unique (see {@link Equilibrium}).
 */
public sealed interface Drift permits LinearDrift, DriftCurve {

    /** D(rho) for rho in [0, 1]. */
    double at(double rho);
}
