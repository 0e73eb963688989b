# Shared by demo.sh, bench.sh, chaos.sh and fuzz.sh (sourced, after RUN_DIR, REDIS_PORT and PG_PORT are exported):
# the release build, fresh local servers, and stopping what a script started.

# Builds the given products in release mode; sets BIN to their folder.
build_release() {
    echo "== building (release; several minutes the first time)"
    for product in "$@"; do swift build -c release --product "$product"; done
    BIN="$(swift build -c release --show-bin-path)"
}

# Starts Redis and PostgreSQL with empty data and loads DATABASE_URL and REDIS_URL.
fresh_servers() {
    scripts/services.sh wipe
    scripts/services.sh start >/dev/null
    # shellcheck disable=SC1091
    source "$RUN_DIR/env"
}

# Processes to stop at exit: append with `pids+=($!)`.
pids=()
stop_started() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    scripts/services.sh stop
}
