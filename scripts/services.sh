#!/usr/bin/env bash
# Starts or stops the local Redis and PostgreSQL servers that the tests, the demo and the benchmarks use.
#
#   scripts/services.sh start   # idempotent; writes .run/env with DATABASE_URL and REDIS_URL
#   scripts/services.sh stop
#   scripts/services.sh status
#   scripts/services.sh wipe    # stop and delete both servers' data
#
# Both listen on loopback only, on ports of their own (REDIS_PORT, default 63790; PG_PORT, default 54329),
# with their data under .run/ (RUN_DIR). PostgreSQL refuses to run as root, so as root it runs as `postgres`.
# PG_DURABLE=off (the tests' choice: their data is thrown away) turns fsync off, which makes the many
# CREATE DATABASE and DROP DATABASE of parallel test suites cheap.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN_DIR="${RUN_DIR:-$ROOT/.run}"
REDIS_PORT="${REDIS_PORT:-63790}"
PG_PORT="${PG_PORT:-54329}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
# PostgreSQL runs as `postgres` when we are root, and that user must reach its data folder: a checkout under a private
# home directory would not do, so as root the data lives under /var/tmp.
if [ "$(id -u)" = 0 ]; then
    PG_DATA="${PG_DATA:-/var/tmp/callaudit-postgres-$PG_PORT}"
else
    PG_DATA="${PG_DATA:-$RUN_DIR/postgres}"
fi
REDIS_DIR="$RUN_DIR/redis"

as_pg_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_redis() {
    mkdir -p "$REDIS_DIR"
    if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then return; fi
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes \
        --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" \
        --appendonly yes --appendfsync everysec --save "" --maxclients 10000
    for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
    echo "redis did not start; see $REDIS_DIR/redis.log" >&2; exit 1
}

start_postgres() {
    mkdir -p "$RUN_DIR"
    if [ ! -s "$PG_DATA/PG_VERSION" ]; then
        rm -rf "$PG_DATA"
        mkdir -p "$PG_DATA"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DATA" && chmod 700 "$PG_DATA"
        as_pg_user "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
        cat >> "$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATA'
max_connections = 300
shared_buffers = 256MB
fsync = ${PG_DURABLE:-on}
synchronous_commit = ${PG_DURABLE:-on}
full_page_writes = ${PG_DURABLE:-on}
logging_collector = off
CONF
    fi
    if as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then return; fi
    as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 start >/dev/null
    if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='callaudit'" | grep -q 1; then
        "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres callaudit
    fi
}

write_env() {
    cat > "$RUN_DIR/env" <<ENV
export DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/callaudit
export REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
export REDIS_PORT=$REDIS_PORT
export PG_PORT=$PG_PORT
ENV
}

stop_all() {
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    if [ -s "$PG_DATA/PG_VERSION" ]; then
        as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

case "${1:-}" in
    start) start_redis; start_postgres; write_env; echo "redis on 127.0.0.1:$REDIS_PORT, postgres on 127.0.0.1:$PG_PORT (env: $RUN_DIR/env)" ;;
    stop) stop_all ;;
    restart-redis) redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; sleep 0.2; start_redis ;;
    restart-postgres) as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w restart -l "$PG_DATA/server.log" >/dev/null ;;
    wipe) stop_all; rm -rf "$PG_DATA" "$REDIS_DIR" ;;
    status)
        redis-cli -p "$REDIS_PORT" ping 2>/dev/null || echo "redis down"
        as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" status 2>/dev/null | head -1 || echo "postgres down" ;;
    *) echo "usage: $0 start|stop|status|wipe|restart-redis|restart-postgres" >&2; exit 2 ;;
esac
