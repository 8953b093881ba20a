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

# Background starts: step 05 launches both servers while the database suites run,
# and the search steps collect them. Files live in ci/search-servers/.run/.
BACKGROUND_DIR=ci/search-servers/.run

# start_in_background ENGINE:PORT…: start.sh for each, one after the other (Maven
# must not fill ~/.m2 from two processes at once), detached from the step, all
# output to files.
start_in_background() {
    local spec engine port chain=""
    mkdir -p "${BACKGROUND_DIR}"
    for spec in "$@"; do
        engine="${spec%%:*}"
        port="${spec##*:}"
        rm -f "${BACKGROUND_DIR}/${engine}.start.rc"
        : >"${BACKGROUND_DIR}/${engine}.start.out"
        chain+="bash ci/search-servers/start.sh ${engine} ${port}"
        chain+=" >${BACKGROUND_DIR}/${engine}.start.out 2>${BACKGROUND_DIR}/${engine}.start.err;"
        chain+=" echo \$? >${BACKGROUND_DIR}/${engine}.start.rc;"
        echo "::: ${engine}: starting in the background on port ${port}"
    done
    setsid nohup bash -c "${chain}" </dev/null >/dev/null 2>&1 &
}

# server_url ENGINE PORT: the URL of a healthy server, waiting for a background
# start when there is one, else starting it now. Prints the URL last.
server_url() {
    local engine="$1" port="$2" waited=0
    if [ -f "${BACKGROUND_DIR}/${engine}.start.out" ]; then
        while [ ! -f "${BACKGROUND_DIR}/${engine}.start.rc" ] && [ "${waited}" -lt 400 ]; do
            sleep 2
            waited=$((waited + 2))
        done
        cat "${BACKGROUND_DIR}/${engine}.start.err" >&2 || true
        if [ "$(cat "${BACKGROUND_DIR}/${engine}.start.rc" 2>/dev/null)" = 0 ]; then
            echo "::: ${engine}: background start ready (waited ${waited}s)" >&2
            tail -n 1 "${BACKGROUND_DIR}/${engine}.start.out"
            return 0
        fi
        echo "::: ${engine}: background start failed; starting again in the foreground" >&2
        bash ci/search-servers/stop.sh "${engine}" >&2 || true
    fi
    bash ci/search-servers/start.sh "${engine}" "${port}" | tail -n 1
}
