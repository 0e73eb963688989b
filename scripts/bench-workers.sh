#!/usr/bin/env bash
# Worker benchmark against a provider that answers every analysis after a fixed delay (figures, not a pass/fail test):
#   1. one worker at WORKER_CONCURRENCY 64 and 256 (CONCURRENCIES): calls/s against the bound C / delay, peak RSS,
#      XREADGROUPs per call (fetching must batch: no extra round trip per call), CPU per call, how busy the cores were
#   2. horizontal scaling: 1, 2 and 4 worker processes (SCALE_WORKERS; empty skips it) at C=32 each against one Redis
#      and PostgreSQL
# Every call is a distinct dialog (the answer cache would serve repeats). The rate is measured in steady state: from
# the moment C calls are done to the moment the queue is down to its last C calls (no ramp-up, no tail).
# BASELINE_WORKER=<path to another callaudit-worker> runs part 1 with it too, row by row beside this tree's worker, so
# an older loop and the current one are compared in one run on one machine.
# Ports: BENCH_REDIS_PORT, BENCH_PG_PORT, BENCH_PORT (ingest), BENCH_PROVIDER_PORT (the stand-in).
set -euo pipefail
cd "$(dirname "$0")/.."

DELAY="${DELAY:-1}"
CONCURRENCIES="${CONCURRENCIES:-64 256}"
SCALE_WORKERS="${SCALE_WORKERS-1 2 4}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-20}"
PORT="${BENCH_PORT:-8090}"
PROVIDER_PORT="${BENCH_PROVIDER_PORT:-8091}"
export RUN_DIR="$PWD/.run/bench-workers" REDIS_PORT="${BENCH_REDIS_PORT:-63792}" PG_PORT="${BENCH_PG_PORT:-54331}"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
start_benchmark callaudit-ingest callaudit-worker
REDIS=(redis-cli -p "$REDIS_PORT")
peak_rss_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# CPU seconds a process has used (user + system).
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }
# The machine's busy and total jiffies, all cores.
machine_jiffies() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
done_calls() { "${PSQL[@]}" -c "SELECT count(*) FROM calls WHERE status IN ('done', 'failed')"; }
wait_done() { while [ "$(done_calls)" -lt "$1" ]; do sleep 0.1; done; }

python3 scripts/bench/slow_openai.py "$PROVIDER_PORT" "$DELAY" >"$RUN_DIR/provider.log" 2>&1 & pids+=($!)
PORT=$PORT HOST=127.0.0.1 LOG_LEVEL=warning "$BIN/callaudit-ingest" >"$RUN_DIR/ingest.log" 2>&1 & pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
export OPENAI_BASE_URL="http://127.0.0.1:$PROVIDER_PORT/v1" OPENAI_API_KEY=sk-bench PROVIDERS=openai LOG_LEVEL=warning

# run WORKERS CONCURRENCY [WORKER_BINARY]: queues enough distinct calls for SECONDS_PER_RUN, starts the workers, measures; sets RATE,
# BOUND, RSS (the largest worker's peak), FETCHES (XREADGROUPs per call), LATENCY (the provider's answer time as the
# worker saw it: near DELAY when the stand-in keeps up), CPU (the workers' CPU milliseconds per call) and BUSY (how busy
# the machine's cores were in the steady state: near 100% means the cores, not the loop, set the pace).
run() {
    local workers=$1 concurrency=$2 worker_binary=${3:-$BIN/callaudit-worker}
    BOUND=$(echo "$workers * $concurrency / $DELAY" | bc -l)
    local total warm last start_time start_done end_time end_done
    total=$(printf '%.0f' "$(echo "$BOUND * $SECONDS_PER_RUN + 2 * $workers * $concurrency" | bc -l)")
    "${PSQL[@]}" -c "SET client_min_messages = warning" -c "TRUNCATE calls CASCADE" -c "TRUNCATE provider_cache"
    "${REDIS[@]}" del callaudit:jobs callaudit:inflight >/dev/null
    local accepted
    accepted=$(python3 scripts/bench/submit.py "$PORT" "$total" distinct)
    "${REDIS[@]}" config resetstat >/dev/null
    local worker_pids=()
    for index in $(seq 1 "$workers"); do
        WORKER_CONCURRENCY=$concurrency WORKER_NAME="bench-$index" "$worker_binary" \
            >"$RUN_DIR/worker-$workers-$concurrency-$index.log" 2>&1 & worker_pids+=($!); pids+=($!)
    done
    warm=$((workers * concurrency))
    last=$((accepted - workers * concurrency))
    local busy_start busy_end cpu=0
    wait_done "$warm"
    start_time=$(date +%s.%N); start_done=$(done_calls); busy_start=$(machine_jiffies)
    wait_done "$last"
    end_time=$(date +%s.%N); end_done=$(done_calls); busy_end=$(machine_jiffies)
    wait_done "$accepted"
    RATE=$(echo "($end_done - $start_done) / ($end_time - $start_time)" | bc -l)
    BUSY=$(echo "$busy_start $busy_end" | awk '{printf "%.0f", 100 * ($3 - $1) / ($4 - $2)}')
    RSS=0
    for pid in "${worker_pids[@]}"; do
        RSS=$(( $(peak_rss_mb "$pid") > RSS ? $(peak_rss_mb "$pid") : RSS ))
        cpu=$(echo "$cpu + $(cpu_seconds "$pid")" | bc -l)
        kill "$pid"; wait "$pid" 2>/dev/null || true
    done
    CPU=$(echo "1000 * $cpu / $accepted" | bc -l)
    local reads
    reads=$("${REDIS[@]}" info commandstats | awk -F'[=,:]' '/^cmdstat_xreadgroup:/ {print $3}')
    FETCHES=$(echo "${reads:-0} / $accepted" | bc -l)
    LATENCY=$("${PSQL[@]}" -c "SELECT round(avg(latency_ms)) FROM provider_calls")
    local requests failed
    requests=$("${PSQL[@]}" -c "SELECT count(*) FROM provider_calls WHERE http_status = 200")
    failed=$("${PSQL[@]}" -c "SELECT count(*) FROM calls WHERE status = 'failed'")
    [ "$requests" = "$accepted" ] && [ "$failed" = 0 ] ||
        echo "warning: $accepted calls, $requests answered provider requests (the cache served the rest), $failed failed" >&2
}

echo "== 1. one worker, provider answering after ${DELAY}s"
printf '%-9s %-12s %10s %8s %9s %10s %16s %18s %13s %10s\n' "worker" "concurrency" "calls/s" "bound" "of bound" \
    "peak RSS" "XREADGROUP/call" "provider latency" "CPU ms/call" "cores busy"
workers_to_compare=("now=$BIN/callaudit-worker")
[ -n "${BASELINE_WORKER:-}" ] && workers_to_compare=("before=$BASELINE_WORKER" "${workers_to_compare[@]}")
for concurrency in $CONCURRENCIES; do
    for labelled in "${workers_to_compare[@]}"; do
        run 1 "$concurrency" "${labelled#*=}"
        printf '%-9s %-12s %10.1f %8.0f %8.1f%% %7s MB %16.3f %15s ms %13.2f %9s%%\n' "${labelled%%=*}" "$concurrency" \
            "$RATE" "$BOUND" "$(echo "100 * $RATE / $BOUND" | bc -l)" "$RSS" "$FETCHES" "$LATENCY" "$CPU" "$BUSY"
    done
done

[ -n "$SCALE_WORKERS" ] || exit 0
echo "== 2. horizontal scaling: worker processes at C=32 each, provider answering after ${DELAY}s"
printf '%-8s %10s %8s %9s %8s %18s %10s\n' "workers" "calls/s" "bound" "of bound" "vs one" "provider latency" "cores busy"
single=0
for workers in $SCALE_WORKERS; do
    run "$workers" 32
    [ "$workers" = 1 ] && single=$RATE
    printf '%-8s %10.1f %8.0f %8.1f%% %7.2fx %15s ms %9s%%\n' "$workers" "$RATE" "$BOUND" "$(echo "100 * $RATE / $BOUND" | bc -l)" \
        "$(echo "$RATE / $single" | bc -l)" "$LATENCY" "$BUSY"
done
echo "stand-in: $(curl -fs "http://127.0.0.1:$PROVIDER_PORT/stats")"
