"""The browser journeys reuse the accessibility checks' Chromium, axe-core and demo fixtures."""

from tests.a11y.conftest import axe_source, browser_page, chromium, demo  # noqa: F401
