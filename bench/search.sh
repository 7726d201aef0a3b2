#!/usr/bin/env bash
# The search benchmarks: the index's size and bytes per publish and query (SearchBench), and the
# time from a keystroke to the results in headless Chromium (SearchTypingBench), at N stories x
# kk, ru, en of the benchmark corpus. Writes bench/results/search.md and search-typing.md.
#   bench/search.sh [sizes, default 1000,10000]
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${1:-1000,10000}"
mvn -B -q package -DskipTests -Deditor.skip dependency:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
CP="infrastructure/target/test-classes:infrastructure/target/classes:$(cat infrastructure/target/test.classpath)"
java -Xmx3g -cp "$CP" newsroom.bench.SearchBench "$SIZES" bench/results/search.md
java -Xmx3g -cp "$CP" newsroom.bench.SearchTypingBench "$SIZES" bench/results/search-typing.md
