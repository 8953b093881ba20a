#!/usr/bin/env bash
# The host test site's suites on SQLite, through the README's test command.
set -euo pipefail
source .ci/lib/hostsite.sh
echo "::: host site (tests.hostsite.settings) on SQLite"
DJANGO_SETTINGS_MODULE=tests.hostsite.settings \
    bash scripts/run-tests.sh -p no:cacheprovider "${HOSTSITE_SUITES[@]}"
