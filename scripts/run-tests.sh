#!/usr/bin/env bash
# Set up everything and run the test suite (SQLite by default):
#   bash scripts/run-tests.sh
# Extra arguments go to pytest. DATABASE_URL=postgres://… runs it on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/venv.sh
ensure_venv
exec .venv/bin/python -m pytest "$@"
