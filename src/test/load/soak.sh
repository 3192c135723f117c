#!/usr/bin/env bash
# Soak: MINUTES (default 10) of mixed traffic at concurrency 32 against `./akin serve` on loopback: per minute
# throughput, p99 and errors, the server's RSS and its JVM native memory (NMT: heap, threads, code, and what
# ONNX Runtime allocates outside it shows in RSS minus NMT's committed total).
# Usage: src/test/load/soak.sh [MINUTES]
set -euo pipefail
cd "$(dirname "$0")/../../.."
MINUTES="${1:-10}"
PORT=7392
export AKIN_LOAD_DIR="$PWD/target/soak"
export AKIN_API_TOKEN="soak-token"
source src/test/load/prepare.sh

AKIN_JAVA_OPTS="-Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:NativeMemoryTracking=summary" \
  ./akin serve --index "$AKIN_LOAD_DIR/index" --port $PORT > "$AKIN_LOAD_DIR/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
JVM=$(pgrep -f "akin.jar serve --index $AKIN_LOAD_DIR/index" | head -1)
JCMD="$(dirname "$(readlink -f "/proc/$JVM/exe")")/jcmd"
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$JVM/status"; }
nmt() { "$JCMD" "$JVM" VM.native_memory summary scale=MB 2>/dev/null | sed -n 's/^Total: reserved=[0-9]*MB, committed=\([0-9]*\)MB.*/\1/p'; }

echo "| minute | req/s | p50 ms | p99 ms | errors | RSS MB | JVM committed MB (NMT) |"
echo "|---|---|---|---|---|---|---|"
echo "| start | | | | | $(rss) | $(nmt) |"
for m in $(seq 1 "$MINUTES"); do
  line=$(wrk -t2 -c32 -d60s --timeout 10s -s "$AKIN_LOAD_DIR/mixed.lua" "http://127.0.0.1:$PORT" | grep '^RESULT')
  eval "$(echo "$line" | sed 's/^RESULT //; s/ /;/g')"
  echo "| $m | $rps | $p50_ms | $p99_ms | $errors | $(rss) | $(nmt) |"
done
