#!/usr/bin/env bash
# Benchmarks side by side; writes bench/results/benchmarks.md and bench/results/raw.json.
#
#   bench/run.sh              N = 1,000 and 10,000 stories (about half an hour on 2 cores)
#   bench/run.sh --quick      N = 200, fewer runs (a few minutes)
#   bench/run.sh --stories 1000,5000 [--skip-build]
#
# For each N it generates one corpus (N stories x kk, ru, en) twice: Markdown files for Hugo
# (bench/hugo/ holds the site) and the local stack's table, then, against a stack started on it
# (ports moved by BENCH_PORT_OFFSET, default 40): Hugo against `newsroom-local.jar export`, one
# publish through the API, and for the first N the cold start and the warm API latency. Nothing
# here asserts a time: the figures go to the results file.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SIZES="1000,10000"
MODE=full
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick; SIZES=200 ;;
    --stories) SIZES="$2"; shift ;;
    --skip-build) BUILD=0 ;;
    *) echo "usage: bench/run.sh [--quick] [--stories N[,N...]] [--skip-build]" >&2; exit 2 ;;
  esac
  shift
done
OFFSET=${BENCH_PORT_OFFSET:-40}
# the export's JVM: small heap, serial GC, C1 only (a batch job of seconds)
EXPORT_JAVA="-XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1"

missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ -x /usr/bin/time ] || missing+=(time)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$BUILD" = 1 ]; then
  echo "building"
  mvn -B -q -DskipTests package
fi
JAR=$ROOT/infrastructure/target/newsroom-local.jar
ZIP=$ROOT/functions/target/newsroom-functions.zip
CP="$ROOT/infrastructure/target/test-classes:$JAR"
bench() { java -cp "$CP" newsroom.bench.Bench "$@"; }

# an in-memory folder where there is one: DynamoDB Local writes through SQLite
BASE=${BENCH_TMP:-}
if [ -z "$BASE" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then BASE=/dev/shm; else BASE=${TMPDIR:-/tmp}; fi
fi
WORK=$(mktemp -d "$BASE/newsroom-bench.XXXXXX")
RAW=$WORK/raw.jsonl
STACK_PID=""
stop_stack() {
  if [ -n "$STACK_PID" ] && kill -0 "$STACK_PID" 2>/dev/null; then
    kill "$STACK_PID"
    for _ in $(seq 1 50); do kill -0 "$STACK_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$STACK_PID" 2>/dev/null || true
  fi
  STACK_PID=""
}
cleanup() {
  stop_stack
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# the SDK call counter, a global interceptor on the stack's classpath only (for the cost figures)
HOOKS=$WORK/hooks
mkdir -p "$HOOKS/newsroom/bench" "$HOOKS/software/amazon/awssdk/global/handlers"
cp "$ROOT"/infrastructure/target/test-classes/newsroom/bench/CountingInterceptor*.class \
  "$ROOT"/infrastructure/target/test-classes/newsroom/bench/Args*.class "$HOOKS/newsroom/bench/"
echo newsroom.bench.CountingInterceptor \
  >"$HOOKS/software/amazon/awssdk/global/handlers/execution.interceptors"

# what Lambda loads: the deployment zip unpacked, plus the two cold-start mains
unzip -q "$ZIP" -d "$WORK/zip"
mkdir -p "$WORK/cold/newsroom/bench/lambda"
cp "$ROOT"/infrastructure/target/test-classes/newsroom/bench/lambda/*.class "$WORK/cold/newsroom/bench/lambda/"
COLD_CP="$WORK/cold:$WORK/zip:$WORK/zip/lib/*"

API=http://127.0.0.1:$((3000 + OFFSET))
CDN=http://127.0.0.1:$((8080 + OFFSET))
FIRST=1
SAMPLE=""
for N in ${SIZES//,/ }; do
  D=$WORK/n$N
  mkdir -p "$D/hugo"
  cp "$ROOT/template.yaml" "$D/"
  echo "N=$N: writing the corpus (table, bucket, Markdown)"
  bench corpus --stories "$N" --data "$D/.newsroom" --hugo-content "$D/hugo/content" \
    --port-offset "$OFFSET" --template "$D/template.yaml" --fill-bucket --out "$RAW" >"$D/corpus.log"
  cp -r "$ROOT"/bench/hugo/. "$D/hugo/"
  mkdir -p "$D/hugo/static/assets"
  cp "$ROOT"/functions/src/main/resources/newsroom/render/site.{css,js} "$D/hugo/static/assets/"

  echo "N=$N: starting the stack"
  (cd "$D" && exec java -Dnewsroom.bench.counts="$D/counts.json" -cp "$JAR:$HOOKS" \
    newsroom.local.NewsroomLocal serve --no-demo --port-offset "$OFFSET" >"$D/stack.out" 2>"$D/stack.err") &
  STACK_PID=$!
  for _ in $(seq 1 900); do
    grep -q "local stack is up" "$D/stack.out" 2>/dev/null && break
    kill -0 "$STACK_PID" 2>/dev/null || { cat "$D/stack.err" >&2; exit 1; }
    sleep 0.2
  done
  grep -q "local stack is up" "$D/stack.out" || { echo "the stack did not start" >&2; exit 1; }
  TOKEN=$(cd "$D" && java -jar "$JAR" token bench editors --port-offset "$OFFSET")

  RUNS=3
  [ "$MODE" = quick ] && RUNS=2
  [ "$N" -gt 2000 ] && RUNS=2
  echo "N=$N: Hugo against the export, $RUNS runs each"
  bench site --stories "$N" --hugo-site "$D/hugo" --work "$D" --jar "$JAR" --runs "$RUNS" \
    --port-offset "$OFFSET" --java-options "$EXPORT_JAVA" --stack-pid "$STACK_PID" \
    --clock-ticks "$(getconf CLK_TCK)" --out "$RAW" >/dev/null
  [ -n "$SAMPLE" ] || SAMPLE=$D/site-newsroom-1

  echo "N=$N: one publish per language"
  bench publish --api "$API" --cdn "$CDN" --token "$TOKEN" --log "$D/stack.out" \
    --counts "$D/counts.json" --stories "$N" --port-offset "$OFFSET" --out "$RAW" >/dev/null

  if [ "$FIRST" = 1 ]; then
    STORY=$(curl -s "$API/articles?limit=1" -H "Authorization: Bearer $TOKEN" |
      grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
    echo "N=$N: cold start, 10 runs each"
    bench cold --classpath "$COLD_CP" --story-id "$STORY" --runs 10 \
      --dynamo "http://127.0.0.1:$((8000 + OFFSET))" --work "$WORK" --out "$RAW" >/dev/null
    SECONDS_EACH=10
    [ "$MODE" = quick ] && SECONDS_EACH=4
    echo "N=$N: warm API latency, ${SECONDS_EACH} s per point"
    bench api --api "$API" --token "$TOKEN" --story-id "$STORY" --log "$D/stack.out" \
      --work "$D" --seconds "$SECONDS_EACH" --out "$RAW" >/dev/null
    FIRST=0
  fi
  stop_stack
done

mkdir -p "$ROOT/bench/results"
bench report --raw "$RAW" --out-dir "$ROOT/bench/results" --mode "$MODE" --zip "$ZIP" \
  --sample "$SAMPLE" --hugo-version "$(hugo version | cut -d' ' -f1-2)" \
  --export-java-options "$EXPORT_JAVA" >/dev/null
echo "wrote bench/results/benchmarks.md and bench/results/raw.json"
