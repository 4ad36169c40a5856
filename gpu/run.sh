#!/usr/bin/env bash
# Runs an experiment with the ND4J CUDA backend available:
#   gpu/run.sh SPEC.yaml [run options]      e.g. gpu/run.sh experiments/x.yaml --device gpu
#   gpu/run.sh merge DIR... --out DIR       (and fit, plot, validate, list: passed through)
# Builds once with the Maven profile gpu into target-gpu/ (GPU_REDIST=1 adds the bundled CUDA
# libraries, gigabytes, for machines without a CUDA 11 install), then runs. The run prints the
# device it chose and where its results are. See gpu/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/target-gpu"
profiles="gpu"
if [ "${GPU_REDIST:-0}" = 1 ]; then
  profiles="gpu,gpu-redist"
fi
stamp="$build/classes/.built-$profiles"

if [ $# -eq 0 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

needs_build() {
  [ -f "$build/runtime.classpath" ] && [ -f "$stamp" ] || return 0
  [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$stamp" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "gpu/run.sh: building with the Maven profile(s) $profiles into target-gpu/..." >&2
  if ! (cd "$root" && mvn -B -q -P"$profiles" -DskipTests compile 2>&1 \
      | sed 's/\x1b\[[0-9;]*m//g' >&2); then
    echo "gpu/run.sh: the build failed; run 'mvn -P$profiles -DskipTests compile' to see why" >&2
    exit 1
  fi
  rm -f "$build"/classes/.built-*
  touch "$stamp"
fi

case "$1" in
  run|merge|fit|plot|validate|list|--version|-V) ;;
  *) set -- run "$@" ;;
esac

# The serial collector as in ./collapse; ND4J's start-up banner is left out.
exec java ${COLLAPSE_JAVA_OPTS:--Xmx8g -XX:+UseSerialGC} -Djava.awt.headless=true \
  -Dorg.nd4j.log.initialization=false \
  -cp "$build/classes:$(cat "$build/runtime.classpath")" org.collapselab.cli.Main "$@"
