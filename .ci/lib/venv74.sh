#!/usr/bin/env bash
# ensure_venv74: a virtualenv with Wagtail 7.4 LTS (.venv74), so that the main
# one (.venv) stays on Wagtail 8.0. Step 05 fetches its dependencies in the
# background (prefetch_venv74); step 50 waits for that, then installs the
# package itself.
VENV74_LOG=.venv74.build.log

ensure_venv74() {
    source scripts/lib/venv.sh
    ensure_venv .venv74 "wagtail>=7.4,<7.5"
}

# prefetch_venv74: the dependencies only (from pyproject.toml), not the package:
# an editable install writes into the source tree, which step 20's own install
# of .venv may be doing at the same moment.
prefetch_venv74() {
    source scripts/lib/venv.sh
    make_venv .venv74
    .venv74/bin/python - <<'PY' >.venv74/requirements-prefetch.txt
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
for requirement in project["dependencies"] + project["optional-dependencies"]["testing"]:
    print(requirement)
PY
    .venv74/bin/python -m pip install --quiet -r .venv74/requirements-prefetch.txt "wagtail>=7.4,<7.5"
}

# wait_for_venv74_build: wait (at most 10 minutes) for step 05's background build.
wait_for_venv74_build() {
    local waited=0
    [ -f "${VENV74_LOG}" ] || return 0
    while ! grep -q "^::: venv74 build ended" "${VENV74_LOG}" && [ "${waited}" -lt 600 ]; do
        sleep 2
        waited=$((waited + 2))
    done
    echo "::: Wagtail 7.4 virtualenv: background build waited for ${waited}s"
}
