#!/usr/bin/env bash
# A throwaway PostgreSQL for tests, CI and benchmarks (never for real data).
#
#   scripts/pg-throwaway.sh start    start one (installing postgresql via apt when missing);
#                                    the last line on stdout is its URL, e.g.
#                                    postgres://postgres@127.0.0.1:54329/postgres
#   scripts/pg-throwaway.sh stop     stop it and remove its data directory
#   scripts/pg-throwaway.sh url      print the URL of the running one
#
# PROMPTLOG_PG_PORT picks the port (default 54329). `start` on a port whose throwaway cluster is
# already running just prints its URL. initdb refuses root, so as root the cluster runs as the
# `postgres` user. Progress goes to stderr so that `url=$(… start | tail -n 1)` works.
set -euo pipefail

port="${PROMPTLOG_PG_PORT:-54329}"
state="/tmp/promptlog-pg-${port}.datadir"
url="postgres://postgres@127.0.0.1:${port}/postgres"

log() { echo "pg-throwaway: $*" >&2; }

find_pgbin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running_datadir() {
  [ -f "$state" ] || return 1
  local dir
  dir=$(cat "$state")
  [ -f "$dir/postmaster.pid" ] || return 1
  as_pg "$pgbin/pg_ctl" -D "$dir" status >/dev/null 2>&1 || return 1
  echo "$dir"
}

pgbin=$(find_pgbin || true)

case "${1:-}" in
  start)
    if [ -z "$pgbin" ]; then
      log "PostgreSQL not found; installing it with apt-get"
      if [ "$(id -u)" != 0 ]; then log "need root to apt-get install postgresql"; exit 1; fi
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      pgbin=$(find_pgbin)
    fi
    if dir=$(running_datadir); then
      log "already running on port $port (data in $dir)"
      echo "$url"
      exit 0
    fi
    datadir=$(mktemp -d /tmp/promptlog-pg-data.XXXXXX)
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$datadir"; fi
    chmod 700 "$datadir"
    log "initdb in $datadir"
    as_pg "$pgbin/initdb" -D "$datadir" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
    log "starting $("$pgbin/postgres" --version) on port $port"
    if ! as_pg "$pgbin/pg_ctl" -D "$datadir" -l "$datadir/log" -w -t 60 \
      -o "-p $port -k $datadir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" \
      start >/dev/null; then
      log "failed to start; its log follows"
      cat "$datadir/log" >&2 || true
      rm -rf "$datadir"
      exit 1
    fi
    echo "$datadir" >"$state"
    echo "$url"
    ;;
  stop)
    if [ ! -f "$state" ]; then
      log "nothing to stop on port $port"
      exit 0
    fi
    datadir=$(cat "$state")
    if [ -n "$pgbin" ] && [ -f "$datadir/postmaster.pid" ]; then
      as_pg "$pgbin/pg_ctl" -D "$datadir" -m fast -w stop >/dev/null || log "pg_ctl stop failed"
    fi
    case "$datadir" in
      /tmp/promptlog-pg-data.*) rm -rf "$datadir" ;;
      *) log "refusing to remove unexpected data dir '$datadir'" ;;
    esac
    rm -f "$state"
    log "stopped and removed"
    ;;
  url)
    if running_datadir >/dev/null; then echo "$url"; else log "not running on port $port"; exit 1; fi
    ;;
  *)
    echo "usage: $0 start|stop|url   (PROMPTLOG_PG_PORT=$port)" >&2
    exit 2
    ;;
esac
