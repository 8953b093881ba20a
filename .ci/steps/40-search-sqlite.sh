#!/usr/bin/env bash
# The search suite on SQLite FTS5 (the database backend on SQLite).
set -euo pipefail
source .ci/lib/search.sh
run_search_suite sqlite
