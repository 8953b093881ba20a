#!/usr/bin/env bash
# The host test site's suites on PostgreSQL, with the registration concurrency
# tests (row locks) on its own event and cycle classes.
set -euo pipefail
source .ci/lib/postgres.sh
source .ci/lib/hostsite.sh
start_postgres
echo "::: host site (tests.hostsite.settings) on PostgreSQL"
DJANGO_SETTINGS_MODULE=tests.hostsite.settings \
DATABASE_URL="postgres://rencontres:rencontres@127.0.0.1:${PGPORT}/rencontres" \
    bash scripts/run-tests.sh -p no:cacheprovider "${HOSTSITE_SUITES[@]}"
