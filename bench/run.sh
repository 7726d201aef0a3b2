#!/usr/bin/env bash
# Benchmarks side by side; writes bench/results/benchmarks.md and bench/results/raw.json (or --out-dir).
#
#   bench/run.sh              N = 1,000 and 10,000 stories (about 40 minutes on 2 cores)
#   bench/run.sh --quick      N = 200, fewer runs (a few minutes)
#   bench/run.sh --stories 1000,10000,100000 [--months 120] [--skip-build]
#   bench/run.sh --quick --out-dir DIR   (a check of the harness: results written to DIR)
#
# First, what each function's deployment package carries and needs (no stack). Then for each N it
# generates one corpus (N stories x kk, ru, en) twice: Markdown files for Hugo (bench/hugo/ holds
# the site) and the local stack's table, then, against a stack started on it (ports moved by
# BENCH_PORT_OFFSET, default 40): Hugo against `newsroom-local.jar export` (memory of the export
# and of the stack's process, which holds the database, counted together), the render engine
# alone from an in-memory snapshot, one publish per language through the API and the staff list's
# reads, and for the first N the cold start (empty JVM, bare SDK, API handler unprimed and primed)
# and the warm API latency. Last, the first N's stories spread over --months months (default 120; 0 skips it), for
# the reads per publish against the months a site spans. Nothing here asserts a time: the figures
# go to the results file.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# the options as given, for the results' header
COMMAND="bench/run.sh${*:+ $*}"
# the machine's load, at the start, at each N and at the end, for the results' header
LOAD="at the start $(cut -d' ' -f1-3 /proc/loadavg)"

SIZES="1000,10000"
MODE=full
BUILD=1
MONTHS_CHECK=120
OUT_DIR=$ROOT/bench/results
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick; SIZES=200 ;;
    --stories) SIZES="$2"; shift ;;
    --months) MONTHS_CHECK="$2"; shift ;;
    --out-dir) OUT_DIR="$2"; shift ;;
    --skip-build) BUILD=0 ;;
    *) echo "usage: bench/run.sh [--quick] [--stories N[,N...]] [--months M] [--out-dir DIR] [--skip-build]" >&2; exit 2 ;;
  esac
  shift
done
OFFSET=${BENCH_PORT_OFFSET:-40}
# the export's JVM: small heap, serial GC, C1 only (a batch job of seconds)
EXPORT_JAVA="-XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1"
# the stack's JVM, which holds DynamoDB Local: its live data is a few tens of MB (the items are in
# SQLite), so a small heap and the serial collector keep its resident set near what it uses
STACK_JAVA="-XX:+UseSerialGC -Xmx384m"
# the engine alone holds every story in memory and renders the site several times: a long-lived JVM
ENGINE_JAVA="-XX:+UseParallelGC -Xmx2g"

missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ -x /usr/bin/time ] || missing+=(time)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v jdeps >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
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

# what Lambda loads: the API function's own zip unpacked (its CodeUri), plus the two cold-start mains
unzip -q "$ROOT/functions/target/newsroom-api.zip" -d "$WORK/api-zip"
unzip -q "$ZIP" -d "$WORK/zip"
mkdir -p "$WORK/cold/newsroom/bench/lambda"
cp "$ROOT"/infrastructure/target/test-classes/newsroom/bench/lambda/*.class "$WORK/cold/newsroom/bench/lambda/"
COLD_CP="$WORK/cold:$WORK/api-zip:$WORK/api-zip/lib/*"

echo "deployment packages: what each function carries and needs"
bench packages --zip "$ZIP" --unpacked "$WORK/zip" --classes "$ROOT/functions/target/classes" \
  --template "$ROOT/template.yaml" --work "$WORK" --out "$RAW" >/dev/null

API=http://127.0.0.1:$((3000 + OFFSET))
CDN=http://127.0.0.1:$((8080 + OFFSET))
FIRST=1
SAMPLE=""
# corpus N MONTHS DIR: the table, the bucket and Hugo's Markdown; prints the months it spans
corpus() {
  local n=$1 months=$2 d=$3
  mkdir -p "$d/hugo"
  cp "$ROOT/template.yaml" "$d/"
  bench corpus --stories "$n" --months "$months" --data "$d/.newsroom" --hugo-content "$d/hugo/content" \
    --port-offset "$OFFSET" --template "$d/template.yaml" --fill-bucket --out "$RAW" >"$d/corpus.log"
  cp -r "$ROOT"/bench/hugo/. "$d/hugo/"
  mkdir -p "$d/hugo/static/assets"
  cp "$ROOT"/functions/src/main/resources/newsroom/render/site.{css,js} "$d/hugo/static/assets/"
  grep -o '"monthsSpanned":[0-9]*' "$d/corpus.log" | cut -d: -f2
}

# start_stack DIR: the local stack on the corpus in DIR, with the SDK call counter
start_stack() {
  local d=$1
  (cd "$d" && exec java $STACK_JAVA -Dnewsroom.bench.counts="$d/counts.json" -cp "$JAR:$HOOKS" \
    newsroom.local.NewsroomLocal serve --no-demo --port-offset "$OFFSET" >"$d/stack.out" 2>"$d/stack.err") &
  STACK_PID=$!
  for _ in $(seq 1 900); do
    grep -q "local stack is up" "$d/stack.out" 2>/dev/null && break
    kill -0 "$STACK_PID" 2>/dev/null || { cat "$d/stack.err" >&2; exit 1; }
    sleep 0.2
  done
  grep -q "local stack is up" "$d/stack.out" || { echo "the stack did not start" >&2; exit 1; }
  TOKEN=$(cd "$d" && java -jar "$JAR" token bench editors --port-offset "$OFFSET")
}

for N in ${SIZES//,/ }; do
  D=$WORK/n$N
  LOAD="$LOAD; before N = $N $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "N=$N: writing the corpus (table, bucket, Markdown)"
  MONTHS=$(corpus "$N" 0 "$D")
  echo "N=$N: starting the stack"
  start_stack "$D"

  # three runs of each side at every N: the median of three is not moved by a slow first export,
  # which pays the stack's JIT compiling DynamoDB Local's paths (up to 9 CPU-s at N = 10,000)
  RUNS=3
  [ "$MODE" = quick ] && RUNS=2
  # Hugo needed 3.5 GB at N = 10,000 and grows with N: the full-site render stops at 20,000
  if [ "$N" -le 20000 ]; then
    echo "N=$N: Hugo against the export, $RUNS runs each"
    # the export with the search page's index (every term's postings of 3 x N translations held until
    # the end) takes minutes of CPU above N = 2,000 on 2 cores: there the pages-only export, what
    # Hugo writes, runs beside Hugo alone
    TOOLS=hugo,newsroom,newsroom-pages
    [ "$N" -gt 2000 ] && TOOLS=hugo,newsroom-pages
    bench site --stories "$N" --hugo-site "$D/hugo" --work "$D" --jar "$JAR" --runs "$RUNS" --tools "$TOOLS" \
      --port-offset "$OFFSET" --java-options "$EXPORT_JAVA" --stack-pid "$STACK_PID" \
      --clock-ticks "$(getconf CLK_TCK)" --out "$RAW" >/dev/null
    [ -n "$SAMPLE" ] || SAMPLE=$D/site-newsroom-1

    echo "N=$N: the render engine alone, from memory"
    # the warm-up: at least 5 passes and 150,000 pages (the JIT compiler's work grows with the pages
    # rendered, not the passes)
    WARMUP=5
    WARMUP_PAGES=150000
    [ "$MODE" = quick ] && { WARMUP=2; WARMUP_PAGES=10000; }
    java $ENGINE_JAVA -cp "$CP" newsroom.bench.Bench engine --stories "$N" --passes "$RUNS" --warmup "$WARMUP" \
      --warmup-pages "$WARMUP_PAGES" --port-offset "$OFFSET" --out "$RAW" >/dev/null
  else
    echo "N=$N: full-site render left out (Hugo's memory grows with N)"
  fi

  echo "N=$N: one publish per language"
  bench publish --api "$API" --cdn "$CDN" --token "$TOKEN" --log "$D/stack.out" \
    --counts "$D/counts.json" --stories "$N" --months "$MONTHS" --port-offset "$OFFSET" --out "$RAW" >/dev/null

  if [ "$FIRST" = 1 ]; then
    STORY=$(curl -s "$API/articles?limit=1" -H "Authorization: Bearer $TOKEN" |
      grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
    echo "N=$N: cold start, 10 runs each"
    bench cold --classpath "$COLD_CP" --story-id "$STORY" --runs 10 --template "$ROOT/template.yaml" \
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

if [ "$MONTHS_CHECK" -gt 0 ]; then
  N=${SIZES%%,*}
  D=$WORK/n$N-m$MONTHS_CHECK
  echo "N=$N over $MONTHS_CHECK months: the corpus, then one publish per language"
  MONTHS=$(corpus "$N" "$MONTHS_CHECK" "$D")
  start_stack "$D"
  bench publish --api "$API" --cdn "$CDN" --token "$TOKEN" --log "$D/stack.out" \
    --counts "$D/counts.json" --stories "$N" --months "$MONTHS" --spread --port-offset "$OFFSET" --out "$RAW" >/dev/null
  stop_stack
fi

mkdir -p "$OUT_DIR"
LOAD="$LOAD; at the end $(cut -d' ' -f1-3 /proc/loadavg)"
# no full-site render in this run (every N above 20,000): the page sizes are the first N's bucket's
[ -n "$SAMPLE" ] || SAMPLE=$WORK/n${SIZES%%,*}/.newsroom/s3/newsroom-site
bench report --raw "$RAW" --out-dir "$OUT_DIR" --mode "$MODE" --zip "$ZIP" \
  --sample "$SAMPLE" --hugo-version "$(hugo version | cut -d' ' -f1-2)" \
  --export-java-options "$EXPORT_JAVA" --stack-java-options "$STACK_JAVA" --command "$COMMAND" --niceness "$(nice)" --load "$LOAD" \
  --baseline "$ROOT/bench/results/raw.json" >/dev/null
echo "wrote $OUT_DIR/benchmarks.md and $OUT_DIR/raw.json"
