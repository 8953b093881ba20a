#!/usr/bin/env bash
# ensure_venv [DIR [PIP_ARGS…]]: create DIR (default .venv) with Python 3.11 if
# missing and install the package with its testing extra, plus PIP_ARGS, so
# both README commands (and CI's Wagtail 7.4 virtualenv) share one set-up.
ensure_venv() {
    local venv="${1:-.venv}"
    local python="${PYTHON:-python3.11}"
    shift || true
    command -v "$python" >/dev/null 2>&1 || python=python3
    if [ ! -x "${venv}/bin/python" ]; then
        "$python" -m venv "${venv}"
    fi
    "${venv}/bin/python" -m pip install --quiet --upgrade pip
    "${venv}/bin/python" -m pip install --quiet -e ".[testing]" "$@"
}
