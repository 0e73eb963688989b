#!/usr/bin/env bash
# Live calls (figures, not a pass/fail test): how many sessions of GET /v1/live one ingest process holds at real-time
# pace, relayed to a realtime stand-in (scripts/bench/realtime_echo.py), with the ingest's CPU and peak RSS, and the
# delay from a frame sent to its transcript delta received back through the ingest. SESSIONS (default "100 200"),
# LIVE_SECONDS per session (default 30). Ports: BENCH_LIVE_REDIS_PORT, BENCH_LIVE_PG_PORT, BENCH_LIVE_PORT,
# BENCH_LIVE_REALTIME_PORT; they differ from the other benchmarks'.
set -euo pipefail
cd "$(dirname "$0")/.."

SESSIONS="${SESSIONS:-100 200}"
SECONDS_PER_SESSION="${LIVE_SECONDS:-30}"
PORT="${BENCH_LIVE_PORT:-8094}"
REALTIME_PORT="${BENCH_LIVE_REALTIME_PORT:-8095}"
export RUN_DIR="$PWD/.run/bench-live" REDIS_PORT="${BENCH_LIVE_REDIS_PORT:-63798}" PG_PORT="${BENCH_LIVE_PG_PORT:-54338}"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
start_benchmark callaudit-ingest
PYTHON=.run/venv/bin/python
"$PYTHON" scripts/bench/realtime_echo.py "$REALTIME_PORT" >"$RUN_DIR/realtime.log" 2>&1 & pids+=($!)
export OPENAI_API_KEY=sk-bench OPENAI_REALTIME_URL="ws://127.0.0.1:$REALTIME_PORT/v1/realtime?intent=transcription" \
    LOG_LEVEL=warning LIVE_MAX_SESSIONS=1000
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "== live sessions at real-time pace, ${SECONDS_PER_SESSION} s each, G.711 μ-law in 20 ms frames"
for sessions in $SESSIONS; do
    PORT=$PORT HOST=127.0.0.1 "$BIN/callaudit-ingest" >"$RUN_DIR/ingest.log" 2>&1 & ingest=$!; pids+=($ingest)
    for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
    idle_kb=$(awk '/VmRSS/ {print $2}' "/proc/$ingest/status")
    ticks=$(cpu_ticks "$ingest"); started=$(date +%s.%N)
    figures=$("$PYTHON" scripts/bench/live_sessions.py "ws://127.0.0.1:$PORT/v1/live?format=g711_ulaw&manager_id=bench" \
        "$sessions" "$SECONDS_PER_SESSION")
    elapsed=$(echo "$(date +%s.%N) - $started" | bc -l)
    cpu=$(echo "($(cpu_ticks "$ingest") - $ticks) / $(getconf CLK_TCK) / $elapsed * 100" | bc -l)
    peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$ingest/status")
    stored=$("${PSQL[@]}" -c "SELECT count(*) FROM calls WHERE source = 'live'")
    printf '%4d sessions: ingest CPU %5.1f%% of one core, RSS %5.1f MB idle -> peak %5.1f MB (%4.2f MB a session); stored %s; %s\n' \
        "$sessions" "$cpu" "$(echo "$idle_kb / 1024" | bc -l)" "$(echo "$peak_kb / 1024" | bc -l)" \
        "$(echo "($peak_kb - $idle_kb) / 1024 / $sessions" | bc -l)" "$stored" "$figures"
    kill "$ingest"; wait "$ingest" 2>/dev/null || true
    "${PSQL[@]}" -c "TRUNCATE calls CASCADE; TRUNCATE call_audio_chunks"
done
