#!/usr/bin/env bash
# Reports at call-center scale, on this machine, in one run (figures, not a pass/fail test):
#   1. seeds CALLS analyzed calls (default 1,000,000) from MANAGERS managers (1,000) over the last DAYS days (30)
#      straight into calls, call_results and criterion_scores with generate_series (scripts/bench/seed_reports.sql),
#      the aggregate triggers off
#   2. the ingest's backfill of the report aggregates over the seeded results: how long it takes, and how long an
#      update of a result waits meanwhile
#   3. the reports through the HTTP API: median of RUNS runs each (curl's total time)
#   4. the write path: one worker draining WRITE_CALLS short text calls with the offline analyzer, with the aggregate
#      triggers enabled and disabled, alternating, ROUNDS times each, at each WORKER_CONCURRENCY of WRITE_CONCURRENCIES
#      (16, the default, and 64); the medians and the drop, of the rate and as the CPU a drained call takes
set -euo pipefail
cd "$(dirname "$0")/.."

CALLS="${CALLS:-1000000}"
MANAGERS="${MANAGERS:-1000}"
DAYS="${DAYS:-30}"
RUNS="${RUNS:-5}"
WRITE_CALLS="${WRITE_CALLS:-10000}"
WRITE_CONCURRENCIES="${WRITE_CONCURRENCIES:-16 64}"
ROUNDS="${ROUNDS:-3}"
PORT="${BENCH_PORT:-8092}"
export RUN_DIR="$PWD/.run/bench-reports" REDIS_PORT="${BENCH_REDIS_PORT:-63793}" PG_PORT="${BENCH_PG_PORT:-54332}"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
start_benchmark callaudit-ingest callaudit-worker
BASE="http://127.0.0.1:$PORT"

ingest_pid=
start_ingest() {
    PORT=$PORT HOST=127.0.0.1 LOG_LEVEL=warning "$BIN/callaudit-ingest" >>"$RUN_DIR/ingest.log" 2>&1 & ingest_pid=$!
    pids+=($ingest_pid)
    for _ in $(seq 1 600); do curl -fs "$BASE/health" >/dev/null && return; sleep 0.1; done
    echo "ingest did not start; see $RUN_DIR/ingest.log" >&2; exit 1
}
stop_ingest() { kill "$ingest_pid"; wait "$ingest_pid" 2>/dev/null || true; }
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc -l; }
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

start_ingest
echo "== 1. seeding $CALLS analyzed calls, $MANAGERS managers, $DAYS days"
started=$(now)
"${PSQL[@]}" -v ON_ERROR_STOP=1 -v calls="$CALLS" -v managers="$MANAGERS" -v days="$DAYS" -f scripts/bench/seed_reports.sql >/dev/null
"${PSQL[@]}" -c "VACUUM ANALYZE"
seed_seconds=$(elapsed "$started")
printf 'seeded in %.0f s: %s results, %s criterion scores\n' "$seed_seconds" \
    "$("${PSQL[@]}" -c "SELECT count(*) FROM call_results")" "$("${PSQL[@]}" -c "SELECT count(*) FROM criterion_scores")"

echo "== 2. the aggregates' backfill over the seeded results, while results are updated"
# The seeded results are not in the aggregates yet: the ingest's backfill counts them in, a few managers a step. Beside
# it, a result of a random manager is updated every 50 ms (a recount of its day) and each update's time is kept.
stop_ingest
"${PSQL[@]}" -c "TRUNCATE report_days, report_criterion_totals, report_series, report_day_changes, report_criterion_changes" \
    -c "UPDATE report_backfill SET finished_at = NULL, after_manager = NULL"
mapfile -t probe_ids < <("${PSQL[@]}" -c "SELECT call_id FROM call_results TABLESAMPLE SYSTEM (1) LIMIT 500")
started=$(now)
start_ingest
update_times=()
until [ "$("${PSQL[@]}" -c "SELECT finished_at IS NOT NULL FROM report_backfill")" = t ]; do
    probe_started=$(now)
    "${PSQL[@]}" -c "UPDATE call_results SET reviewed = NOT reviewed WHERE call_id = '${probe_ids[RANDOM % ${#probe_ids[@]}]}'" >/dev/null
    update_times+=("$(elapsed "$probe_started")")
    sleep 0.05
done
backfill_seconds=$(elapsed "$started")
update_median=$(printf '%s\n' "${update_times[@]}" | median)
update_longest=$(printf '%s\n' "${update_times[@]}" | sort -n | tail -1)
"${PSQL[@]}" -c "VACUUM ANALYZE report_days, report_criterion_totals, report_series"
printf 'backfilled the aggregates of %s results in %.1f s: %s day rows, %s criterion running totals\n' \
    "$CALLS" "$backfill_seconds" "$("${PSQL[@]}" -c "SELECT count(*) FROM report_days")" \
    "$("${PSQL[@]}" -c "SELECT count(*) FROM report_criterion_totals")"
printf '%d updates of a result meanwhile (psql included): median %.0f ms, longest %.0f ms\n' "${#update_times[@]}" \
    "$(echo "$update_median * 1000" | bc -l)" "$(echo "$update_longest * 1000" | bc -l)"

echo "== 3. reports over HTTP, median of $RUNS"
manager=$("${PSQL[@]}" -c "SELECT manager_id FROM report_days ORDER BY manager_id LIMIT 1")
from_day=$(date -u -d "-$DAYS days" +%F)
to_day=$(date -u +%F)
declare -A figures
time_request() {
    local name=$1 path=$2 accept=${3:-application/json}
    curl -fs -o /dev/null -H "Accept: $accept" "$BASE$path"
    figures[$name]=$(for _ in $(seq 1 "$RUNS"); do
        curl -fs -o /dev/null -w '%{time_total}\n' -H "Accept: $accept" "$BASE$path"
    done | median)
    printf '%-58s %7.1f ms\n' "$name" "$(echo "${figures[$name]} * 1000" | bc -l)"
}
time_request "every manager, default period (JSON)" "/v1/reports/managers"
time_request "every manager, default period (CSV)" "/v1/reports/managers" "text/csv"
time_request "every manager, $DAYS whole days (JSON)" "/v1/reports/managers?from=$from_day&to=$to_day"
time_request "every manager, $DAYS x 24 h to now (first day scanned)" "/v1/reports/managers?from=$(date -u -d "-$DAYS days" +%FT%TZ)"
time_request "every manager, sorted by a criterion" "/v1/reports/managers?sort=criterion:needs_discovery"
time_request "every manager, page of 50 by average" "/v1/reports/managers?sort=average&limit=50"
time_request "one manager, default period (daily trend)" "/v1/reports/managers/$manager"
time_request "one manager, default period (weekly trend)" "/v1/reports/managers/$manager?bucket=week"
time_request "one manager's calls (list)" "/v1/calls?manager_id=$manager"

echo "== 4. write path: a worker draining $WRITE_CALLS short text calls, aggregates on and off"
# drain ENABLE|DISABLE C: the aggregate triggers on or off, one worker at WORKER_CONCURRENCY C drains WRITE_CALLS fresh
# calls; sets DRAIN_RATE (calls/s) and DRAIN_CPU (the machine's busy CPU per drained call, in ms: every process, the
# ingest's folding of the queued changes included). On this shared machine the rate wanders by ±15% from drain to
# drain while the CPU a call takes holds steady; the drain is CPU-bound, so the rate is inversely proportional to it.
# (Not run in a subshell: it restarts the ingest, whose pid the script keeps.)
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
drain() {
    "${PSQL[@]}" -c "SET client_min_messages = warning" -c "TRUNCATE calls, report_days, report_criterion_totals, report_series, report_day_changes, report_criterion_changes CASCADE" \
        -c "ALTER TABLE call_results $1 TRIGGER USER" -c "ALTER TABLE criterion_scores $1 TRIGGER USER"
    redis-cli -p "$REDIS_PORT" flushall >/dev/null
    stop_ingest
    start_ingest
    local accepted started worker_pid
    accepted=$(python3 scripts/bench/submit.py "$PORT" "$WRITE_CALLS")
    started=$(now)
    local busy_before
    busy_before=$(busy_ticks)
    WORKER_CONCURRENCY=$2 LOG_LEVEL=warning "$BIN/callaudit-worker" >>"$RUN_DIR/worker.log" 2>&1 & worker_pid=$!; pids+=($worker_pid)
    until [ "$("${PSQL[@]}" -c "SELECT count(*) FROM calls WHERE status IN ('done', 'failed')")" -ge "$accepted" ]; do
        sleep 0.1
    done
    DRAIN_RATE=$(echo "$accepted / $(elapsed "$started")" | bc -l)
    DRAIN_CPU=$(echo "($(busy_ticks) - $busy_before) * 1000 / $(getconf CLK_TCK) / $accepted" | bc -l)
    kill "$worker_pid"; wait "$worker_pid" 2>/dev/null || true
}
declare -A drops
for concurrency in $WRITE_CONCURRENCIES; do
    on_rates=() off_rates=() on_cpus=() off_cpus=()
    for round in $(seq 1 "$ROUNDS"); do
        drain ENABLE "$concurrency"; on_rates+=("$DRAIN_RATE"); on_cpus+=("$DRAIN_CPU")
        drain DISABLE "$concurrency"; off_rates+=("$DRAIN_RATE"); off_cpus+=("$DRAIN_CPU")
        printf 'WORKER_CONCURRENCY %s, round %d: with aggregates %.0f calls/s (%.3f ms CPU a call), without %.0f calls/s (%.3f ms)\n' \
            "$concurrency" "$round" "${on_rates[-1]}" "${on_cpus[-1]}" "${off_rates[-1]}" "${off_cpus[-1]}"
    done
    on_rate=$(printf '%s\n' "${on_rates[@]}" | median)
    off_rate=$(printf '%s\n' "${off_rates[@]}" | median)
    on_cpu=$(printf '%s\n' "${on_cpus[@]}" | median)
    off_cpu=$(printf '%s\n' "${off_cpus[@]}" | median)
    drops[$concurrency]=$(printf '%.0f with / %.0f without: %.1f%% drop; CPU a call %.3f / %.3f ms: %.1f%% drop' \
        "$on_rate" "$off_rate" "$(echo "100 * ($off_rate - $on_rate) / $off_rate" | bc -l)" "$on_cpu" "$off_cpu" \
        "$(echo "100 * ($on_cpu - $off_cpu) / $on_cpu" | bc -l)")
done
"${PSQL[@]}" -c "ALTER TABLE call_results ENABLE TRIGGER USER" -c "ALTER TABLE criterion_scores ENABLE TRIGGER USER"

ms() { printf '%.1f ms' "$(echo "${figures[$1]} * 1000" | bc -l)"; }
echo
echo "== summary ($CALLS calls, $MANAGERS managers, $DAYS days; median of $RUNS)"
printf '%-52s %s (target <= 100 ms)\n' "every manager, default period (JSON)" "$(ms "every manager, default period (JSON)")"
printf '%-52s %s (target <= 150 ms)\n' "every manager, default period (CSV)" "$(ms "every manager, default period (CSV)")"
printf '%-52s %s\n' "every manager, $DAYS whole days (JSON)" "$(ms "every manager, $DAYS whole days (JSON)")"
printf '%-52s %s (target <= 10 ms)\n' "one manager, default period" "$(ms "one manager, default period (daily trend)")"
printf '%-52s %s\n' "one manager's calls (list)" "$(ms "one manager's calls (list)")"
printf '%-52s %.1f s\n' "aggregates' backfill over the seeded results" "$backfill_seconds"
printf '%-52s %.0f ms median, %.0f ms longest\n' "an update of a result during the backfill" \
    "$(echo "$update_median * 1000" | bc -l)" "$(echo "$update_longest * 1000" | bc -l)"
for concurrency in $WRITE_CONCURRENCIES; do
    printf '%-52s %s (target <= 10%%)\n' "worker calls/s, offline analyzer, C=$concurrency" "${drops[$concurrency]}"
done
