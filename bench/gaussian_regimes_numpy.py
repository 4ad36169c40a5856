"""A plain numpy version of experiments/gaussian-regimes.yaml, for comparison only.

It does what a first script usually does: draw every synthetic sample explicitly and refit the
Gaussian from the whole training pool each generation, then compute the same closed-form metrics
as collapse-lab (KL both ways, W2, probe NLL, variance ratio) against N(0, I).
Usage: python3 bench/gaussian_regimes_numpy.py [replicates]
"""
import sys
import time

import numpy as np


def fit(x):
    mean = x.mean(axis=0)
    centred = x - mean
    cov = centred.T @ centred / len(x)
    d = x.shape[1]
    if len(x) <= d:
        cov = cov + 1e-6 * np.trace(cov) / d * np.eye(d)
    return mean, cov


def metrics(mean, cov, probe):
    d = len(mean)
    sign, logdet = np.linalg.slogdet(cov)
    inv = np.linalg.inv(cov)
    kl_qp = 0.5 * (np.trace(cov) + mean @ mean - d - logdet)
    kl_pq = 0.5 * (np.trace(inv) + mean @ inv @ mean - d + logdet)
    root = np.sqrt(np.clip(np.linalg.eigvalsh(cov), 0, None)).sum()
    w2 = np.sqrt(max(mean @ mean + np.trace(cov) + d - 2 * root, 0))
    centred = probe - mean
    nll = 0.5 * (d * np.log(2 * np.pi) + logdet
                 + np.einsum("ij,jk,ik->i", centred, inv, centred).mean())
    return kl_qp, kl_pq, w2, nll, np.trace(cov)


def run_cell(rng, d, n, policy, generations):
    probe = rng.standard_normal((1000, d))
    pool = rng.standard_normal((n, d))
    train = pool
    mean, cov = fit(train)
    for t in range(1, generations + 1):
        metrics(mean, cov, probe)
        synthetic = rng.multivariate_normal(mean, cov, size=n, method="cholesky")
        if policy == "replace":
            train = synthetic
        else:
            pool = np.vstack([pool, synthetic])
            train = pool if policy == "accumulate" else pool[rng.choice(len(pool), n, False)]
        mean, cov = fit(train)
    metrics(mean, cov, probe)


def main():
    replicates = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    rng = np.random.default_rng(11)
    start = time.time()
    for d in (1, 10, 100):
        for n in (10, 100, 1000):
            for policy in ("replace", "accumulate", "accumulate-subsample"):
                cell_start = time.time()
                for _ in range(replicates):
                    run_cell(rng, d, n, policy, 100)
                print(f"d={d} n={n} {policy}: {time.time() - cell_start:.2f} s", flush=True)
    print(f"total {time.time() - start:.1f} s for {27 * replicates} cells")


if __name__ == "__main__":
    main()
