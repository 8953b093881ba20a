#!/usr/bin/env bash
# Helpers for the search steps: Java + Maven for the real search servers, and
# one pytest run of tests/search on a chosen backend.

ensure_java_and_maven() {
    if ! command -v mvn >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq default-jdk-headless maven curl >/dev/null
    fi
}

# run_search_suite BACKEND [ENV=VALUE…]: the search suite only, with its own summary line.
run_search_suite() {
    local backend="$1"
    shift
    echo "::: search suite on ${backend}"
    env RENCONTRES_SEARCH_BACKEND="${backend}" "$@" \
        .venv/bin/python -m pytest -p no:cacheprovider -q tests/search
}
