# Shared by demo.sh, bench.sh, chaos.sh, fuzz.sh, test.sh and browser-tests.sh (sourced, after RUN_DIR, REDIS_PORT
# and PG_PORT are exported): the release and test builds, fresh local servers, and stopping what a script started.

# The tests' build (scripts/test.sh explains the flags): optimized, with testable imports, in a folder of its own.
TEST_BUILD=(-c release -Xswiftc -enable-testing --scratch-path .build/tests)

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

# What every benchmark does first: install what is missing, build the given products in release mode, flush the
# build's dirty pages (their writeback would stall PostgreSQL's commits mid-run), start fresh servers, stop them at
# exit, and set PSQL to a psql command on the benchmark's database.
start_benchmark() {
    scripts/setup.sh
    build_release "$@"
    sync
    fresh_servers
    trap stop_started EXIT
    PSQL=(psql -X -q -tA "$DATABASE_URL")
}
