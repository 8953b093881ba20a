"""One registration costs at most 10 queries, the change stamp moved on commit included.

The budget counts the statements that read or write rows. Transaction control
(BEGIN, COMMIT, SAVEPOINT, RELEASE) is counted apart: the test's own
transaction turns the request's outer atomic block into a savepoint; in
production it is BEGIN and COMMIT. The benchmark counts the same way, with
the same rule (``benchmarks.budgets.is_transaction_control``).
"""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.budgets import is_transaction_control
from tests.i18n.helpers import translate
from tests.perf.conftest import FUTURE_DAY
from tests.registration.conftest import person
from wagtail_rencontres.enums import RegistrationStatus
from wagtail_rencontres.models import Audience, Registration, RegistrationFormField
from wagtail_rencontres.services.registration import outbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_mail_task(monkeypatch):
    """The mail is recorded in the registration's transaction; its task runs elsewhere."""
    monkeypatch.setattr(outbox, "enqueue_mail", lambda mail_id: None)


def statements(queries):
    """The queries that read or write rows."""
    return [
        query["sql"]
        for query in queries.captured_queries
        if not is_transaction_control(query["sql"])
    ]


def transaction_control(queries):
    """The transaction-control statements, without savepoint names."""
    return [
        query["sql"].split(' "')[0]
        for query in queries.captured_queries
        if is_transaction_control(query["sql"])
    ]


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    """capture(call): the captured queries of ``call()``, with its on-commit callbacks
    (the stamp)."""

    def run(call):
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            call()
        return queries

    return run


@pytest.fixture
def measure(capture):
    """measure(call): the statements of ``call()`` that read or write rows."""
    return lambda call: statements(capture(call))


def post(client, event, n, **extra):
    response = client.post(
        f"/api/rencontres/events/{event.pk}/registrations",
        data=json.dumps(person(n, **extra)),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    return response


def test_one_registration_costs_at_most_10_queries(client, full_event, no_mail_task, measure):
    event = full_event(0)
    measure(lambda: post(client, event, 1))  # fill per-process caches first
    sent = measure(lambda: post(client, event, 2))
    # The page (knowing it asks no extra question), its lock, seats and email, two
    # inserts, the change stamp.
    assert len(sent) <= 6, "\n".join(sql[:120] for sql in sent)
    assert (
        list(Registration.objects.filter(page_id=event.pk).values_list("status", flat=True))
        == [RegistrationStatus.CONFIRMED] * 2
    )


def test_extra_questions_are_read_only_when_the_event_asks_some(
    client, full_event, no_mail_task, measure
):
    plain, asking = full_event(0), full_event(1)
    RegistrationFormField.objects.create(
        page=asking, label="Régime alimentaire", field_type="singleline", required=True
    )
    measure(lambda: post(client, plain, 1))
    without = measure(lambda: post(client, plain, 2))
    response = client.post(
        f"/api/rencontres/events/{asking.pk}/registrations",
        data=json.dumps(person(3)),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert list(response.json()) == ["regime_alimentaire"]

    with_question = measure(
        lambda: client.post(
            f"/api/rencontres/events/{asking.pk}/registrations",
            data=json.dumps(person(4, regime_alimentaire="Végétarien")),
            content_type="application/json",
        )
    )

    questions = RegistrationFormField._meta.db_table

    def reads_questions(sql):
        return sql.split(" FROM ", 1)[-1].startswith(f'"{questions}"')

    assert len(with_question) == len(without) + 1
    assert [reads_questions(sql) for sql in with_question].count(True) == 1
    assert not any(reads_questions(sql) for sql in without)
    assert Registration.objects.get(page_id=asking.pk).form_data == {
        "regime_alimentaire": "Végétarien"
    }


@pytest.mark.usefixtures("translated_agenda")
def test_a_registration_through_a_translation_costs_what_one_through_its_source_does(
    client, full_event, translation_locale, no_mail_task, measure
):
    """The API reads the translation with its source's id: the places are the source's."""
    event = full_event(0)
    translation = translate(event, translation_locale)
    measure(lambda: post(client, translation, 1))
    through_source = len(measure(lambda: post(client, event, 2)))

    sent = measure(lambda: post(client, translation, 3))

    assert len(sent) == through_source, "\n".join(sql[:120] for sql in sent)
    assert Registration.objects.filter(page_id=event.pk).count() == 3
    assert not Registration.objects.filter(page_id=translation.pk).exists()


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


def test_the_lock_is_one_transaction_without_a_savepoint_of_its_own(
    client, full_event, no_mail_task, capture
):
    """The insert has no savepoint: two statements less while the event's row is locked."""
    event = full_event(0)
    capture(lambda: post(client, event, 1))

    queries = capture(lambda: post(client, event, 2))

    # The test's transaction makes the request's BEGIN and COMMIT a savepoint and its release.
    assert transaction_control(queries) == ["SAVEPOINT", "RELEASE SAVEPOINT"]


def test_the_change_stamp_moves_in_one_statement(client, full_event, no_mail_task, measure):
    event = full_event(0)
    measure(lambda: post(client, event, 1))

    sent = measure(lambda: post(client, event, 2))

    stamp = [sql for sql in sent if "wagtail_rencontres_changestamp" in sql]
    assert len(stamp) == 1
    assert stamp[0].startswith("UPDATE")


def restricted_workshop(event, audience):
    """Make the first session of ``event`` a workshop restricted to ``audience``."""
    raw = list(event.programme.raw_data)
    session = raw[0]["value"]["sessions"][0]
    session["value"]["format"] = "workshop"
    session["value"]["capacity"] = 10
    session["value"]["restricted_audiences"] = [{"type": "item", "id": "a1", "value": audience.pk}]
    type(event).objects.filter(pk=event.pk).update(programme=json.dumps(raw))
    event.refresh_from_db()
    return session["id"]


def test_the_workshops_and_their_audiences_are_read_once(client, full_event, no_mail_task, measure):
    """The form reads the workshops; the locked copy of the page reuses them."""
    event = full_event(0, sessions=16)
    audience = Audience.objects.create(name="Élus", slug="elus", locale=event.locale)
    workshop = restricted_workshop(event, audience)
    choosing = {"workshops": [workshop], "audience": audience.pk}
    measure(lambda: post(client, event, 1, **choosing))

    sent = measure(lambda: post(client, event, 2, **choosing))

    audiences = [sql for sql in sent if 'FROM "wagtail_rencontres_audience"' in sql]
    # The workshops' restricted audiences, then the chosen audience checked.
    assert len(audiences) == 2, "\n".join(sql[:120] for sql in sent)
    assert len(sent) <= 10, "\n".join(sql[:120] for sql in sent)
    assert Registration.objects.get(email="camille2@example.org").workshops == [workshop]
    response = client.get(f"/api/rencontres/events/{event.pk}/registration/form")
    assert [item["id"] for item in response.json()["workshops"]] == [workshop]
    assert FUTURE_DAY.isoformat() in response.json()["workshops"][0]["start"]


def test_a_registration_choosing_no_workshop_reads_no_programme(
    client, full_event, no_mail_task, measure
):
    event = full_event(0, sessions=16)
    audience = Audience.objects.create(name="Élus", slug="elus", locale=event.locale)
    workshop = restricted_workshop(event, audience)
    measure(lambda: post(client, event, 1))

    sent = measure(lambda: post(client, event, 2))
    choosing = measure(lambda: post(client, event, 3, workshops=[workshop], audience=audience.pk))

    assert not [sql for sql in sent if 'FROM "wagtail_rencontres_audience"' in sql]
    # Choosing costs the workshops' audiences, the chosen audience and the workshop's seats.
    assert len(sent) == len(choosing) - 3
    # The workshop checks still apply to those who choose one.
    refused = client.post(
        f"/api/rencontres/events/{event.pk}/registrations",
        data=json.dumps(person(4, workshops=[workshop])),
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert list(refused.json()) == ["workshops"]
