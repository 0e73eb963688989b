#!/usr/bin/env bash
# Chaos run on the real stack, on this machine: CALLS text calls (default 1000) are submitted while workers are
# killed with SIGKILL at random and restarted, Redis is restarted once and PostgreSQL once. Calls are analyzed
# through a local OpenAI-compatible server that fails a share of requests (500, 429 with retry-after-ms), with no
# local fallback, so provider retries and queue retries are exercised too. At the end every accepted call must be
# done exactly once, with one result, and nothing left pending; it prints the figures and exits 1 otherwise.
#   scripts/chaos.sh                     # 1000 calls, 3 workers
#   CALLS=5000 WORKERS=4 scripts/chaos.sh
set -euo pipefail
cd "$(dirname "$0")/.."

CALLS="${CALLS:-1000}"
WORKERS="${WORKERS:-3}"
PORT="${CHAOS_PORT:-8091}"
PROVIDER_PORT="${CHAOS_PROVIDER_PORT:-8092}"
FAILURE_SHARE="${FAILURE_SHARE:-0.1}"
export RUN_DIR="$PWD/.run/chaos" REDIS_PORT="${CHAOS_REDIS_PORT:-63793}" PG_PORT="${CHAOS_PG_PORT:-54332}"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
scripts/setup.sh
build_release callaudit-ingest callaudit-worker
fresh_servers
LOGS="$RUN_DIR/logs"
mkdir -p "$LOGS"
PSQL=(psql -X -q -tA "$DATABASE_URL")
worker_pids=()
trap 'kill -9 "${worker_pids[@]}" 2>/dev/null || true; stop_started' EXIT

export HOST=127.0.0.1 PORT LOG_LEVEL=warning QUEUE_PREFIX=chaos WORKER_CONCURRENCY=16 \
    JOB_VISIBILITY_TIMEOUT_SECONDS=5 SWEEP_INTERVAL_SECONDS=2 SWEEP_IDLE_SECONDS=5 JOB_RETRY_BASE_MILLISECONDS=200 \
    JOB_RETRY_MAX_SECONDS=5 JOB_MAX_ATTEMPTS=25 PROVIDERS=openai OPENAI_API_KEY=sk-chaos-not-a-real-key \
    OPENAI_BASE_URL="http://127.0.0.1:$PROVIDER_PORT/v1" PROVIDER_RETRY_BASE_MILLISECONDS=50 WORKER_SHUTDOWN_GRACE_SECONDS=5

python3 scripts/chaos/fake_openai.py "$PROVIDER_PORT" "$FAILURE_SHARE" >"$LOGS/provider.log" 2>&1 & pids+=($!)
"$BIN/callaudit-ingest" >"$LOGS/ingest.log" 2>&1 & pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null && break; sleep 0.1; done
start_worker() { WORKER_NAME="chaos-$1-$RANDOM" "$BIN/callaudit-worker" >>"$LOGS/worker-$1.log" 2>&1 & worker_pids[$1]=$!; }
for index in $(seq 0 $((WORKERS - 1))); do start_worker "$index"; done

echo "== submitting $CALLS calls while workers are killed and Redis and PostgreSQL restart"
started=$(date +%s.%N)
python3 scripts/chaos/submit.py "$PORT" "$CALLS" "$RUN_DIR/accepted.txt" >"$RUN_DIR/retried.txt" & submitter=$!
kills=0 redis_restarts=0 postgres_restarts=0
elapsed() { echo "$(date +%s.%N) - $started" | bc; }
while kill -0 "$submitter" 2>/dev/null || [ "$redis_restarts" = 0 ] || [ "$postgres_restarts" = 0 ]; do
    sleep "$(echo "scale=2; ($RANDOM % 150 + 50) / 100" | bc)"
    victim=$((RANDOM % WORKERS))
    kill -9 "${worker_pids[$victim]}" 2>/dev/null || true
    wait "${worker_pids[$victim]}" 2>/dev/null || true
    kills=$((kills + 1))
    start_worker "$victim"
    if [ "$redis_restarts" = 0 ] && [ "$(echo "$(elapsed) > 4" | bc)" = 1 ]; then
        echo "   $(elapsed | cut -c1-5)s: restarting Redis"
        scripts/services.sh restart-redis >/dev/null
        redis_restarts=1
    elif [ "$postgres_restarts" = 0 ] && [ "$(echo "$(elapsed) > 9" | bc)" = 1 ]; then
        echo "   $(elapsed | cut -c1-5)s: restarting PostgreSQL"
        scripts/services.sh restart-postgres >/dev/null
        postgres_restarts=1
    fi
done
wait "$submitter"
submitted_at=$(date +%s.%N)
accepted=$(wc -l < "$RUN_DIR/accepted.txt")
echo "   all $accepted calls accepted after $(elapsed | cut -c1-5)s; $kills workers killed so far"

"${PSQL[@]}" -c "CREATE TABLE chaos_accepted (id uuid PRIMARY KEY)"
"${PSQL[@]}" -c "\\copy chaos_accepted FROM '$RUN_DIR/accepted.txt'"
count() { "${PSQL[@]}" -c "$1"; }
echo "== draining"
deadline=$(( $(date +%s) + ${DRAIN_TIMEOUT_SECONDS:-300} ))
# Drained means every call done and the queue empty: an entry whose worker was killed between commit and ack stays
# pending until the reaper reclaims it (JOB_VISIBILITY_TIMEOUT_SECONDS) and acks it as finished.
queue_left() {
    echo $(( $(redis-cli -p "$REDIS_PORT" xpending chaos:jobs workers 2>/dev/null | head -1) \
        + $(redis-cli -p "$REDIS_PORT" zcard chaos:delayed) + $(redis-cli -p "$REDIS_PORT" scard chaos:inflight) ))
}
while [ "$(date +%s)" -lt "$deadline" ]; do
    done_count=$(count "SELECT count(*) FROM calls JOIN chaos_accepted USING (id) WHERE status = 'done'")
    [ "$done_count" = "$accepted" ] && [ "$(queue_left)" = 0 ] && break
    sleep 0.5
done
drained=$(printf "%.2f" "$(echo "$(date +%s.%N) - $submitted_at" | bc)")

stored=$(count "SELECT count(*) FROM calls JOIN chaos_accepted USING (id)")
done_count=$(count "SELECT count(*) FROM calls JOIN chaos_accepted USING (id) WHERE status = 'done'")
failed=$(count "SELECT count(*) FROM calls WHERE status = 'failed'")
unaccepted=$(count "SELECT count(*) FROM calls WHERE id NOT IN (SELECT id FROM chaos_accepted)")
results=$(count "SELECT count(*) FROM call_results JOIN chaos_accepted ON chaos_accepted.id = call_results.call_id")
criteria_dupes=$(count "SELECT count(*) FROM (SELECT call_id, key FROM criterion_scores GROUP BY 1, 2 HAVING count(*) > 1) d")
requests=$(count "SELECT count(*) FROM provider_calls")
failed_requests=$(count "SELECT count(*) FROM provider_calls WHERE http_status <> 200")
charged_twice=$(count "SELECT count(*) FROM (SELECT call_id FROM provider_calls WHERE http_status = 200 GROUP BY 1 HAVING count(*) > 1) d")
pending=$(redis-cli -p "$REDIS_PORT" xpending chaos:jobs workers 2>/dev/null | head -1)
delayed=$(redis-cli -p "$REDIS_PORT" zcard chaos:delayed)
inflight=$(redis-cli -p "$REDIS_PORT" scard chaos:inflight)
dead=$(redis-cli -p "$REDIS_PORT" xlen chaos:dead)
lost=$((accepted - done_count))

echo "== figures"
printf '%-44s %s\n' "calls accepted (202)" "$accepted" \
    "submissions retried (503 or no answer)" "$(cat "$RUN_DIR/retried.txt")" \
    "workers killed with SIGKILL" "$kills" \
    "Redis restarts / PostgreSQL restarts" "$redis_restarts / $postgres_restarts" \
    "accepted calls stored / done" "$stored / $done_count" \
    "lost (accepted, not done)" "$lost" \
    "failed calls / dead letters" "$failed / $dead" \
    "calls stored without a 202" "$unaccepted" \
    "result rows for accepted calls" "$results" \
    "duplicated criterion rows" "$criteria_dupes" \
    "provider requests (of which failed, retried)" "$requests ($failed_requests)" \
    "calls charged twice (killed between answer and commit)" "$charged_twice" \
    "left pending / delayed / in flight in Redis" "${pending:-0} / $delayed / $inflight" \
    "time to drain after the last submission" "${drained}s"
if [ "$lost" = 0 ] && [ "$failed" = 0 ] && [ "$results" = "$accepted" ] && [ "$criteria_dupes" = 0 ] \
    && [ "${pending:-0}" = 0 ] && [ "$delayed" = 0 ] && [ "$inflight" = 0 ] && [ "$unaccepted" = 0 ]; then
    echo "== every accepted call is done exactly once; nothing is pending"
else
    echo "== FAILED: see the figures above and $LOGS" >&2
    exit 1
fi
