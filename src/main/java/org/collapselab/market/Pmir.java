package org.collapselab.market;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Provenance-market iterative retraining (docs/market.md, "PMIR"). From s_0 = 0, round k:
 * <ol>
 *   <li>producers respond to s_k: {@code rho_k = clip(m - beta s_k, 0, 1)} (claims are credible
 *   at {@code w_k = (1 - psi) s_k / psi});</li>
 *   <li>retrain at rho_k, measure {@code Delta_k = KL(q || p)} and estimate rho_k from flags;</li>
 *   <li>psi and phi are the market's, unless the retraining measured its detector's rates (a
 *   trained classifier): those then serve the round's estimate, watermark and welfare. When the
 *   measured psi &le; phi the detector carries no evidence on provenance: the estimate and its
 *   standard error are NaN for that round, and so are a regulated round's watermark, W_cons,
 *   L_info and W; nothing else changes, since the subsidy depends on the drift alone;</li>
 *   <li>{@code s_{k+1} = (1 - eta) s_k + eta Delta_k / (2 kappa)}, floored at 0: a subsidy is
 *   never a tax (the floor binds only when eta &gt; 1);</li>
 *   <li>stop when {@code |s_{k+1} - s_k| < epsilon} (if asked) or after T rounds.</li>
 * </ol>
 * With {@code D(rho) = b rho} the subsidy map has slope {@code 1 - eta (1 + a)},
 * {@code a = beta b / (2 kappa)}, where rho is not clipped, and at most 1 - eta in absolute value
 * elsewhere; the floor at 0 never lengthens a distance. So the loop is a contraction, and
 * converges, when {@code 0 < eta < 2 / (1 + a)}; at the bound the subsidy cycles around the
 * fixed point, and beyond it the fixed point repels.
 * Since {@code s_{k+1} - s_k = eta (Delta_k / (2 kappa) - s_k)}, the stop leaves the regulator's
 * condition violated by less than epsilon / eta.
 *
 * <p>The quality the loop carries is the collapse law's: {@code log Q_{k+1} = log Q_k - rho_k
 * Delta_k} from log Q_0 = 0.
 */
public final class Pmir {

    private Pmir() {
    }

    /** Runs the loop against a retraining. */
    public static PmirResult run(MarketParameters market, Retraining retraining,
                                 PmirSettings settings) {
        List<PmirRound> rounds = new ArrayList<>();
        OptionalInt reached = OptionalInt.empty();
        double subsidy = 0;
        double logQuality = 0;
        for (int k = 0; k < settings.horizon(); k++) {
            double rho = market.contamination(subsidy);
            RetrainingResult measured = retraining.retrain(k, rho);
            double psi = measured.measuredRates() ? measured.detectorPsi() : market.psi();
            double phi = measured.measuredRates() ? measured.detectorPhi() : market.phi();
            // The market of the round, with the rates of the detector that flagged; a detector
            // that does not separate (psi <= phi) supports neither the estimate nor a watermark.
            MarketParameters round = psi > phi ? market.withDetector(psi, phi) : null;

            double estimate = Double.NaN;
            double standardError = Double.NaN;
            if (measured.inspected() > 0 && round != null) {
                ProvenanceEstimator detector = ProvenanceEstimator.of(round);
                estimate = detector.estimate(measured.flagged(), measured.inspected());
                double clipped = Math.min(1, Math.max(0, estimate));
                standardError = Math.sqrt(detector.cramerRaoBound(clipped, measured.inspected()));
            }

            double next = settings.regulated() ? Math.max(0, (1 - settings.eta()) * subsidy
                + settings.eta() * Math.max(0, measured.drift()) / (2 * market.kappa())) : 0;
            double step = Math.abs(next - subsidy);
            double watermark;
            Welfare welfare;
            if (round != null) {
                watermark = settings.regulated()
                    ? OptimalPolicy.credibleWatermark(round, subsidy) : 0;
                welfare = Welfare.of(round, measured.drift(), logQuality, subsidy, watermark);
            } else if (!settings.regulated()) {
                // s = w = 0: no false claim pays, so no term depends on the detector's rates.
                watermark = 0;
                welfare = Welfare.of(market.withDetector(1, 0), measured.drift(), logQuality, 0,
                    0);
            } else {
                // Credible claims, as the producers' response assumes (psi = 1 makes them so at
                // w = 0); the terms that need the detector are then dropped.
                watermark = Double.NaN;
                welfare = Welfare.of(market.withDetector(1, 0), measured.drift(), logQuality,
                    subsidy, 0).withoutDetector();
            }
            rounds.add(new PmirRound(k, rho, estimate, standardError, measured.drift(), subsidy,
                watermark, psi, phi, welfare, step, measured.measures()));

            logQuality -= welfare.collapseLoss();
            subsidy = next;
            if (step < settings.epsilon() && reached.isEmpty()) {
                reached = OptionalInt.of(k + 1);
                if (settings.stopAtEquilibrium()) {
                    break;
                }
            }
        }
        return new PmirResult(rounds, reached, subsidy);
    }
}
