"""One registration for every session of a cycle: capacity, duplicates, lists, mails, pages, API."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from tests.registration.conftest import FUTURE_DAY, person
from tests.sites import site_text
from wagtail_rencontres import conf
from wagtail_rencontres.enums import RegistrationMode, RegistrationStatus
from wagtail_rencontres.models import Registration
from wagtail_rencontres.services import capacity
from wagtail_rencontres.services import registration as service

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(open_event):
    """Two published sessions (the first with 2 places), a draft one and a private one."""
    first = open_event(title="Séance 1", registration_capacity=2)
    second = open_event(title="Séance 2", registration_mode=RegistrationMode.NONE)
    draft = open_event(title="Séance brouillon", live=False)
    private = open_event(title="Séance privée")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return first, second, draft, private


@pytest.fixture
def cycle(open_cycle, sessions):
    return open_cycle(sessions, title="Cycle Habitat", registration_capacity=5)


def register_to(page, n=1, **extra):
    form = service.form_class(page)(data=person(n, **extra))
    assert form.is_valid(), form.errors
    return service.register(page, form.cleaned_data).registration


# Capacity


def test_cycle_registration_is_on_the_cycle_and_on_every_session_list(cycle, sessions):
    registration = register_to(cycle)
    assert (registration.page_id, registration.status) == (cycle.pk, RegistrationStatus.CONFIRMED)
    for session in sessions:
        assert list(capacity.registrations_of(session)) == [registration]
    assert capacity.seats_taken(sessions[0]) == 1
    assert list(capacity.own_registrations(sessions[0])) == []


def test_cycle_capacity_sends_the_next_ones_to_the_waiting_list(open_cycle, open_event):
    cycle = open_cycle([open_event()], registration_capacity=2)
    statuses = [register_to(cycle, n).status for n in range(3)]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    assert cycle.registration_state()["places_left"] == 0


def test_full_cycle_without_waiting_list_is_closed(open_cycle, open_event):
    cycle = open_cycle([open_event()], registration_capacity=1, registration_waitlist=False)
    register_to(cycle, 1)
    with pytest.raises(service.RegistrationClosed) as error:
        register_to(cycle, 2)
    assert error.value.code == "full"


def test_cycle_has_no_more_places_than_its_fullest_session(cycle, sessions):
    register_to(sessions[0], 1)
    assert cycle.registration_state()["places_left"] == 1  # the session has 2 places, 1 taken
    assert register_to(cycle, 2).status == RegistrationStatus.CONFIRMED
    assert cycle.registration_state()["places_left"] == 0
    assert register_to(cycle, 3).status == RegistrationStatus.WAITLISTED


def test_cycle_registrants_take_a_place_in_sessions_with_a_capacity(cycle, sessions):
    register_to(cycle, 1)
    register_to(cycle, 2)
    assert sessions[0].registration_state()["places_left"] == 0
    assert register_to(sessions[0], 3).status == RegistrationStatus.WAITLISTED


def test_seats_and_held_email_count_cycle_registrants_in_one_query(cycle, sessions):
    session = sessions[0]  # 2 places
    register_to(cycle, 1)
    register_to(session, 2)
    cancelled = register_to(session, 3)
    assert cancelled.status == RegistrationStatus.WAITLISTED
    Registration.objects.filter(pk=cancelled.pk).update(status=RegistrationStatus.CANCELLED)
    assert register_to(session, 4).status == RegistrationStatus.WAITLISTED
    held = {}
    with CaptureQueriesContext(connection) as queries:
        for n in (1, 2, 3, 4, 5):
            held[n] = capacity.seats_taken_and_held(session, f"camille{n}@example.org")
    assert len(queries) == 5
    # The cycle's registrant holds a place at the session; a cancelled one does not.
    assert held == {1: (2, True), 2: (2, True), 3: (2, False), 4: (2, True), 5: (2, False)}
    assert capacity.seats_taken(session) == 2
    # A session's own registrant is not the cycle's.
    assert capacity.seats_taken_and_held(cycle, "camille2@example.org") == (1, False)
    assert capacity.seats_taken_and_held(cycle, "camille1@example.org") == (1, True)


def test_cancelling_a_cycle_registration_promotes_cycle_and_session_lists(cycle, sessions):
    first = register_to(cycle, 1)
    register_to(cycle, 2)
    waiting_session = register_to(sessions[0], 3)
    waiting_cycle = register_to(cycle, 4)
    assert (waiting_session.status, waiting_cycle.status) == ("waitlisted", "waitlisted")
    promoted = service.cancel(first)
    assert promoted == [waiting_session]  # the session's last place went first in line order
    waiting_cycle.refresh_from_db()
    assert waiting_cycle.status == RegistrationStatus.WAITLISTED


def test_cycle_closes_after_its_last_published_session(open_cycle, make_event):
    past = make_event(dt.date(2024, 3, 1), 9, 17)
    cycle = open_cycle([past], registration_mode=RegistrationMode.INTERNAL)
    state = cycle.registration_state()
    assert (state["is_open"], state["closed_reason"]) == (False, "past")


def test_cycle_without_sessions_is_open_until_its_deadline(open_cycle):
    cycle = open_cycle(registration_closes_at=timezone.now() - dt.timedelta(hours=1))
    assert cycle.registration_state()["closed_reason"] == "deadline_passed"
    assert open_cycle().registration_state()["is_open"] is True


# Duplicates


def test_same_email_twice_on_a_cycle_is_refused(cycle):
    register_to(cycle, 1)
    with pytest.raises(service.DuplicateRegistration) as error:
        register_to(cycle, 1)
    assert str(error.value.message) == str(service.DuplicateRegistration().message)


def test_cycle_registrant_cannot_register_again_to_a_session(cycle, sessions):
    register_to(cycle, 1)
    with pytest.raises(service.DuplicateRegistration) as error:
        register_to(sessions[0], 1)
    assert error.value.field == "email"
    assert str(error.value.message) == gettext(
        "This email address is already registered for this event through the cycle “%(cycle)s”."
    ) % {"cycle": "Cycle Habitat"}


def test_session_registrant_must_cancel_before_registering_to_the_cycle(cycle, sessions):
    own = register_to(sessions[0], 1)
    with pytest.raises(service.DuplicateRegistration) as error:
        register_to(cycle, 1)
    assert str(error.value.message) == gettext(
        "This email address is already registered for “%(event)s”, a session of this cycle. "
        "Cancel that registration first (with the link of its confirmation mail), then "
        "register for the whole cycle."
    ) % {"event": "Séance 1"}
    service.cancel(own)
    assert register_to(cycle, 1).status == RegistrationStatus.CONFIRMED


def test_cancelled_cycle_registration_frees_the_sessions_for_that_email(cycle, sessions):
    service.cancel(register_to(cycle, 1))
    assert register_to(sessions[0], 1).status == RegistrationStatus.CONFIRMED


# Mails


def test_confirmation_mail_carries_every_published_public_session(
    cycle, sessions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register_to(cycle, 1)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    ics = {name: (content, kind) for name, content, kind in message.attachments}
    content, kind = ics["event.ics"]
    assert kind == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(content)
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")] == ["Séance 1", "Séance 2"]
    assert [str(v["UID"]) for v in calendar.walk("VEVENT")] == [
        f"{sessions[0].uuid}@wagtail-rencontres",
        f"{sessions[1].uuid}@wagtail-rencontres",
    ]
    assert len(calendar.walk("VTIMEZONE")) == 1
    body = message.body
    assert "Séance 1" in body
    assert "Séance brouillon" not in body
    assert "Séance privée" not in body
    assert message.subject == site_text(f"Inscription confirmée : {cycle.title}")


def test_waitlisted_cycle_mail_has_no_ics(
    open_cycle, open_event, django_capture_on_commit_callbacks
):
    cycle = open_cycle([open_event()], registration_capacity=1)
    register_to(cycle, 1)
    with django_capture_on_commit_callbacks(execute=True):
        register_to(cycle, 2)
    assert mail.outbox[-1].attachments == []


# Public page


def form_post(client, page, n=1, **extra):
    data = {k: ("on" if v is True else v) for k, v in person(n, **extra).items()}
    return client.post(page.url, data)


def test_cycle_page_renders_the_form_with_csrf(client, cycle):
    response = client.get(cycle.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="website"' in html
    assert response.context["registration"]["places_left"] == 2
    assert sorted(response.context["registration_form"].fields) == [
        "audience",
        "consent",
        "email",
        "first_name",
        "function",
        "last_name",
        "organisation",
        "organisation_kind",
        "website",
    ]


def test_cycle_page_post_confirms_and_redirects(client, cycle):
    response = form_post(client, cycle)
    assert response.status_code == 302
    assert response["Location"] == f"{cycle.url}?registration=confirmed#registration-result"
    page = client.get(f"{cycle.url}?registration=confirmed")
    assert page.context["registration_result"] == service.STATUS_MESSAGES["confirmed"]
    assert Registration.objects.get().page_id == cycle.pk


def test_cycle_page_refuses_without_csrf_honeypot_duplicates_and_floods(client, cycle, settings):
    assert form_post(Client(enforce_csrf_checks=True), cycle).status_code == 403
    bot = form_post(client, cycle, 9, website="http://spam.example")
    assert bot.status_code == 422
    assert list(bot.context["registration_form"].errors) == ["website"]
    form_post(client, cycle, 1)
    duplicate = form_post(client, cycle, 1)
    assert duplicate.status_code == 409
    assert duplicate.context["registration_form"].errors["email"] == [
        str(service.DuplicateRegistration().message)
    ]
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 1
    from django.core.cache import cache

    cache.clear()
    form_post(client, cycle, 2)
    assert form_post(client, cycle, 3).status_code == 429
    assert Registration.objects.count() == 2


def test_cycle_without_internal_registration_shows_no_form(client, open_cycle):
    cycle = open_cycle(registration_mode=RegistrationMode.NONE)
    response = client.get(cycle.url)
    assert response.status_code == 200
    assert response.context["registration_form"] is None
    assert form_post(client, cycle).status_code == 200
    assert Registration.objects.count() == 0


def test_cycle_self_service_page(client, cycle):
    registration = register_to(cycle)
    path = "/" + service.self_service_url(registration).split("/", 3)[3]
    assert path.startswith(cycle.url + "registration/")
    response = client.get(path)
    assert response.status_code == 200
    assert response.context["registration"] == registration
    client.post(path, {"action": "cancel"})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


# API


def api_post(client, page, data, **headers):
    return client.post(
        f"/api/cycles/{page.pk}/registrations",
        data=json.dumps(data),
        content_type="application/json",
        headers=headers,
    )


@pytest.mark.urls("tests.urls_registration")
def test_api_cycle_form_schema(client, cycle):
    response = client.get(f"/api/cycles/{cycle.pk}/registration/form")
    assert response.status_code == 200
    body = response.json()
    assert body["cycle_id"] == cycle.pk
    assert "event_id" not in body
    assert [field["name"] for field in body["fields"]] == [
        "first_name",
        "last_name",
        "email",
        "organisation",
        "organisation_kind",
        "function",
        "audience",
        "consent",
    ]
    assert body["workshops"] == []
    assert (body["state"]["is_open"], body["state"]["places_left"]) == (True, 2)


@pytest.mark.urls("tests.urls_registration")
def test_api_cycle_form_unknown_or_draft_is_404(client, open_cycle):
    draft = open_cycle(live=False)
    statuses = [
        client.get(f"/api/cycles/{pk}/registration/form").status_code
        for pk in (draft.pk, 999999, 2**70)
    ]
    assert statuses == [404, 404, 404]
    assert client.get(f"/api/cycles/{draft.pk}/registration/form").json() == {
        "__all__": [gettext("No such cycle.")]
    }


@pytest.mark.urls("tests.urls_registration")
def test_api_cycle_registration_status_codes(client, open_cycle, open_event, settings):
    cycle = open_cycle([open_event()], registration_capacity=1)
    first = api_post(client, cycle, person(1), **{"Idempotency-Key": "k-1"})
    assert (first.status_code, first.json()["cycle_id"], first.json()["status"]) == (
        201,
        cycle.pk,
        "confirmed",
    )
    again = api_post(client, cycle, person(1), **{"Idempotency-Key": "k-1"})
    assert (again.status_code, again.json()) == (201, first.json())
    assert api_post(client, cycle, person(2)).status_code == 202
    duplicate = api_post(client, cycle, person(1))
    assert (duplicate.status_code, duplicate.json()) == (
        409,
        {"email": [str(service.DuplicateRegistration().message)]},
    )
    invalid = api_post(client, cycle, person(3, email="nope", consent=False))
    assert (invalid.status_code, sorted(invalid.json())) == (422, ["consent", "email"])
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 1
    assert api_post(client, cycle, person(4)).status_code == 429
    assert Registration.objects.filter(page_id=cycle.pk).count() == 2


@pytest.mark.urls("tests.urls_registration")
def test_api_closed_cycle_is_409(client, open_cycle):
    cycle = open_cycle(registration_closes_at=timezone.now() - dt.timedelta(minutes=1))
    response = api_post(client, cycle, person(1))
    assert response.status_code == 409
    assert response.json() == {"__all__": [cycle.registration_state()["closed_message"]]}


@pytest.mark.urls("tests.urls_registration")
def test_api_cycle_form_query_count_does_not_grow_with_sessions(client, open_cycle, open_event):
    def count(cycle):
        client.get(f"/api/cycles/{cycle.pk}/registration/form")  # warm per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/cycles/{cycle.pk}/registration/form").status_code == 200
        return len(queries.captured_queries)

    one = open_cycle([open_event(registration_capacity=3)])
    register_to(one, 1)
    many = open_cycle([open_event(registration_capacity=3) for _ in range(5)])
    for n in range(4):
        register_to(many, n + 10)
    assert count(one) == count(many)


# Admin


@pytest.fixture
def manager(admin_user, client):
    client.force_login(admin_user)
    return admin_user


def admin_url(name, page, query=""):
    return reverse(f"wagtail_rencontres_registrations:{name}", args=[page.pk]) + query


def test_session_admin_list_includes_cycle_registrants_marked(client, manager, cycle, sessions):
    register_to(sessions[0], 1)
    register_to(cycle, 2)
    response = client.get(admin_url("list", sessions[0]))
    assert response.status_code == 200
    rows = [(r.email, r.via_cycle) for r in response.context["registrations"]]
    assert rows == [("camille1@example.org", ""), ("camille2@example.org", "Cycle Habitat")]
    assert response.context["seats_taken"] == 2
    html = response.content.decode()
    assert "rencontres-via-cycle" in html
    assert "Cycle Habitat" in html


def test_cycle_admin_list_and_attendance_cover_the_sessions(client, manager, cycle, sessions):
    register_to(cycle, 1)
    response = client.get(admin_url("list", cycle))
    assert response.status_code == 200
    assert [r.email for r in response.context["registrations"]] == ["camille1@example.org"]
    assert response.context["is_cycle"] is True
    sheet = client.get(admin_url("attendance", cycle))
    assert sheet.status_code == 200
    assert sheet.context["days"] == [FUTURE_DAY]
    session_sheet = client.get(admin_url("attendance", sessions[0]))
    assert [r.email for r in session_sheet.context["registrations"]] == ["camille1@example.org"]


def test_session_csv_export_names_the_cycle(client, manager, cycle, sessions):
    register_to(sessions[0], 1)
    register_to(cycle, 2)
    response = client.get(admin_url("export_csv", sessions[0]))
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    column = rows[0].index(gettext("Registered via the cycle"))
    assert [(row[5], row[column]) for row in rows[1:]] == [
        ("camille1@example.org", ""),
        ("camille2@example.org", "Cycle Habitat"),
    ]


def test_session_admin_list_query_count_with_cycle_registrants(
    client, manager, open_cycle, open_event
):
    def count(page):
        client.get(admin_url("list", page))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(admin_url("list", page)).status_code == 200
        return len(queries.captured_queries)

    one = open_event(registration_capacity=50)
    register_to(open_cycle([one]), 1)
    many = open_event(registration_capacity=50)
    for n in range(3):
        register_to(open_cycle([many]), n + 10)
    for n in range(3):
        register_to(many, n + 20)
    assert count(one) == count(many)


def test_cancel_action_on_a_cycle_registrant_from_a_session_list(client, manager, cycle, sessions):
    registration = register_to(cycle, 1)
    response = client.post(
        admin_url("action", sessions[0]), {"action": "cancel", "registration": [registration.pk]}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_event_listing_counts_cycle_registrants(client, manager, cycle, sessions):
    register_to(cycle, 1)
    register_to(sessions[0], 2)
    response = client.get(reverse("rencontres_events:index"))
    pages = {page.pk: page for page in response.context_data["object_list"]}
    assert (
        pages[sessions[0].pk].registrations_seats_taken,
        pages[sessions[1].pk].registrations_seats_taken,
    ) == (2, 1)


def test_registration_open_filter_counts_cycle_registrants(cycle, sessions):
    from wagtail_rencontres.services import queries

    first = conf.page_model("EventPage").objects.filter(pk=sessions[0].pk)
    first.update(registration_waitlist=False)
    register_to(cycle, 1)
    assert queries.filter_registration_open(first, True).count() == 1
    register_to(cycle, 2)
    assert queries.filter_registration_open(first, True).count() == 0


@pytest.mark.urls("tests.api.urls")
def test_typed_api_cycle_detail_carries_its_registration_state(client, cycle):
    from wagtail_rencontres.api import schemas

    register_to(cycle, 1)
    response = client.get(f"/api/rencontres/cycles/{cycle.pk}")
    assert response.status_code == 200
    data = response.json()
    schemas.CycleDetail.model_validate(data)
    registration = data["registration"]
    assert (
        registration["mode"],
        registration["is_open"],
        registration["capacity"],
        registration["places_left"],
    ) == ("internal", True, 5, 1)


def test_cycle_registrations_are_anonymised_after_the_last_session(
    open_cycle, make_event, settings
):
    settings.WAGTAILRENCONTRES_REGISTRATION_RETENTION_DAYS = 30
    today = timezone.now().date()
    old = make_event(today - dt.timedelta(days=60), 9, 17)
    older = make_event(today - dt.timedelta(days=90), 9, 17)
    recent = make_event(today - dt.timedelta(days=10), 9, 17)
    ended = open_cycle([old, older])
    running = open_cycle([old, recent])
    for cycle, n in ((ended, 1), (running, 2)):
        Registration.objects.create(
            page=cycle,
            status=RegistrationStatus.CONFIRMED,
            consent_version="x",
            form_data={"regime": "vegan"},
            **{k: v for k, v in person(n).items() if k != "consent"},
        )
    assert service.anonymise_expired() == {ended.pk: 1}
    emails = dict(Registration.objects.values_list("page_id", "email"))
    assert emails == {ended.pk: "", running.pk: "camille2@example.org"}
