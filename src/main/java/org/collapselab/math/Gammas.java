package org.collapselab.math;

import java.util.random.RandomGenerator;

/** Gamma variates from a caller's stream (Commons Math samplers own their generators). */
public final class Gammas {

    private Gammas() {
    }

    /**
     * A Gamma(shape, 1) draw by Marsaglia and Tsang's squeeze method (ACM TOMS 26(3), 2000); for
     * shape &lt; 1 it boosts to shape + 1 and scales by U^(1/shape).
     */
    public static double sample(double shape, RandomGenerator random) {
        if (shape < 1) {
            return sample(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
