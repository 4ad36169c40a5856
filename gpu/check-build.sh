#!/usr/bin/env bash
# Checks that the Maven profile gpu resolves and compiles (into target-gpu/, leaving target/
# alone) and that the ND4J CUDA backend is on its class path. Run by .ci/run; needs no GPU.
# The first run downloads about 610 MB (the nd4j-cuda-11.6 natives and JavaCPP's CUDA presets).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -Pgpu -DskipTests compile 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
if ! grep -q 'nd4j-cuda-11.6-1.0.0-M2.1-linux-x86_64.jar' target-gpu/runtime.classpath; then
  echo "gpu check: the CUDA backend's natives are not on the gpu build's class path" >&2
  exit 1
fi
echo "gpu check: the gpu profile resolves and compiles (target-gpu/)"
