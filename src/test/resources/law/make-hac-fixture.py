#!/usr/bin/python3
"""Writes the reference fixture for the law package's regression tests.

Outputs, next to this script:
  hac-fixture.csv   60 rows: cluster, time, x1, x2, y (an unbalanced panel of four series with
                    AR(1) errors inside each series; rows sorted by cluster, then time)
  hac-fixture.json  statsmodels' OLS coefficients, R^2, RSS and standard errors: classical,
                    Newey-West over all rows as one series, Newey-West inside each cluster, and
                    cluster-robust (CR0).

Every robust estimator is asked for the plain form: Bartlett weights 1 - l/(L + 1), no
prewhitening, no small-sample correction (use_correction=False). Numbers are written with
repr(), which round-trips a double exactly. Run with Debian's python3-statsmodels:
    /usr/bin/python3 make-hac-fixture.py
"""
import json
import os

import numpy as np
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
CLUSTER_SIZES = {"A": 12, "B": 15, "C": 18, "D": 15}
ERROR_AR = 0.6
SEED = 20240611


def make_rows():
    # RandomState is NumPy's frozen legacy stream, so the data do not change between versions.
    rng = np.random.RandomState(SEED)
    rows = []
    for index, (cluster, size) in enumerate(sorted(CLUSTER_SIZES.items())):
        scale = 0.25 * (index + 1)
        error = rng.normal(0.0, 1.0)
        x2 = rng.normal(0.0, 1.0)
        for time in range(size):
            x1 = time * scale
            y = 0.5 - 0.3 * x1 + 0.8 * x2 + error
            rows.append((cluster, time, x1, x2, y))
            error = ERROR_AR * error + rng.normal(0.0, 0.5)
            x2 = 0.5 * x2 + rng.normal(0.0, 1.0)
    return rows


def summary(model, groups, lags):
    plain = model.fit()
    result = {
        "coefficients": plain.params.tolist(),
        "r_squared": float(plain.rsquared),
        "rss": float(plain.ssr),
        "se_classical": plain.bse.tolist(),
        "se_cluster_cr0": model.fit(cov_type="cluster",
                                    cov_kwds={"groups": groups,
                                              "use_correction": False}).bse.tolist(),
    }
    for lag in lags:
        series = model.fit(cov_type="HAC", cov_kwds={"maxlags": lag, "use_correction": False})
        panel = model.fit(cov_type="hac-panel",
                          cov_kwds={"groups": groups, "maxlags": lag, "use_correction": False})
        result["se_hac_series_lag%d" % lag] = series.bse.tolist()
        result["se_hac_panel_lag%d" % lag] = panel.bse.tolist()
    return result


def main():
    rows = make_rows()
    with open(os.path.join(HERE, "hac-fixture.csv"), "w", encoding="utf-8") as out:
        out.write("cluster,time,x1,x2,y\n")
        for cluster, time, x1, x2, y in rows:
            out.write("%s,%d,%r,%r,%r\n" % (cluster, time, x1, x2, y))

    groups = np.array([ord(row[0]) - ord("A") for row in rows])
    x1 = np.array([row[2] for row in rows])
    x2 = np.array([row[3] for row in rows])
    y = np.array([row[4] for row in rows])
    lags = [0, 3, 5]
    reference = {
        "source": "statsmodels " + sm.__version__ + ", numpy " + np.__version__,
        "lags": lags,
        "with_intercept": summary(sm.OLS(y, sm.add_constant(np.column_stack([x1, x2]))),
                                  groups, lags),
        "without_intercept": summary(sm.OLS(y, x1[:, None]), groups, lags),
    }
    with open(os.path.join(HERE, "hac-fixture.json"), "w", encoding="utf-8") as out:
        json.dump(reference, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    main()
