/**
 * The market layer: synthetic data as a market failure (docs/market.md).
 *
 * <p>{@link org.collapselab.market.MarketParameters} holds the producers' side (switchable
 * share m, cost bound cbar, beta = m / cbar), the regulator's curvature kappa = 1/2 + lambda,
 * the detector (psi, phi) and the watermark's fidelity cost. A {@link
 * org.collapselab.market.Drift} gives the generator's drift {@code Delta = D(rho)}: {@link
 * org.collapselab.market.LinearDrift} in closed form, {@link org.collapselab.market.DriftCurve}
 * from measured points. {@link org.collapselab.market.Welfare} decomposes
 * {@code W = W_prod + W_cons - L_coll - L_info}; {@link org.collapselab.market.OptimalPolicy}
 * gives {@code s* = KL(q || p) / (2 kappa)} and {@code w* = (1 - psi) s* / psi}; {@link
 * org.collapselab.market.Equilibrium} solves for the contamination equilibrium (SDCE); {@link
 * org.collapselab.market.ProvenanceEstimator} estimates rho from detector flags at the
 * Cramer-Rao bound; {@link org.collapselab.market.Pmir} runs the regulator's loop against any
 * {@link org.collapselab.market.Retraining}, of which {@link
 * org.collapselab.market.ClosedFormRetraining} is the model-free one.
 */
package org.collapselab.market;
