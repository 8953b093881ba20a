#!/usr/bin/env bash
# The host test site's suites on PostgreSQL, with the registration concurrency
# tests (row locks) on its own event and cycle classes. PostgreSQL is what
# centres run in production; the default settings run on both databases (steps
# 20 and 30). The host site on SQLite, locally:
#   source .ci/lib/hostsite.sh
#   DJANGO_SETTINGS_MODULE=tests.hostsite.settings bash scripts/run-tests.sh "${HOSTSITE_SUITES[@]}"
set -euo pipefail
source .ci/lib/postgres.sh
source .ci/lib/hostsite.sh
start_postgres
echo "::: host site (tests.hostsite.settings) on PostgreSQL"
DJANGO_SETTINGS_MODULE=tests.hostsite.settings \
DATABASE_URL="postgres://rencontres:rencontres@127.0.0.1:${PGPORT}/rencontres" \
    bash scripts/run-tests.sh -p no:cacheprovider -n auto --dist loadfile "${HOSTSITE_SUITES[@]}"
