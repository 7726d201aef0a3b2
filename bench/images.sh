#!/usr/bin/env bash
# The image function's figures: JPEG size against quality, time and peak memory to process one
# 12-megapixel photo at the function's memory size, and a phone's download before and after.
# Writes bench/results/images.md. A minute or two on 2 cores.
#   bench/images.sh [--skip-build]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
if [[ "${1:-}" != "--skip-build" ]]; then
  mvn -B -q -o -DskipTests test-compile
fi
CP_FILE=$ROOT/infrastructure/target/bench-images.classpath
mvn -B -q -o -pl infrastructure -am dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
# the heap the function gets: its MemorySize in template.yaml (Lambda's own JVM flags too)
MEMORY=$(awk '/^  ImageFunction:/{f=1} f&&/MemorySize:/{print $2; exit}' template.yaml)
java -Xmx"${MEMORY}"m -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
  -cp "$ROOT/infrastructure/target/test-classes:$ROOT/infrastructure/target/classes:$ROOT/functions/target/classes:$(cat "$CP_FILE")" \
  newsroom.bench.ImageBench "$ROOT/bench/results/images.md" "$MEMORY"
