#!/usr/bin/env bash
# The dashboard's browser tests: starts callaudit-ingest and callaudit-worker (offline analyzer, no provider keys) on
# the Redis and PostgreSQL that scripts/test.sh started, on a database and queue prefix of their own, and drives the
# pages in headless Chromium (Selenium). Screenshots of every screen go to .run/screenshots.
#   scripts/test.sh runs it after `swift test`; alone: RUN_DIR=.run/test scripts/browser-tests.sh (servers running)
set -euo pipefail
cd "$(dirname "$0")/.."

RUN_DIR="${RUN_DIR:-$PWD/.run/test}"
# shellcheck disable=SC1091
source "$RUN_DIR/env"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
BIN="${CALLAUDIT_BIN_DIR:-$(swift build "${TEST_BUILD[@]}" --show-bin-path)}"
PORT="${BROWSER_PORT:-18780}"
LOG_DIR="$RUN_DIR/browser"
mkdir -p "$LOG_DIR" .run/screenshots

database=callaudit_browser
PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/$database"
export QUEUE_PREFIX="browser-$$" HOST=127.0.0.1 PORT METRICS_PORT=$((PORT + 1)) LOG_LEVEL=info
unset OPENAI_API_KEY AZURE_OPENAI_API_KEY HUGGINGFACE_API_TOKEN API_KEYS ADMIN_API_KEYS

pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop EXIT
"$BIN/callaudit-ingest" >"$LOG_DIR/ingest.log" 2>&1 & pids+=($!)
"$BIN/callaudit-worker" >"$LOG_DIR/worker.log" 2>&1 & pids+=($!)
# a second ingest on the same data with keys set: the dashboard needs a sign-in there
PORT=$((PORT + 2)) API_KEYS=browser-user-key ADMIN_API_KEYS=browser-admin-key "$BIN/callaudit-ingest" >"$LOG_DIR/ingest-keys.log" 2>&1 & pids+=($!)
for port in "$PORT" $((PORT + 2)); do
    for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/ready" >/dev/null && break; sleep 0.2; done
    curl -fs "http://127.0.0.1:$port/ready" >/dev/null || { echo "ingest on $port is not ready; see $LOG_DIR" >&2; exit 1; }
done

DASHBOARD_URL="http://127.0.0.1:$PORT" SIGNED_DASHBOARD_URL="http://127.0.0.1:$((PORT + 2))" DASHBOARD_KEY=browser-user-key \
    DASHBOARD_ADMIN_KEY=browser-admin-key \
    SCREENSHOT_DIR="$PWD/.run/screenshots" .run/venv/bin/python tests/browser/dashboard_test.py
