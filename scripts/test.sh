#!/usr/bin/env bash
# Runs every test against real Redis and PostgreSQL servers that this script starts (and stops afterwards).
#   scripts/test.sh                 # all tests
#   scripts/test.sh --filter Queue  # extra arguments go to `swift test` (and skip the browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
export RUN_DIR="${RUN_DIR:-$PWD/.run/test}" REDIS_PORT="${TEST_REDIS_PORT:-63791}" PG_PORT="${TEST_PG_PORT:-54330}"
export PG_DURABLE=off
scripts/services.sh wipe
scripts/services.sh start
trap 'scripts/services.sh stop' EXIT
# shellcheck disable=SC1091
source "$RUN_DIR/env"
# The suite runs its tests side by side on two cores, and every test's async code shares two threads. A debug build's
# slow loops (a multipart parser, a 5 MB array) held those threads for seconds at a time, and over a few dozen tests at
# once the threads of their blocking pools kept them waiting on every hand-off: a test that takes 0.2 s alone took 40 s
# and more, past its timeouts. So the tests run on an optimized build, at most 12 at a time (the whole run got faster).
# The build has a folder of its own (TEST_BUILD in scripts/lib.sh): its flags differ from the demo's release build,
# which it would otherwise redo.
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
export SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH="${SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH:-12}"
swift build "${TEST_BUILD[@]}" --build-tests
export CALLAUDIT_BIN_DIR="$(swift build "${TEST_BUILD[@]}" --show-bin-path)"
scripts/check-deploy.sh
swift test "${TEST_BUILD[@]}" --skip-build "$@"
# the dashboard in headless Chromium, on a whole run (not on a filtered one)
[ $# -gt 0 ] || scripts/browser-tests.sh
