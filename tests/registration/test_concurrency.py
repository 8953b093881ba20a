"""No overbooking: many simultaneous registrations against a row-locked capacity.

Each thread has its own database connection and transaction, as concurrent
web requests do. Only PostgreSQL has row locks (SQLite serialises whole
transactions and cannot run this meaningfully with an in-memory database).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections
from wagtail.models import Locale, Page, Site

from tests.registration.conftest import person, programme, workshop
from wagtail_rencontres.enums import RegistrationStatus
from wagtail_rencontres.models import Registration
from wagtail_rencontres.services import registration as service

ATTEMPTS = 110

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Row locks (SELECT … FOR UPDATE) need PostgreSQL; SQLite has none.",
    ),
]


@pytest.fixture(autouse=True)
def page_tree():
    """The locale, root page and default site that migrations create.

    Transactional tests empty the database when they end (and a test with
    ``serialized_rollback`` even drops the content types), so each test here
    recreates what it needs instead of reloading a serialised copy.
    """
    ContentType.objects.clear_cache()
    if Site.objects.filter(is_default_site=True).exists():
        return
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    home = root.add_child(instance=Page(title="Accueil", slug="accueil", locale=locale))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)


def run_simultaneously(event, payloads):
    """Register every payload from its own thread, all released at once by a barrier."""
    return run_on_pages([(event, data) for data in payloads])


def run_on_pages(attempts):
    """Register each ``(page, data)`` from its own thread, all released at once by a barrier."""
    form_classes = {page.pk: service.form_class(page) for page, _data in attempts}
    barrier = threading.Barrier(len(attempts))

    def attempt(page_and_data):
        page, data = page_and_data
        try:
            form = form_classes[page.pk](data=data)
            assert form.is_valid(), form.errors
            barrier.wait(timeout=60)
            try:
                return service.register(page, form.cleaned_data).registration.status
            except service.RegistrationError as error:
                return error.code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(attempts)) as pool:
        return list(pool.map(attempt, attempts))


def test_exactly_capacity_confirmed_out_of_many_simultaneous_attempts(open_event):
    event = open_event(registration_capacity=7, registration_waitlist=False)
    results = run_simultaneously(event, [person(n) for n in range(ATTEMPTS)])
    assert results.count("confirmed") == 7
    assert results.count("full") == ATTEMPTS - 7
    assert Registration.objects.filter(page_id=event.pk).count() == 7


def test_waiting_list_takes_the_rest_under_concurrency(open_event):
    event = open_event(registration_capacity=5, registration_waitlist=True)
    results = run_simultaneously(event, [person(n) for n in range(ATTEMPTS)])
    assert (results.count("confirmed"), results.count("waitlisted")) == (5, ATTEMPTS - 5)
    confirmed = Registration.objects.filter(
        page_id=event.pk, status=RegistrationStatus.CONFIRMED
    ).count()
    assert confirmed == 5


def test_workshop_capacity_under_concurrency(open_event):
    event = open_event(
        registration_capacity=500,
        programme=programme(workshop("ws-x", "Atelier X", "10:00", "12:00", capacity=3)),
    )
    results = run_simultaneously(event, [person(n, workshops=["ws-x"]) for n in range(ATTEMPTS)])
    assert results.count("confirmed") == 3
    assert results.count("workshop_full") == ATTEMPTS - 3
    taken = Registration.objects.filter(page_id=event.pk, workshops__contains=["ws-x"]).count()
    assert taken == 3


def test_same_email_twice_at_once_gives_one_registration(open_event):
    event = open_event()
    results = run_simultaneously(event, [person(1) for _ in range(20)])
    assert sorted(set(results)) == ["confirmed", "duplicate_email"]
    assert results.count("confirmed") == 1


def test_exactly_the_cycle_capacity_confirmed_out_of_many_simultaneous_attempts(
    open_event, open_cycle
):
    cycle = open_cycle(
        [open_event(), open_event()], registration_capacity=7, registration_waitlist=False
    )
    results = run_simultaneously(cycle, [person(n) for n in range(ATTEMPTS)])
    assert (results.count("confirmed"), results.count("full")) == (7, ATTEMPTS - 7)
    assert Registration.objects.filter(page_id=cycle.pk).count() == 7


def test_session_places_shared_by_cycle_and_session_registrations_under_concurrency(
    open_event, open_cycle
):
    """Cycle and session registrations race for a session's 5 places: never more than 5."""
    session = open_event(registration_capacity=5, registration_waitlist=False)
    cycle = open_cycle([session, open_event()], registration_waitlist=False)
    attempts = [(cycle if n % 2 else session, person(n)) for n in range(ATTEMPTS)]
    results = run_on_pages(attempts)
    assert (results.count("confirmed"), results.count("full")) == (5, ATTEMPTS - 5)
    holding = Registration.objects.filter(
        page_id__in=[session.pk, cycle.pk], status__in=RegistrationStatus.seat_holding()
    ).count()
    assert holding == 5
