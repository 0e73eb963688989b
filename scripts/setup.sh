#!/usr/bin/env bash
# Installs what CallAudit needs to build, test and run on Debian 12: the C libraries' headers (hiredis, libpq,
# libcurl), Redis and PostgreSQL 15 servers, ffmpeg (the worker re-encodes compressed recordings over a
# provider's upload limit), wrk for the benchmark and promtool (Debian's prometheus package) for the deployment
# checks, headless Chromium and its driver for the dashboard's browser tests, espeak-ng and sox that speak the live-call
# tests' dialogs; in a virtual environment (.run/venv) Selenium, websockets (the live-call client and benchmark) and
# fastapi-offline, whose Swagger UI and ReDoc files the ingest serves at /docs and /redoc. Skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libhiredis-dev libpq-dev libcurl4-openssl-dev redis-server redis-tools postgresql-15 postgresql-client-15 ffmpeg wrk bc curl prometheus chromium chromium-driver fonts-noto-cjk python3-venv espeak-ng sox)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Debian starts the packaged servers; CallAudit runs its own on other ports, so those may stay as they are.
fi
command -v swift >/dev/null || { echo "swift is not on PATH (Swift 6 toolchain required)" >&2; exit 1; }

venv=.run/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if ! "$venv/bin/python" -c 'import selenium, fastapi_offline, websockets' 2>/dev/null; then
    "$venv/bin/pip" install -q selenium==4.38.0 websockets==15.0.1
    # only its static files are used, not FastAPI
    "$venv/bin/pip" install -q --no-deps fastapi-offline==1.7.7
fi
