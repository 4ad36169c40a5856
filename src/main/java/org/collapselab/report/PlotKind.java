package org.collapselab.report;

/** The plots drawn for each group, with the file-name suffix and the title of each. */
public enum PlotKind {

    /** log Q_t - log Q_0 against t, one line per rho, fitted collapse-law lines dashed. */
    QUALITY("quality", "quality change log Q_t - log Q_0 against t"),
    /** KL(q_t || p) and KL(p || q_t) against t. */
    KL("kl", "KL divergences against t"),
    /** 2-Wasserstein distance against t. */
    W2("w2", "2-Wasserstein distance against t"),
    /** log Q_t - log Q_0 against t rho^2, every series, with the fitted collapse law. */
    QUALITY_SCALED("quality-t-rho2", "quality change against t rho^2"),
    /** Per-rho decay rates against rho on log-log axes, with the fitted exponent. */
    SLOPES("slopes", "per-rho slopes against rho"),
    /** Variance ratio against t on a log axis: mean, median and geometric mean. */
    VARIANCE_RATIO("variance-ratio", "variance ratio against t: mean and typical value");

    /** The file-name suffix, after the group prefix: {@code g1-quality.png}. */
    private final String suffix;
    /** What the plot shows, for chart titles and report links. */
    private final String title;

    PlotKind(String suffix, String title) {
        this.suffix = suffix;
        this.title = title;
    }

    public String suffix() {
        return suffix;
    }

    public String title() {
        return title;
    }
}
