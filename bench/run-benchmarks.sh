#!/usr/bin/env bash
# Prints wall-clock and CPU figures for collapse-lab's benchmark runs; docs/benchmarks.md records
# them. Usage: bench/run-benchmarks.sh [repeats]   (default 3)
# Each figure is a whole `./collapse` process, JVM start included. Numbers from a machine that is
# doing other work are worth little: run this on an idle machine.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repeats="${1:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

cd "$here"
./collapse --version >/dev/null   # build first, so no build is timed

measure() {
  local label="$1"; shift
  for i in $(seq 1 "$repeats"); do
    rm -rf "$out/run"
    /usr/bin/time -f "$label run $i: %e s wall, %U s user, %S s sys, %M KB max RSS" \
      "$@" --out "$out/run" >/dev/null 2>"$out/err" || { cat "$out/err"; exit 1; }
    tail -n 1 "$out/err"
  done
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
measure "gaussian-regimes (cells only)" ./collapse run experiments/gaussian-regimes.yaml \
  --no-report
measure "gaussian-regimes (with fits, plots, report)" ./collapse run \
  experiments/gaussian-regimes.yaml
measure "quickstart" ./collapse run experiments/quickstart.yaml
if [ "${WITH_NUMPY:-0}" = 1 ] && python3 -c "import numpy" 2>/dev/null; then
  echo "numpy baseline (refit from the pool, explicit samples):"
  /usr/bin/time -f "numpy gaussian-regimes: %e s wall, %U s user" \
    python3 bench/gaussian_regimes_numpy.py 10 | tail -n 1
fi
