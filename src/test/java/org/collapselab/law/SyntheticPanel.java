package org.collapselab.law;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test data: for every rho and replicate, a series y_t = mean(rho, t) + sigma e_t for
 * t = 0..generations - 1, with e_t independent standard normals for t >= 1 and y_0 = mean(rho, 0),
 * as log Q_t - log Q_0 is 0 at generation 0.
 */
final class SyntheticPanel {

    /** The noise-free curve. */
    interface Mean {
        double at(double rho, int t);
    }

    private SyntheticPanel() {
    }

    static List<Observation> generate(String group, double[] rhos, int replicates,
                                      int generations, Mean mean, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Observation> out = new ArrayList<>();
        for (double rho : rhos) {
            for (int r = 0; r < replicates; r++) {
                String cluster = "rho=" + rho + "/rep=" + r;
                for (int t = 0; t < generations; t++) {
                    double noise = t == 0 ? 0 : sigma * random.nextGaussian();
                    out.add(new Observation(group, cluster, rho, t, mean.at(rho, t) + noise));
                }
            }
        }
        return out;
    }

    /** The collapse law's curve -b t rho^2. */
    static Mean collapse(double b) {
        return (rho, t) -> -b * t * rho * rho;
    }

    /** An AR(1) plateau -c rho^2 (1 - phi^t). */
    static Mean plateau(double c, double phi) {
        return (rho, t) -> -c * rho * rho * (1 - Math.pow(phi, t));
    }
}
