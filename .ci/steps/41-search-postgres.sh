#!/usr/bin/env bash
# The search suite on PostgreSQL full-text search, "french" configuration.
set -euo pipefail
source .ci/lib/postgres.sh
source .ci/lib/search.sh
start_postgres
run_search_suite postgres \
    DATABASE_URL="postgres://rencontres:rencontres@127.0.0.1:${PGPORT}/rencontres_search"
