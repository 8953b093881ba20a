#!/usr/bin/env bash
# ensure_venv: create .venv with Python 3.11 if missing and install the package
# with its testing extra, so both README commands share one set-up.
ensure_venv() {
    local python="${PYTHON:-python3.11}"
    command -v "$python" >/dev/null 2>&1 || python=python3
    if [ ! -x .venv/bin/python ]; then
        "$python" -m venv .venv
    fi
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[testing]"
}
