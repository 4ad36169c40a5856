#!/usr/bin/env bash
# Proves the Slurm path on this machine in one command:
#   gpu/slurm/prove-local.sh [SHARDS]        (default 4 shards)
# Starts a single-node Slurm (local-cluster.sh), runs gpu/slurm/sweep-small.yaml once in one
# process, submits the same sweep as a job array of SHARDS shards plus a dependent merge job,
# waits, and compares the two generations.csv (and fits.csv) byte for byte. Exit 0 when they are
# identical. The work folder is kept (WORK=DIR to choose it); KEEP_CLUSTER=1 leaves Slurm running.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shards="${1:-4}"
spec="$here/sweep-small.yaml"
work="${WORK:-$(mktemp -d /tmp/collapse-slurm-proof.XXXXXX)}"
mkdir -p "$work"
seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }'; }

t=$(seconds)
"$here/local-cluster.sh" start
eval "$("$here/local-cluster.sh" env)"
echo "prove: cluster up in $(elapsed "$t") s"
if [ "${KEEP_CLUSTER:-0}" != 1 ]; then
  trap '"$here/local-cluster.sh" stop >/dev/null' EXIT
fi

t=$(seconds)
"$root/collapse" --version >/dev/null
echo "prove: launcher built in $(elapsed "$t") s"

t=$(seconds)
"$root/collapse" run "$spec" --out "$work/single" --threads 1 >"$work/single.out" 2>&1
echo "prove: one process, one thread: $(elapsed "$t") s"

t=$(seconds)
submitted=$(GPUS_PER_TASK=0 COLLAPSE_LAUNCHER="$root/collapse" \
  "$here/submit.sh" "$spec" "$shards" "$work/slurm")
echo "prove: $submitted"
merge_job=$(echo "$submitted" | sed -n 's/.*merge job \([0-9]*\).*/\1/p')
for _ in $(seq 1800); do
  state=$(scontrol show job "$merge_job" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
  case "$state" in
    COMPLETED) break ;;
    FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|'')
      echo "prove: the merge job ended $state; logs in $work/slurm/logs" >&2; exit 1 ;;
  esac
  sleep 0.5
done
[ "$state" = COMPLETED ] || { echo "prove: gave up waiting after 15 min" >&2; exit 1; }
echo "prove: Slurm array of $shards shards + merge: $(elapsed "$t") s"

status=0
for file in generations.csv fits.csv; do
  if cmp -s "$work/single/$file" "$work/slurm/merged/$file"; then
    echo "prove: $file identical ($(wc -c <"$work/single/$file") bytes," \
      "sha256 $(sha256sum "$work/single/$file" | cut -c1-16))"
  else
    echo "prove: $file DIFFERS between $work/single and $work/slurm/merged" >&2
    status=1
  fi
done
echo "prove: results in $work"
exit $status
