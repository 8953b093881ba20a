#!/usr/bin/env bash
# The same suite on a real PostgreSQL server (search: step 41).
set -euo pipefail
source .ci/lib/postgres.sh
start_postgres
DATABASE_URL="postgres://rencontres:rencontres@127.0.0.1:${PGPORT}/rencontres" \
    bash scripts/run-tests.sh -p no:cacheprovider --ignore=tests/search
