#!/usr/bin/env bash
# The benchmark suite of issue #13, in one command:
#   bash benchmarks/run.sh [--sizes 1000,10000,100000] [--rounds 5] [--no-race] [--race-workers N]
# For each size: a fresh PostgreSQL database (rencontres_bench_<size>), migrated,
# the generated site (python -m benchmarks generate), then the measured run
# (python -m benchmarks run). With several sizes, the cost growth table follows.
# Results: benchmarks/results/<date>-<size>.{md,json} and <date>-growth.md.
# BENCH_PYTHON names the interpreter (.venv/bin/python by default).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/lib/postgres.sh

PYTHON="${BENCH_PYTHON:-.venv/bin/python}"
sizes=1000
run_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --rounds) run_args+=(--rounds "$2"); shift 2 ;;
        --no-race) run_args+=(--no-race); shift ;;
        --race-workers) run_args+=(--race-workers "$2"); shift 2 ;;
        *) echo "usage: bash benchmarks/run.sh [--sizes 1000,10000] [--rounds N] [--no-race] [--race-workers N]" >&2; exit 2 ;;
    esac
done

start_postgres
export DJANGO_SETTINGS_MODULE=benchmarks.settings
results=benchmarks/results
mkdir -p "${results}"
reports=()
for size in ${sizes//,/ }; do
    database="rencontres_bench_${size}"
    export DATABASE_URL="postgres://rencontres:rencontres@127.0.0.1:${PGPORT}/${database}"
    psql -h 127.0.0.1 -p "${PGPORT}" -U postgres -qc "DROP DATABASE IF EXISTS ${database} WITH (FORCE)"
    psql -h 127.0.0.1 -p "${PGPORT}" -U postgres -qc "CREATE DATABASE ${database} OWNER rencontres"
    "${PYTHON}" -m django migrate --no-input -v 0
    "${PYTHON}" -m django createcachetable
    timings="$(mktemp)"
    "${PYTHON}" -m benchmarks generate --events "${size}" --timings "${timings}"
    "${PYTHON}" -m benchmarks run --output "${results}" --generation "${timings}" "${run_args[@]}"
    rm -f "${timings}"
    # The report just written: its name carries the date of the site's time zone.
    reports+=("$(ls -t "${results}"/*-"${size}".json | head -n 1)")
done
if [ "${#reports[@]}" -gt 1 ]; then
    last="${reports[-1]}"
    "${PYTHON}" -m benchmarks report "${reports[@]}" --output "${last%-*}-growth.md"
fi
