#!/usr/bin/env bash
# The README's test command, on SQLite.
set -euo pipefail
bash scripts/run-tests.sh -p no:cacheprovider
