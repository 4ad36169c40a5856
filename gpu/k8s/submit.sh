#!/usr/bin/env bash
# Runs a sweep on Kubernetes: the indexed Job of SHARDS shards, then, when all have completed,
# the merge Job. kubectl talks to whatever cluster its current context names.
#   gpu/k8s/submit.sh RUN SPEC SHARDS IMAGE
#   e.g. gpu/k8s/submit.sh sweep1 experiments/quickstart.yaml 8 registry.example/collapse:1
# RUN names the Jobs and the folder /results/RUN; SPEC is a path inside the image.
set -euo pipefail
if [ $# -ne 4 ]; then
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run="$1" spec="$2" shards="$3" image="$4"
fill() {
  sed -e "s|RUN|$run|g" -e "s|SPEC|$spec|g" -e "s|SHARDS|$shards|g" -e "s|IMAGE|$image|g" "$1"
}
fill "$here/sweep-job.yaml" | kubectl apply -f -
kubectl wait --for=condition=complete --timeout=-1s "job/collapse-$run-shards"
fill "$here/merge-job.yaml" | kubectl apply -f -
kubectl wait --for=condition=complete --timeout=-1s "job/collapse-$run-merge"
echo "merged run: /results/$run/merged on the collapse-results volume"
