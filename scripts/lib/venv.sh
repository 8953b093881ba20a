#!/usr/bin/env bash
# make_venv DIR: create DIR with Python 3.11 if missing, with an up-to-date pip.
make_venv() {
    local venv="$1"
    local python="${PYTHON:-python3.11}"
    command -v "$python" >/dev/null 2>&1 || python=python3
    if [ ! -x "${venv}/bin/python" ]; then
        "$python" -m venv "${venv}"
    fi
    "${venv}/bin/python" -m pip install --quiet --upgrade pip
}

# ensure_venv [DIR [PIP_ARGS…]]: make DIR (default .venv) and install the
# package with its testing extra, plus PIP_ARGS, so both README commands (and
# CI's Wagtail 7.4 virtualenv) share one set-up.
ensure_venv() {
    local venv="${1:-.venv}"
    shift || true
    make_venv "${venv}"
    "${venv}/bin/python" -m pip install --quiet -e ".[testing]" "$@"
}
