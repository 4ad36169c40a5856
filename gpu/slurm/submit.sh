#!/usr/bin/env bash
# Submits a sweep to Slurm as a job array of N shards plus a merge job that waits for them:
#   gpu/slurm/submit.sh SPEC.yaml N OUT_DIR [extra sbatch options...]
# Environment: GPUS_PER_TASK (default 1; 0 for CPU-only tasks), COLLAPSE_LAUNCHER (default
# gpu/run.sh; ./collapse runs without the CUDA backend). The folders must be on storage that
# every node sees. Prints the two job ids; the merged run will be in OUT_DIR/merged.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
spec="$(realpath "$1")"
shards="$2"
out="$(realpath -m "$3")"
shift 3
launcher="$(realpath "${COLLAPSE_LAUNCHER:-$root/gpu/run.sh}")"
gres=()
if [ "${GPUS_PER_TASK:-1}" != 0 ]; then
  gres=(--gres="gpu:${GPUS_PER_TASK:-1}")
fi
case "$shards" in
  ''|*[!0-9]*|0) echo "submit.sh: N must be a whole number of shards, 1 or more" >&2; exit 2 ;;
esac

# Build once here rather than in every task at the same time.
"$launcher" --version >/dev/null
mkdir -p "$out/logs"
export COLLAPSE_SPEC="$spec" COLLAPSE_OUT="$out" COLLAPSE_SHARDS="$shards" \
  COLLAPSE_LAUNCHER="$launcher"
array=$(sbatch --parsable --array="0-$((shards - 1))" --chdir="$out/logs" "${gres[@]}" "$@" \
  "$here/sweep.sbatch")
array="${array%%;*}"
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --chdir="$out/logs" "$@" "$here/merge.sbatch")
merge="${merge%%;*}"
echo "array job $array ($shards shards), merge job $merge; merged run: $out/merged"
