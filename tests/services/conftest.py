from tests.api.conftest import programme_event  # noqa: F401 - shared fixture
