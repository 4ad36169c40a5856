package org.collapselab.market;

/**
 * The affine drift {@code D(rho) = d0 + b rho}. With {@code d0 = 0} it is the minimal closed form
 * behind the collapse law: the per-generation log-quality loss {@code rho D(rho) = b rho^2}.
 * The intercept stands for the drift a finite sample gives even without contamination.
 *
 * @param intercept d0 &ge; 0
 * @param slope b &ge; 0
 */
public record LinearDrift(double intercept, double slope) implements Drift {

    public LinearDrift {
        if (!(intercept >= 0 && Double.isFinite(intercept))) {
            throw new IllegalArgumentException(
                "drift intercept d0 must be non-negative and finite, found " + intercept);
        }
        if (!(slope >= 0 && Double.isFinite(slope))) {
            throw new IllegalArgumentException(
                "drift slope b must be non-negative and finite, found " + slope);
        }
    }

    /** The drift of the collapse law, {@code D(rho) = b rho}. */
    public static LinearDrift of(double slope) {
        return new LinearDrift(0, slope);
    }

    @Override
    public double at(double rho) {
        return intercept + slope * rho;
    }
}
