#!/usr/bin/env bash
# The example site with its demo content, served by gunicorn on PostgreSQL over
# loopback, for the steps that test a running server (fuzzing, load).
#   source .ci/lib/demo-server.sh; start_demo_server; ...; stop_demo_server
# start_demo_server reuses a server of its own already answering (step 45 leaves
# it running for step 47, which stops it).
# It runs the production settings (ci/load/server_settings.py only lifts the rate
# limit and the HTTPS redirect) on their own database and a shared
# DatabaseCache, with DEMO_WORKERS gunicorn workers (3 by default).
source .ci/lib/postgres.sh

DEMO_PORT="${DEMO_PORT:-18160}"
DEMO_URL="http://127.0.0.1:${DEMO_PORT}"
DEMO_DATABASE="${DEMO_DATABASE:-rencontres_demo_server}"
DEMO_DIR="${DEMO_DIR:-/tmp/rencontres-demo-server-${DEMO_PORT}}"
DEMO_PYTHON="${DEMO_PYTHON:-.venv/bin/python}"
export DEMO_PORT DEMO_URL

demo_env() {
    export DJANGO_SETTINGS_MODULE=server_settings
    export PYTHONPATH="${PWD}:${PWD}/ci/load${PYTHONPATH:+:${PYTHONPATH}}"
    export DJANGO_SECRET_KEY="ci-demo-server-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
    export DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
    export DATABASE_URL="postgres://rencontres:rencontres@127.0.0.1:${PGPORT}/${DEMO_DATABASE}"
    export WAGTAILADMIN_BASE_URL="${DEMO_URL}"
    export RENCONTRES_STATIC_ROOT="${DEMO_DIR}/static"
    export RENCONTRES_MEDIA_ROOT="${DEMO_DIR}/media"
}

start_demo_server() {
    start_postgres
    demo_env
    mkdir -p "${DEMO_DIR}"
    # Step 45 leaves its server to step 47: one migrated demo for both.
    if [ -f "${DEMO_DIR}/gunicorn.pid" ] && curl -sf -o /dev/null "${DEMO_URL}/api/rencontres/openapi.json"; then
        echo "Demo server already running on ${DEMO_URL}: reused"
        return 0
    fi
    psql -h 127.0.0.1 -p "${PGPORT}" -U postgres -qc "DROP DATABASE IF EXISTS ${DEMO_DATABASE} WITH (FORCE)"
    psql -h 127.0.0.1 -p "${PGPORT}" -U postgres -qc "CREATE DATABASE ${DEMO_DATABASE} OWNER rencontres"
    local manage=("${DEMO_PYTHON}" example_site/manage.py)
    "${manage[@]}" migrate --no-input -v 0
    "${manage[@]}" createcachetable
    "${manage[@]}" collectstatic --no-input -v 0
    "${manage[@]}" load_demo --hostname 127.0.0.1 --port "${DEMO_PORT}" >/dev/null
    # --limit-request-line 0: gunicorn's own 4 KiB limit would answer 414 itself
    # to the fuzzer's longest query strings; the steps test the application.
    "${DEMO_PYTHON}" -m gunicorn example_site.wsgi:application \
        --bind "127.0.0.1:${DEMO_PORT}" --workers "${DEMO_WORKERS:-3}" --limit-request-line 0 \
        --timeout 60 --access-logfile /dev/null --error-logfile "${DEMO_DIR}/gunicorn.log" --capture-output \
        --pid "${DEMO_DIR}/gunicorn.pid" --daemon
    local tries=0
    until curl -sf -o /dev/null "${DEMO_URL}/api/rencontres/openapi.json"; do
        tries=$((tries + 1))
        if [ "${tries}" -gt 60 ]; then
            echo "The demo server did not answer on ${DEMO_URL}:" >&2
            tail -n 40 "${DEMO_DIR}/gunicorn.log" >&2
            return 1
        fi
        sleep 1
    done
    echo "Demo server ready on ${DEMO_URL} (${DEMO_WORKERS:-3} gunicorn workers)"
}

stop_demo_server() {
    local pidfile="${DEMO_DIR}/gunicorn.pid"
    if [ -f "${pidfile}" ]; then
        kill "$(cat "${pidfile}")" 2>/dev/null || true
        local tries=0
        while [ -f "${pidfile}" ] && [ "${tries}" -lt 30 ]; do
            sleep 0.5
            tries=$((tries + 1))
        done
    fi
}
