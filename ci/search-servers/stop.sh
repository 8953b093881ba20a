#!/usr/bin/env bash
# Stop a server started by start.sh:   ci/search-servers/stop.sh elasticsearch|opensearch|all
# Sends SIGTERM (the node closes cleanly), waits up to 30 s, then SIGKILL, and removes
# the server's data dir. Exits 0 if nothing was running.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${SEARCH_SERVERS_RUN_DIR:-$HERE/.run}"

case "${1:-}" in
  elasticsearch|opensearch) engines=("$1") ;;
  all) engines=(elasticsearch opensearch) ;;
  *) echo "usage: $0 elasticsearch|opensearch|all" >&2; exit 2 ;;
esac

for engine in "${engines[@]}"; do
  pid_file="$RUN_DIR/$engine.pid"
  base_file="$RUN_DIR/$engine.base"
  if [ ! -f "$pid_file" ]; then
    echo "[stop.sh] $engine: not running (no pid file)" >&2
    if [ -f "$base_file" ]; then rm -rf "$(cat "$base_file")"; rm -f "$base_file"; fi
    continue
  fi
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "[stop.sh] $engine: pid $pid still alive after 30s, sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
    fi
    echo "[stop.sh] $engine: stopped pid $pid" >&2
  else
    echo "[stop.sh] $engine: pid $pid was not running" >&2
  fi
  rm -f "$pid_file" "$RUN_DIR/$engine.url"
  # The data dir (a mktemp -d made by start.sh).
  if [ -f "$base_file" ]; then rm -rf "$(cat "$base_file")"; rm -f "$base_file"; fi
done
