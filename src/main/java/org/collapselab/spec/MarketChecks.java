package org.collapselab.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the {@code filter:} and {@code market:} blocks of a resolved spec; each mistake is one
 * line naming the file, line and field ({@link Validator} supplies how to fail).
 */
final class MarketChecks {

    /** Fails with one line: the JSON pointer of the value, the field, what was found, the fix. */
    interface Failure {
        void fail(String pointer, String field, String found, String fix) throws SpecException;
    }

    private final Failure failure;

    MarketChecks(Failure failure) {
        this.failure = failure;
    }

    void check(ExperimentSpec raw, ExperimentSpec s) throws SpecException {
        if (s.filter() != null) {
            filter(raw.filter(), s.filter());
        }
        if (s.market() != null) {
            market(raw, s);
        }
    }

    private void filter(FilterSpec raw, FilterSpec f) throws SpecException {
        List<String> detectors = List.of(FilterSpec.WATERMARK, FilterSpec.CLASSIFIER);
        if (!detectors.contains(f.detector())) {
            failure.fail("/filter/detector", "filter.detector", "'" + f.detector()
                + "' is not known", "use one of " + detectors);
        }
        boolean watermark = FilterSpec.WATERMARK.equals(f.detector());
        if (!watermark && raw.psi() != null) {
            failure.fail("/filter/psi", "filter.psi", "is set but a classifier measures its own "
                + "rates", "remove it, or use detector: watermark");
        }
        if (!watermark && raw.phi() != null) {
            failure.fail("/filter/phi", "filter.phi", "is set but a classifier measures its own "
                + "rates", "remove it, or use detector: watermark");
        }
        if (watermark && raw.detectorSamples() != null) {
            failure.fail("/filter/detector_samples", "filter.detector_samples", "is set but only "
                + "a classifier learns from samples", "remove it, or use detector: classifier");
        }
        if (watermark) {
            share("/filter/psi", "filter.psi", f.psi(), "a detection rate");
            share("/filter/phi", "filter.phi", f.phi(), "a false-positive rate");
        } else if (f.detectorSamples() < 4 || f.detectorSamples() > 1_000_000) {
            failure.fail("/filter/detector_samples", "filter.detector_samples",
                f.detectorSamples() + " is outside [4, 1000000]", "use a whole number in that "
                    + "range (half are held out to measure the detector)");
        }
    }

    private void share(String pointer, String field, double value, String what)
        throws SpecException {
        if (!(value >= 0 && value <= 1)) {
            failure.fail(pointer, field, value + " is outside [0, 1]", "give " + what
                + " between 0 and 1");
        }
    }

    private void market(ExperimentSpec raw, ExperimentSpec s) throws SpecException {
        MarketSpec m = s.market();
        // A resolved spec (merge and resume read one back) holds rho = [m]: that one is allowed.
        if (raw.rho() != null && !raw.rho().equals(List.of(m.m()))) {
            failure.fail("/rho", "rho", "is set but a market run's producers choose rho each "
                + "round", "remove rho (market.m is the share before any subsidy)");
        }
        for (int i = 0; i < s.policy().size(); i++) {
            if (!"mix".equals(s.policy().get(i))) {
                failure.fail("/policy/" + i, "policy", "'" + s.policy().get(i) + "' cannot run a "
                    + "market round", "use policy mix (fresh real data at 1 - rho_k each round)");
            }
        }
        if (!s.metrics().include().contains("kl_qp")) {
            failure.fail("/metrics/include", "metrics.include", "leaves out kl_qp, the drift "
                + "each market round measures", "add kl_qp to the list");
        }
        open("/market/m", "market.m", m.m(), 0, false, 1, true, "a share in (0, 1]");
        open("/market/cbar", "market.cbar", m.cbar(), 0, false, Double.MAX_VALUE, true,
            "a positive cost");
        open("/market/kappa", "market.kappa", m.kappa(), 0, false, Double.MAX_VALUE, true,
            "a positive curvature (1/2 plus the shadow cost of public funds)");
        if (s.filter() != null) {
            detectorFromFilter(raw.market());
            FilterSpec f = s.filter();
            // A watermark's rates are the user's: the estimator needs psi > phi in every round.
            if (FilterSpec.WATERMARK.equals(f.detector()) && !(f.phi() < f.psi())) {
                failure.fail("/filter/phi", "filter.phi", f.phi() + " is not below filter.psi = "
                    + f.psi() + ", so no round of the market could estimate rho from its flags",
                    "give a false-positive rate below filter.psi");
            }
        } else {
            open("/market/psi", "market.psi", m.psi(), 0, false, 1, true, "a detection rate in "
                + "(0, 1]");
            if (!(m.phi() >= 0 && m.phi() < m.psi())) {
                failure.fail("/market/phi", "market.phi", m.phi() + " is not in [0, psi = "
                    + m.psi() + ")", "give a false-positive rate below market.psi");
            }
        }
        open("/market/tau", "market.tau", m.tau(), 0, true, Double.MAX_VALUE, true,
            "a fidelity cost of 0 or more");
        open("/market/eta", "market.eta", m.eta(), 0, false, 2, false, "a damping in (0, 2); "
            + "the loop converges for eta < 2 / (1 + a)");
        open("/market/epsilon", "market.epsilon", m.epsilon(), 0, false, Double.MAX_VALUE, true,
            "a positive tolerance");
        if (m.regulated().isEmpty()) {
            failure.fail("/market/regulated", "market.regulated", "the list is empty",
                "give [true, false] for both arms, or one of them");
        }
        Set<Boolean> seen = new HashSet<>();
        for (int i = 0; i < m.regulated().size(); i++) {
            if (m.regulated().get(i) == null || !seen.add(m.regulated().get(i))) {
                failure.fail("/market/regulated/" + i, "market.regulated", "an arm is empty or "
                    + "listed twice", "list true and false at most once each");
            }
        }
    }

    /** With a filter, its detector flags the units: the market sets no rates of its own. */
    private void detectorFromFilter(MarketSpec raw) throws SpecException {
        if (raw.psi() != null) {
            failure.fail("/market/psi", "market.psi", "is set but the filter's detector flags the "
                + "units and gives psi", "remove it (set filter.psi for a watermark)");
        }
        if (raw.phi() != null) {
            failure.fail("/market/phi", "market.phi", "is set but the filter's detector flags the "
                + "units and gives phi", "remove it (set filter.phi for a watermark)");
        }
    }

    private void open(String pointer, String field, double value, double low,
                      boolean lowIncluded, double high, boolean highIncluded, String what)
        throws SpecException {
        boolean above = lowIncluded ? value >= low : value > low;
        boolean below = highIncluded ? value <= high : value < high;
        if (!(above && below && Double.isFinite(value))) {
            failure.fail(pointer, field, value + " is out of range", "give " + what);
        }
    }
}
