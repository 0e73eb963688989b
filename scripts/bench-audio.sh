#!/usr/bin/env bash
# Memory per recording (figures, not a pass/fail test): what one call's recording costs each service at its peak.
#   1. one upload of 25 MB and one of 100 MB (SIZES_MB) through POST /v1/calls/audio, each transcribed and analyzed
#      through an OpenAI-compatible stand-in: the ingest's and the worker's peak RSS growth as a multiple of the
#      recording's size (the ingest's growth over its peak before the upload; the worker's over the peak of a worker
#      that started and idled with nothing queued, since each size gets fresh processes)
#   2. one worker at WORKER_CONCURRENCY=8 processing eight distinct 25 MB recordings at once: its peak RSS and growth
# Targets (issue 15): each service at most 1.5x one recording per call in flight; the ingest's growth not following
# the upload's size. Ports: BENCH_AUDIO_REDIS_PORT, BENCH_AUDIO_PG_PORT, BENCH_AUDIO_PORT (ingest), BENCH_AUDIO_PROVIDER_PORT
# (the stand-in); they differ from bench.sh's, which runs this script as its last part.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES_MB="${SIZES_MB:-25 100}"
PARALLEL="${PARALLEL:-8}"
DELAY="${DELAY:-1}"
PORT="${BENCH_AUDIO_PORT:-8092}"
PROVIDER_PORT="${BENCH_AUDIO_PROVIDER_PORT:-8093}"
export RUN_DIR="$PWD/.run/bench-audio" REDIS_PORT="${BENCH_AUDIO_REDIS_PORT:-63797}" PG_PORT="${BENCH_AUDIO_PG_PORT:-54337}"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
start_benchmark callaudit-ingest callaudit-worker
MB=$((1000 * 1000))
peak_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
done_calls() { "${PSQL[@]}" -c "SELECT count(*) FROM calls WHERE status IN ('done', 'failed')"; }
wait_done() { while [ "$(done_calls)" -lt "$1" ]; do sleep 0.2; done; }
ratio() { echo "scale=2; $1 * 1024 / $2" | bc -l; }

python3 scripts/bench/slow_openai.py "$PROVIDER_PORT" "$DELAY" >"$RUN_DIR/provider.log" 2>&1 & pids+=($!)
export OPENAI_BASE_URL="http://127.0.0.1:$PROVIDER_PORT/v1" OPENAI_API_KEY=sk-bench PROVIDERS=openai \
    OPENAI_TRANSCRIBE_MODEL=whisper-1 LOG_LEVEL=warning

start_ingest() {
    PORT=$PORT HOST=127.0.0.1 "$BIN/callaudit-ingest" >"$RUN_DIR/ingest.log" 2>&1 & ingest_pid=$!; pids+=($ingest_pid)
    for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
    sleep 1
}
# The peak RSS of a worker that started and idled (no calls queued), in kB.
idle_worker_kb() {
    "$BIN/callaudit-worker" >"$RUN_DIR/idle-worker.log" 2>&1 & local pid=$!
    sleep 3
    peak_kb "$pid"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}
upload() { curl -fsS -o /dev/null -F "audio=@$1;type=audio/wav" -F manager_id=bench "http://127.0.0.1:$PORT/v1/calls/audio"; }
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

declare -A rows
echo "== 1. one recording at a time"
for size in $SIZES_MB; do
    python3 scripts/bench/make_wav.py $((size * MB)) "$size" "$RUN_DIR/call.wav"
    bytes=$(stat -c %s "$RUN_DIR/call.wav")
    start_ingest
    "${PSQL[@]}" -c "TRUNCATE calls CASCADE; TRUNCATE call_audio_chunks; TRUNCATE provider_cache"
    worker_idle=$(idle_worker_kb)
    ingest_before=$(peak_kb "$ingest_pid")
    upload "$RUN_DIR/call.wav"
    ingest_growth=$(($(peak_kb "$ingest_pid") - ingest_before))
    WORKER_CONCURRENCY=1 "$BIN/callaudit-worker" >"$RUN_DIR/worker.log" 2>&1 & worker_pid=$!; pids+=($worker_pid)
    wait_done 1
    worker_growth=$(($(peak_kb "$worker_pid") - worker_idle))
    status=$("${PSQL[@]}" -c "SELECT status FROM calls")
    stop "$worker_pid"; stop "$ingest_pid"
    rows[$size]=$(printf '%-8s %-6s ingest +%6.1f MB (%sx)   worker +%6.1f MB (%sx)' "${size} MB" "$status" \
        "$(echo "$ingest_growth / 1024" | bc -l)" "$(ratio "$ingest_growth" "$bytes")" \
        "$(echo "$worker_growth / 1024" | bc -l)" "$(ratio "$worker_growth" "$bytes")")
    echo "${rows[$size]}"
done

echo "== 2. one worker at WORKER_CONCURRENCY=$PARALLEL, $PARALLEL distinct 25 MB recordings at once"
start_ingest
"${PSQL[@]}" -c "TRUNCATE calls CASCADE; TRUNCATE call_audio_chunks; TRUNCATE provider_cache"
for seed in $(seq 1 "$PARALLEL"); do
    python3 scripts/bench/make_wav.py $((25 * MB)) "$((seed + 100))" "$RUN_DIR/call-$seed.wav"
done
worker_idle=$(idle_worker_kb)
ingest_before=$(peak_kb "$ingest_pid")
uploads=()
for seed in $(seq 1 "$PARALLEL"); do upload "$RUN_DIR/call-$seed.wav" & uploads+=($!); done
for job in "${uploads[@]}"; do wait "$job"; done
parallel_ingest=$(($(peak_kb "$ingest_pid") - ingest_before))
WORKER_CONCURRENCY=$PARALLEL "$BIN/callaudit-worker" >"$RUN_DIR/worker.log" 2>&1 & worker_pid=$!; pids+=($worker_pid)
wait_done "$PARALLEL"
worker_peak=$(peak_kb "$worker_pid")
parallel_growth=$((worker_peak - worker_idle))
failed=$("${PSQL[@]}" -c "SELECT count(*) FROM calls WHERE status <> 'done'")
stop "$worker_pid"

echo
echo "== summary (growth of peak RSS; x = multiples of one recording's size)"
for size in $SIZES_MB; do echo "${rows[$size]}"; done
printf '%s worker at C=%s: peak RSS %.1f MB, +%.1f MB = %sx one 25 MB recording (%.2fx per call in flight); not done: %s\n' \
    "$PARALLEL calls:" "$PARALLEL" "$(echo "$worker_peak / 1024" | bc -l)" "$(echo "$parallel_growth / 1024" | bc -l)" \
    "$(ratio "$parallel_growth" $((25 * MB)))" "$(echo "$parallel_growth * 1024 / (25 * $MB * $PARALLEL)" | bc -l)" "$failed"
printf '%s ingest receiving them at once: +%.1f MB\n' "$PARALLEL uploads:" "$(echo "$parallel_ingest / 1024" | bc -l)"
