package org.collapselab.law;

/**
 * Settings of a law analysis.
 *
 * @param seed                the run's seed; each group's bootstrap stream is derived from it
 *                            and the group's name
 * @param bootstrapReplicates B, the cluster resamples for the interval on b
 * @param hacLag              the Newey-West lag for every regression, or null for the rule
 *                            floor(4 (T / 100)^(2/9)) applied to each regression's longest series
 */
public record LawOptions(long seed, int bootstrapReplicates, Integer hacLag) {

    public LawOptions {
        if (bootstrapReplicates < 1) {
            throw new IllegalArgumentException("bootstrap replicates must be >= 1, found "
                + bootstrapReplicates);
        }
        if (hacLag != null && hacLag < 0) {
            throw new IllegalArgumentException("HAC lag must be >= 0, found " + hacLag);
        }
    }

    /** B = 999 and the default lag rule. */
    public static LawOptions defaults(long seed) {
        return new LawOptions(seed, CollapseLaw.DEFAULT_REPLICATES, null);
    }
}
