#!/usr/bin/env bash
# Benchmark smoke (issue #13): 1,000 generated events on PostgreSQL, and the
# query budgets of benchmarks/budgets.py as assertions (python -m benchmarks
# smoke). A budget listed there as known-missed is reported, not failed; any
# other missed budget fails the step. The timed suite is benchmarks/run.sh.
set -euo pipefail
source .ci/lib/postgres.sh
start_postgres
PYTHON="${BENCH_PYTHON:-.venv/bin/python}"
database=rencontres_bench_smoke
export DJANGO_SETTINGS_MODULE=benchmarks.settings
export DATABASE_URL="postgres://rencontres:rencontres@127.0.0.1:${PGPORT}/${database}"
psql -h 127.0.0.1 -p "${PGPORT}" -U postgres -qc "DROP DATABASE IF EXISTS ${database} WITH (FORCE)"
psql -h 127.0.0.1 -p "${PGPORT}" -U postgres -qc "CREATE DATABASE ${database} OWNER rencontres"
"${PYTHON}" -m django migrate --no-input -v 0
"${PYTHON}" -m django createcachetable
"${PYTHON}" -m benchmarks generate --events "${BENCH_SMOKE_EVENTS:-1000}" --no-search-index
"${PYTHON}" -m benchmarks smoke
