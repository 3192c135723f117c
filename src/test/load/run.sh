#!/usr/bin/env bash
# Load benchmark of `akin serve` on loopback with wrk (Debian's package): similar-by-id, text search and recommend
# at concurrency 1, 16 and 64, DURATION seconds each (default 30); throughput, p50/p99, errors, and the server's RSS
# before and after each run. Also measures the embedder's own query throughput in-process, for comparison.
# Usage: src/test/load/run.sh [DURATION]
set -euo pipefail
cd "$(dirname "$0")/../../.."
DURATION="${1:-30}"
PORT=7391
export AKIN_LOAD_DIR="$PWD/target/load"
source src/test/load/prepare.sh

./akin serve --index "$AKIN_LOAD_DIR/index" --port $PORT > "$AKIN_LOAD_DIR/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
JVM=$(pgrep -f "akin.jar serve --index $AKIN_LOAD_DIR/index" | head -1)
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$JVM/status"; }

echo "| scenario | concurrency | req/s | p50 ms | p99 ms | errors | RSS before -> after (MB) |"
echo "|---|---|---|---|---|---|---|"
for scenario in similar search recommend; do
  wrk -t1 -c4 -d5s -s "$AKIN_LOAD_DIR/$scenario.lua" "http://127.0.0.1:$PORT" >/dev/null  # warm-up
  for c in 1 16 64; do
    threads=$(( c < 2 ? 1 : 2 ))
    before=$(rss)
    line=$(wrk -t$threads -c$c -d${DURATION}s --timeout 10s -s "$AKIN_LOAD_DIR/$scenario.lua" \
      "http://127.0.0.1:$PORT" | grep '^RESULT')
    after=$(rss)
    eval "$(echo "$line" | sed 's/^RESULT //; s/ /;/g')"
    echo "| $scenario | $c | $rps | $p50_ms | $p99_ms | $errors | $before -> $after |"
  done
done
kill $SERVER; wait $SERVER 2>/dev/null || true
trap - EXIT

echo
echo "Embedder alone, in-process, the same query texts and serve's settings (1 ORT thread x 2 predictors):"
mvn -q -B -Pbench test-compile exec:exec -Dbench.class=dev.akin.bench.QueryEmbedBench \
  -Dbench.args="$AKIN_LOAD_DIR/queries.txt $DURATION" 2>/dev/null | grep -v WARN
