"""Refresh the documentation's screenshots: ``python scripts/screenshots.py``.

Loads the example site's demo data into a test database, serves it, and
saves the agenda, an event, the registration form with errors and the
headless demo at 1280 px and 375 px into ``docs/assets/screenshots/``
(Debian's Chromium and Playwright, as the browser tests use).
"""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    sys.exit(
        pytest.main(
            [str(ROOT / "tests" / "browser" / "screenshots.py"), "-q", "-p", "no:cacheprovider"]
        )
    )
