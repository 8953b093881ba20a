#!/usr/bin/env bash
# The same suite on a real PostgreSQL server, including the search suite on
# PostgreSQL full-text search ("french" configuration) and the concurrency tests.
# The browser checks (tests/a11y, tests/browser, tests/admin_browser) test templates and
# the admin UI, not the database: they run once, in step 20.
set -euo pipefail
source .ci/lib/postgres.sh
start_postgres
DATABASE_URL="postgres://rencontres:rencontres@127.0.0.1:${PGPORT}/rencontres" \
    bash scripts/run-tests.sh -p no:cacheprovider -n auto --dist loadfile --ignore=tests/a11y --ignore=tests/browser --ignore=tests/admin_browser
