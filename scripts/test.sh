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
swift build --build-tests
export CALLAUDIT_BIN_DIR="$(swift build --show-bin-path)"
scripts/check-deploy.sh
swift test --skip-build "$@"
# the dashboard in headless Chromium, on a whole run (not on a filtered one)
[ $# -gt 0 ] || scripts/browser-tests.sh
