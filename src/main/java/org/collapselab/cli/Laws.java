package org.collapselab.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Descriptions of the fitted laws for {@code collapse list}. */
final class Laws {

    private Laws() {
    }

    static Map<String, String> catalogue() {
        Map<String, String> laws = new LinkedHashMap<>();
        laws.put("collapse", "log Q_t - log Q_0 = a - b t rho^2, pooled OLS; classical, HAC and "
            + "cluster s.e., R^2, bootstrap interval");
        laws.put("per-rho", "slope of log Q_t on t for each rho, and the exponent gamma of "
            + "slope = c rho^gamma");
        laws.put("linear", "rival: a - c_rho t");
        laws.put("logarithmic", "rival: a - c_rho log(1 + t)");
        laws.put("power", "rival: a - c_rho t^gamma");
        laws.put("saturating", "rival: a - c_rho (1 - phi^t), the AR(1) plateau");
        return laws;
    }
}
