#!/usr/bin/env bash
# Start a real single-node search server in the background, for tests.
#
#   ci/search-servers/start.sh ENGINE [PORT]     ENGINE = elasticsearch | opensearch
#
# Builds the launcher with Maven if needed (first run downloads the jars into ~/.m2),
# starts it bound to 127.0.0.1:PORT (a free port if PORT is omitted), waits until
# /_cluster/health reaches yellow, and prints the base URL as the LAST line of stdout.
# Exits non-zero (with the tail of the server log) if the server does not come up.
#
# Files: $SEARCH_SERVERS_RUN_DIR (default ci/search-servers/.run/) holds ENGINE.pid,
# ENGINE.log, ENGINE.url, ENGINE.base (the server's data dir, a fresh mktemp -d under
# $TMPDIR or /tmp). Stop with: ci/search-servers/stop.sh ENGINE (also removes the data dir).
#
# Environment knobs:
#   SEARCH_JAVA_OPTS        JVM options (default: -Xms512m -Xmx1g -XX:TieredStopAtLevel=1;
#                           C1-only JIT starts 2-3x faster on a busy 2-core machine)
#   SEARCH_START_TIMEOUT    seconds to wait for yellow health (default: 180)
#   SEARCH_SERVERS_RUN_DIR  where pid/log/url files go
#   JAVA_HOME               Java 17+ to use (default: java on PATH)
#   CI_ES_COMPAT=0          elasticsearch only: leave out the CI stand-in plugin (see README)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENGINE="${1:-}"
PORT="${2:-}"

case "$ENGINE" in
  elasticsearch) MAIN=ci.searchservers.ElasticsearchLauncher ;;
  opensearch)    MAIN=ci.searchservers.OpenSearchLauncher ;;
  *) echo "usage: $0 elasticsearch|opensearch [PORT]" >&2; exit 2 ;;
esac

PROJECT="$HERE/$ENGINE"
RUN_DIR="${SEARCH_SERVERS_RUN_DIR:-$HERE/.run}"
PID_FILE="$RUN_DIR/$ENGINE.pid"
LOG_FILE="$RUN_DIR/$ENGINE.log"
URL_FILE="$RUN_DIR/$ENGINE.url"
BASE_FILE="$RUN_DIR/$ENGINE.base"
TIMEOUT="${SEARCH_START_TIMEOUT:-180}"
JAVA_OPTS="${SEARCH_JAVA_OPTS:--Xms512m -Xmx1g -XX:TieredStopAtLevel=1}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$RUN_DIR"

log() { echo "[start.sh $ENGINE] $*" >&2; }

for tool in "$JAVA" mvn curl; do
  command -v "$tool" >/dev/null 2>&1 || { log "missing '$tool' (needs: openjdk-17 (or newer) JDK, maven, curl)"; exit 1; }
done
JAVA_MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ "${JAVA_MAJOR%%.*}" -lt 17 ] 2>/dev/null; then
  log "Java 17 or newer is needed, found $JAVA_MAJOR ($JAVA)"; exit 1
fi

# Already running? Then just report it.
if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
  url="$(cat "$URL_FILE" 2>/dev/null || true)"
  if [ -n "$url" ] && curl -fsS -m 5 "$url/_cluster/health" >/dev/null 2>&1; then
    if [ -z "$PORT" ] || [ "$url" = "http://127.0.0.1:$PORT" ]; then
      log "already running (pid $(cat "$PID_FILE"))"
      echo "$url"
      exit 0
    fi
  fi
  log "another $ENGINE server (pid $(cat "$PID_FILE")) is running; stop it first: $HERE/stop.sh $ENGINE"
  exit 1
fi

# Pick a free port when none was given.
if [ -z "$PORT" ]; then
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || true)"
  if [ -z "$PORT" ]; then
    for p in $(seq 9200 9299); do
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PORT=$p; break; fi
    done
  fi
  [ -n "$PORT" ] || { log "could not find a free port"; exit 1; }
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  log "port $PORT is already in use"; exit 1
fi

# Build (compile + write target/classpath.txt) when missing or out of date.
CP_FILE="$PROJECT/target/classpath.txt"
STAMP="$PROJECT/target/.built"
needs_build=0
if [ ! -s "$CP_FILE" ] || [ ! -f "$STAMP" ] || [ ! -d "$PROJECT/target/classes/ci" ]; then
  needs_build=1
elif [ -n "$(find "$PROJECT/pom.xml" "$PROJECT/src" -newer "$STAMP" -print -quit)" ]; then
  needs_build=1
else
  # ~/.m2 may have been wiped since the last build.
  IFS=: read -r -a entries < "$CP_FILE" || true
  for jar in "${entries[@]}"; do [ -f "$jar" ] || { needs_build=1; break; }; done
fi
if [ "$needs_build" = 1 ]; then
  log "building $PROJECT (first run downloads dependencies from Maven Central)"
  build_start=$(date +%s)
  # C1-only JIT + serial GC roughly halve Maven's own time on a busy 2-core machine.
  export MAVEN_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${MAVEN_OPTS:-}"
  # Offline first (no network round trips once ~/.m2 has everything), else online.
  if ! mvn -o -q -B -f "$PROJECT/pom.xml" compile >"$RUN_DIR/$ENGINE-build.log" 2>&1 &&
     ! mvn -q -B -f "$PROJECT/pom.xml" compile >"$RUN_DIR/$ENGINE-build.log" 2>&1; then
    log "maven build failed:"; tail -n 50 "$RUN_DIR/$ENGINE-build.log" >&2; exit 1
  fi
  touch "$STAMP"
  log "built in $(( $(date +%s) - build_start ))s"
fi

# A leftover data dir of an earlier server that was killed hard.
if [ -f "$BASE_FILE" ]; then rm -rf "$(cat "$BASE_FILE")"; rm -f "$BASE_FILE"; fi
BASE_DIR="$(mktemp -d "${TMPDIR:-/tmp}/ci-$ENGINE-XXXXXX")"
echo "$BASE_DIR" > "$BASE_FILE"

# Start in the background, in its own session, so that it outlives this script.
start_ts=$(date +%s)
# shellcheck disable=SC2086
setsid "$JAVA" $JAVA_OPTS -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
  -cp "$PROJECT/target/classes:$(cat "$CP_FILE")" "$MAIN" "$PORT" "$BASE_DIR" \
  >"$LOG_FILE" 2>&1 < /dev/null &
PID=$!
echo "$PID" > "$PID_FILE"

give_up() {
  kill -TERM "$PID" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$PID" 2>/dev/null || true
  rm -rf "$BASE_DIR"
  rm -f "$PID_FILE" "$BASE_FILE"
  exit 1
}
URL="http://127.0.0.1:$PORT"
log "pid $PID, log $LOG_FILE, waiting up to ${TIMEOUT}s for $URL"

deadline=$(( start_ts + TIMEOUT ))
while :; do
  if ! kill -0 "$PID" 2>/dev/null; then
    log "server process exited before becoming healthy; last log lines:"
    tail -n 60 "$LOG_FILE" >&2
    give_up
  fi
  if curl -fsS -m 10 "$URL/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null 2>&1; then
    break
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    log "not healthy after ${TIMEOUT}s; last log lines:"
    tail -n 60 "$LOG_FILE" >&2
    give_up
  fi
  sleep 1
done

echo "$URL" > "$URL_FILE"
log "healthy after $(( $(date +%s) - start_ts ))s"
echo "$URL"
