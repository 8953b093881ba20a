#!/usr/bin/env bash
# Set up everything and run the test suite (SQLite by default):
#   bash scripts/run-tests.sh
# Extra arguments go to pytest. DATABASE_URL=postgres://… runs it on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[testing]"
exec .venv/bin/python -m pytest "$@"
