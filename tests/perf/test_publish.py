"""Publishing an event, as an editor does: what its transaction leaves for the commit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.perf.conftest import programme

pytestmark = pytest.mark.django_db


def publish(event, django_capture_on_commit_callbacks):
    """Publish a new revision of ``event``; returns its on-commit callbacks and queries."""
    event.title += "!"
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        event.save_revision().publish()
    return callbacks, queries


def test_publishing_costs_the_same_whatever_the_programme(
    full_event, records, django_capture_on_commit_callbacks
):
    event = full_event(0, sessions=1)
    publish(event, django_capture_on_commit_callbacks)  # fill per-process caches first
    _callbacks, one_session = publish(event, django_capture_on_commit_callbacks)
    event.programme = programme(event.start.date(), 16, records["speakers"])
    publish(event, django_capture_on_commit_callbacks)
    _callbacks, sixteen_sessions = publish(event, django_capture_on_commit_callbacks)
    assert len(sixteen_sessions) == len(one_session)
