#!/usr/bin/env bash
# Benchmark on this machine, in one run (figures, not a pass/fail test):
#   1. yardstick: pgbench's single-row INSERT rate on the same PostgreSQL server (64 clients)
#   2. ingest: accepted text calls per second and p50/p99 latency with wrk at 64 connections on POST /v1/calls,
#      and the ingest's peak RSS
#   3. worker: one process draining 10,000 short text calls with the offline analyzer, and its peak RSS
#   4. the offline analyzer alone: microseconds per call for each sample dialog and for a long call
#   5. memory per recording: scripts/bench-audio.sh (25 and 100 MB uploads, eight 25 MB calls at once); AUDIO=0 skips it
#   6. live calls: scripts/bench-live.sh (100 and 200 sessions at real-time pace through a realtime stand-in); LIVE=0
#      skips it
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-15}"
CALLS="${CALLS:-10000}"
PORT="${BENCH_PORT:-8090}"
export RUN_DIR="$PWD/.run/bench" REDIS_PORT="${BENCH_REDIS_PORT:-63792}" PG_PORT="${BENCH_PG_PORT:-54331}"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
start_benchmark callaudit-ingest callaudit-worker callaudit-analyzer-benchmark
peak_rss_mb() { awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }

echo "== 1. pgbench: single-row INSERT, 64 clients, ${DURATION}s"
"${PSQL[@]}" -c "CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, payload text, created_at timestamptz DEFAULT now())"
echo "INSERT INTO bench_insert (payload) VALUES ('Agent: Hello, my name is Ann from Acme. How can I help?');" > "$RUN_DIR/insert.sql"
pgbench_tps=$(pgbench -n -c 64 -j 2 -T "$DURATION" -f "$RUN_DIR/insert.sql" "$DATABASE_URL" 2>/dev/null \
    | awk '/^tps/ {print int($3)}')
echo "pgbench inserts/s: $pgbench_tps"

echo "== 2. ingest: wrk -t2 -c64 -d${DURATION}s POST /v1/calls"
PORT=$PORT HOST=127.0.0.1 LOG_LEVEL=warning "$BIN/callaudit-ingest" >"$RUN_DIR/ingest.log" 2>&1 & ingest_pid=$!; pids+=($ingest_pid)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
wrk -t2 -c64 -d5s -s scripts/bench/post_call.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t2 -c64 -d"${DURATION}s" --latency -s scripts/bench/post_call.lua "http://127.0.0.1:$PORT" > "$RUN_DIR/wrk.txt"
ingest_rps=$(awk '/Requests\/sec/ {print int($2)}' "$RUN_DIR/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$RUN_DIR/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$RUN_DIR/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $5}' "$RUN_DIR/wrk.txt")
ingest_rss=$(peak_rss_mb "$ingest_pid")
ingest_cpu=$(cpu_seconds "$ingest_pid")
echo "ingest accepted/s: $ingest_rps  p50: $p50  p99: $p99  non-2xx: ${non2xx:-0}  peak RSS: ${ingest_rss} MB  CPU: ${ingest_cpu} s"

echo "== 3. worker: draining $CALLS short text calls"
"${PSQL[@]}" -c "TRUNCATE calls CASCADE"
redis-cli -p "$REDIS_PORT" flushall >/dev/null
kill "$ingest_pid"; wait "$ingest_pid" 2>/dev/null || true
PORT=$PORT HOST=127.0.0.1 LOG_LEVEL=warning "$BIN/callaudit-ingest" >"$RUN_DIR/ingest.log" 2>&1 & ingest_pid=$!; pids+=($ingest_pid)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
accepted=$(python3 scripts/bench/submit.py "$PORT" "$CALLS")
echo "queued: $accepted"
start=$(date +%s.%N)
LOG_LEVEL=warning "$BIN/callaudit-worker" >"$RUN_DIR/worker.log" 2>&1 & worker_pid=$!; pids+=($worker_pid)
while :; do
    done_count=$("${PSQL[@]}" -c "SELECT count(*) FROM calls WHERE status IN ('done', 'failed')")
    [ "$done_count" -ge "$accepted" ] && break
    sleep 0.1
done
end=$(date +%s.%N)
worker_rss=$(peak_rss_mb "$worker_pid")
worker_cpu=$(cpu_seconds "$worker_pid")
seconds=$(echo "$end - $start" | bc -l)
worker_rate=$(echo "$accepted / $seconds" | bc -l)
printf 'worker drained %d calls in %.2f s: %.0f calls/s  peak RSS: %s MB  CPU: %s s (%.0f µs per call)\n' \
    "$accepted" "$seconds" "$worker_rate" "$worker_rss" "$worker_cpu" "$(echo "$worker_cpu * 1000000 / $accepted" | bc -l)"

echo "== 4. offline analyzer alone (the sample calls, then the same calls without speaker labels)"
"$BIN/callaudit-analyzer-benchmark" samples/calls.jsonl
"$BIN/callaudit-analyzer-benchmark" samples/unlabelled.jsonl

echo
echo "== summary"
printf '%-44s %s\n' "pgbench single-row inserts/s (yardstick)" "$pgbench_tps"
printf '%-44s %s (%.0f%% of pgbench; target >= 40%%)\n' "ingest accepted calls/s (wrk, 64 conns)" "$ingest_rps" \
    "$(echo "100 * $ingest_rps / $pgbench_tps" | bc -l)"
printf '%-44s %s / %s (target p99 <= 25 ms)\n' "ingest latency p50 / p99" "$p50" "$p99"
printf '%-44s %s MB (target <= 60 MB)\n' "ingest peak RSS" "$ingest_rss"
printf '%-44s %.0f (target >= 1000)\n' "worker calls/s (one process, offline analyzer)" "$worker_rate"
printf '%-44s %s MB\n' "worker peak RSS" "$worker_rss"

if [ "${AUDIO:-1}" != 0 ]; then
    echo
    echo "== 5. memory per recording (scripts/bench-audio.sh)"
    scripts/bench-audio.sh
fi

if [ "${LIVE:-1}" != 0 ]; then
    echo
    echo "== 6. live calls (scripts/bench-live.sh)"
    scripts/bench-live.sh
fi
