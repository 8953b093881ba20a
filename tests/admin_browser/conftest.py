"""The admin suite reuses the accessibility checks' Chromium and demo fixtures."""

from tests.a11y.conftest import chromium, demo  # noqa: F401
