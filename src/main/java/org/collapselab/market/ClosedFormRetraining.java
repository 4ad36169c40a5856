package org.collapselab.market;

import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@link Retraining} without a model: the drift is read from a curve, {@code Delta = D(rho)},
 * and the detector's flags are simulated ({@link ProvenanceEstimator#simulateFlags}) with a
 * stream derived from the seed and the round alone, so a round's flags do not depend on which
 * rounds ran before it.
 */
public final class ClosedFormRetraining implements Retraining {

    /** The stream spacing between rounds: the golden-ratio increment of SplitMix64. */
    private static final long ROUND_STRIDE = 0x9e3779b97f4a7c15L;

    /** D(rho). */
    private final Drift curve;
    /** The detector whose flags are simulated. */
    private final ProvenanceEstimator detector;
    /** Units inspected per round (0: no flags). */
    private final long inspected;
    /** The seed of the flag streams. */
    private final long seed;

    public ClosedFormRetraining(Drift curve, ProvenanceEstimator detector, long inspected,
                                long seed) {
        if (inspected < 0) {
            throw new IllegalArgumentException(
                "inspected units must be non-negative, found " + inspected);
        }
        this.curve = curve;
        this.detector = detector;
        this.inspected = inspected;
        this.seed = seed;
    }

    @Override
    public RetrainingResult retrain(int round, double rho) {
        // SplittableRandom(x + k gamma) would replay round 0's stream shifted by k draws; its
        // first output is a mixed value, distinct per round, that seeds the round's stream.
        long roundSeed = new SplittableRandom(seed + round * ROUND_STRIDE).nextLong();
        long flagged = inspected == 0 ? 0 : detector.simulateFlags(rho, inspected,
            new SplittableRandom(roundSeed));
        return new RetrainingResult(curve.at(rho), flagged, inspected, new TreeMap<>());
    }
}
