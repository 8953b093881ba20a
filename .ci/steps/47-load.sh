#!/usr/bin/env bash
# Load: LOAD_CLIENTS concurrent clients (50) for LOAD_SECONDS (60) on the
# agenda API list, event pages, the ICS feed and single-event ICS files of the
# example site served by gunicorn on PostgreSQL (.ci/lib/demo-server.sh).
# Any error (an answer outside 2xx/3xx, a connection error) fails the step; it
# prints the total, the throughput and p50/p95 per kind of URL.
set -euo pipefail
source .ci/lib/demo-server.sh
trap stop_demo_server EXIT
start_demo_server
"${DEMO_PYTHON}" ci/load/run.py "${DEMO_URL}" \
    --clients "${LOAD_CLIENTS:-50}" --duration "${LOAD_SECONDS:-60}"
