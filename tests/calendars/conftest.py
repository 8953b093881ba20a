"""Mozilla's ical.js, run with node, as a second calendar parser.

``bash tests/calendars/fetch-icaljs.sh`` puts ical.js in ``.cache/icaljs/``
(CI's setup step does it; the first test run does it when npm is there).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ICALJS = ROOT / ".cache" / "icaljs" / "node_modules" / "ical.js" / "dist" / "ical.es5.cjs"


@pytest.fixture(scope="session")
def icaljs():
    """``read(ics_bytes)`` → ical.js's ``[{"uid", "start", "end", "zone"}]``, epoch ms."""
    if shutil.which("node") is None and not os.environ.get("CI"):
        pytest.skip("node is not installed (CI installs it)")
    if not ICALJS.is_file():
        subprocess.run(  # noqa: S603
            ["bash", str(HERE / "fetch-icaljs.sh")],  # noqa: S607
            check=True,
            timeout=300,
        )

    def read(body):
        result = subprocess.run(  # noqa: S603
            ["node", str(HERE / "icaljs_instants.mjs"), str(ICALJS)],  # noqa: S607
            input=body,
            capture_output=True,
            check=True,
            timeout=60,
        )
        return json.loads(result.stdout)

    return read
