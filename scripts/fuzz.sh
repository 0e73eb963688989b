#!/usr/bin/env bash
# Property-based run over the whole API with schemathesis (from PyPI): it reads /openapi.json (openapi.yaml), generates
# valid and invalid requests for every route and fails on any 5xx and on any answer the document does not describe (a
# status it does not list, another content type, a body outside the schema, a missing documented header); both
# services must still be running at the end.
#   scripts/fuzz.sh                 # 100 examples per operation
#   EXAMPLES=500 scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."

EXAMPLES="${EXAMPLES:-100}"
PORT="${FUZZ_PORT:-8093}"
export RUN_DIR="$PWD/.run/fuzz" REDIS_PORT="${FUZZ_REDIS_PORT:-63794}" PG_PORT="${FUZZ_PG_PORT:-54333}"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
scripts/setup.sh
if [ ! -x "$RUN_DIR/venv/bin/st" ]; then
    echo "== installing schemathesis"
    python3 -m venv "$RUN_DIR/venv"
    "$RUN_DIR/venv/bin/pip" install -q "schemathesis~=4.32"
fi
build_release callaudit-ingest callaudit-worker
fresh_servers
mkdir -p "$RUN_DIR/logs"
trap stop_started EXIT
# An admin key, sent with every request, opens the admin routes to the run (without API_KEYS the others ignore it).
export HOST=127.0.0.1 PORT QUEUE_PREFIX=fuzz SEED_WAIT_SECONDS=1 LOG_LEVEL=warning ADMIN_API_KEYS=fuzz-admin
"$BIN/callaudit-ingest" >"$RUN_DIR/logs/ingest.log" 2>&1 & ingest=$!; pids+=($ingest)
"$BIN/callaudit-worker" >"$RUN_DIR/logs/worker.log" 2>&1 & worker=$!; pids+=($worker)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null && break; sleep 0.1; done

echo "== schemathesis: $EXAMPLES examples per operation, failing on any 5xx or answer outside openapi.yaml"
status=0
# The coverage phase is left out: on GET /v1/calls it trips an internal error of hypothesis 6.170 ("AST constructor
# recursion depth mismatch") that has nothing to do with the API.
"$RUN_DIR/venv/bin/st" run "http://127.0.0.1:$PORT/openapi.json" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
    --header "Authorization: Bearer fuzz-admin" --phases "${PHASES:-examples,fuzzing,stateful}" --max-examples "$EXAMPLES" \
    --workers 2 --request-timeout 30 --seed "${SEED:-1}" || status=$?
for pid in "$ingest" "$worker"; do
    kill -0 "$pid" 2>/dev/null || { echo "a service died during the run; see $RUN_DIR/logs" >&2; status=1; }
done
exit "$status"
