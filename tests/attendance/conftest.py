"""Fixtures of the registration tests, shared by the attendance tests."""

from tests.registration.conftest import (  # noqa: F401 - fixtures used by name
    FUTURE_DAY,
    clear_cache,
    open_cycle,
    open_event,
    person,
    register,
)
