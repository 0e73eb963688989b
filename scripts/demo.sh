#!/usr/bin/env bash
# The main job: sets everything up, starts local Redis and PostgreSQL and both services, sends the sample calls
# (Russian, Korean, English; several managers) through them and prints the per-manager report.
#   scripts/demo.sh           # stops everything at the end
#   KEEP_RUNNING=1 scripts/demo.sh   # leaves the stack running on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8000}"
LOG_DIR="${RUN_DIR:-$PWD/.run}/logs"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
scripts/setup.sh
build_release callaudit-ingest callaudit-worker
scripts/services.sh start
# shellcheck disable=SC1091
source "${RUN_DIR:-$PWD/.run}/env"
mkdir -p "$LOG_DIR"

if [ -z "${KEEP_RUNNING:-}" ]; then trap stop_started EXIT; fi

export PORT HOST=127.0.0.1 QUEUE_PREFIX="${QUEUE_PREFIX:-callaudit}"
"$BIN/callaudit-ingest" >"$LOG_DIR/ingest.log" 2>&1 & pids+=($!)
"$BIN/callaudit-worker" >"$LOG_DIR/worker.log" 2>&1 & pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null || { echo "ingest is not ready; see $LOG_DIR/ingest.log" >&2; exit 1; }

echo "== sending $(wc -l < samples/calls.jsonl) sample calls"
ids=()
while IFS= read -r body; do
    id=$(curl -fsS -X POST "http://127.0.0.1:$PORT/v1/calls" -H 'Content-Type: application/json' --data-binary "$body" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    ids+=("$id")
done < samples/calls.jsonl

echo "== waiting for the worker"
for _ in $(seq 1 150); do
    pending=0
    for id in "${ids[@]}"; do
        status=$(curl -fsS "http://127.0.0.1:$PORT/v1/calls/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
        case "$status" in done|failed) ;; *) pending=$((pending + 1)) ;; esac
    done
    [ "$pending" = 0 ] && break
    sleep 0.2
done

echo "== calls"
for id in "${ids[@]}"; do
    curl -fsS "http://127.0.0.1:$PORT/v1/calls/$id" | python3 scripts/print_call.py
done
echo
echo "== per-manager report (GET /v1/reports/managers)"
curl -fsS "http://127.0.0.1:$PORT/v1/reports/managers" | python3 scripts/print_report.py
if [ -n "${KEEP_RUNNING:-}" ]; then
    echo "the stack keeps running on http://127.0.0.1:$PORT (pids ${pids[*]}); scripts/services.sh stop stops the servers"
    echo "the dashboard, with the sample calls in it: http://127.0.0.1:$PORT/calls (managers: /managers, API explorer: /docs)"
else
    echo "(KEEP_RUNNING=1 scripts/demo.sh leaves the stack running; the dashboard is then on http://127.0.0.1:$PORT/)"
fi
