#!/usr/bin/env bash
# The README's test command, on SQLite: the whole suite, including the search
# suite on the database backend (SQLite FTS5) and the browser checks.
set -euo pipefail
bash scripts/run-tests.sh -p no:cacheprovider -n auto --dist loadfile
