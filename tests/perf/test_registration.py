"""One registration costs at most 10 queries, the change stamp moved on commit included."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.registration.conftest import person
from wagtail_rencontres.enums import RegistrationStatus
from wagtail_rencontres.models import Registration
from wagtail_rencontres.services.registration import outbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_mail_task(monkeypatch):
    """The mail is recorded in the registration's transaction; its task runs elsewhere."""
    monkeypatch.setattr(outbox, "enqueue_mail", lambda mail_id: None)


def statements(queries):
    """The queries that read or write rows. Transaction control is left out: the test's
    own transaction turns the request's outer atomic blocks into savepoints; in
    production they are BEGIN and COMMIT, and only the savepoint around the insert
    adds two statements."""
    return [
        query["sql"]
        for query in queries.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "BEGIN", "COMMIT"))
    ]


@pytest.fixture
def measure(django_capture_on_commit_callbacks):
    """measure(call): the queries of ``call()``, with its on-commit callbacks (the stamp)."""

    def run(call):
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            call()
        return statements(queries)

    return run


def post(client, event, n):
    response = client.post(
        f"/api/rencontres/events/{event.pk}/registrations",
        data=json.dumps(person(n)),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    return response


def test_one_registration_costs_at_most_10_queries(client, full_event, no_mail_task, measure):
    event = full_event(0)
    measure(lambda: post(client, event, 1))  # fill per-process caches first
    sent = measure(lambda: post(client, event, 2))
    # The page, its questions, its lock, seats and email, two inserts, the change stamp.
    assert len(sent) <= 8, "\n".join(sql[:120] for sql in sent)
    assert (
        list(Registration.objects.filter(page_id=event.pk).values_list("status", flat=True))
        == [RegistrationStatus.CONFIRMED] * 2
    )


def test_a_registration_costs_the_same_whatever_the_programme(
    client, full_event, no_mail_task, measure
):
    small, large = full_event(0, sessions=1), full_event(1, sessions=16)
    measure(lambda: post(client, small, 1))
    counts = [
        len(measure(lambda event=event, n=n: post(client, event, n)))
        for n, event in enumerate((small, large), start=2)
    ]
    assert counts[0] == counts[1]
