"""Self-service pages: updates under the same rules as registering, privacy, expiring links."""

import datetime as dt

import pytest
from django.core import checks
from django.test import override_settings
from django.utils import timezone
from django.utils.translation import gettext

from tests.registration.conftest import person
from wagtail_rencontres.enums import MailKind, RegistrationStatus
from wagtail_rencontres.services import registration as service

pytestmark = pytest.mark.django_db


def self_service_path(registration):
    return "/" + service.self_service_url(registration).split("/", 3)[3]


def update(client, registration, **changes):
    data = {k: v for k, v in person(1).items() if k != "consent"}
    data["email"] = registration.email
    data["workshops"] = list(registration.workshops)
    data.update(changes)
    data["action"] = "update"
    return client.post(self_service_path(registration), data)


def test_form_shows_email_workshops_and_audience_but_not_consent(client, workshop_event, register):
    registration = register(workshop_event, 1, workshops=["ws-a"])
    form = client.get(self_service_path(registration)).context["form"]
    assert list(form.fields)[:8] == [
        "first_name",
        "last_name",
        "email",
        "organisation",
        "organisation_kind",
        "function",
        "audience",
        "workshops",
    ]
    assert "consent" not in form.fields
    assert (form.initial["email"], form.initial["workshops"]) == ("camille1@example.org", ["ws-a"])


def test_email_change_is_saved_and_mailed(
    client, open_event, register, django_capture_on_commit_callbacks
):
    registration = register(open_event())
    with django_capture_on_commit_callbacks(execute=True):
        response = update(client, registration, email="Nouvelle@Example.org")
    assert response.status_code == 200
    assert response.context["message"] == gettext("Your registration is updated.")
    registration.refresh_from_db()
    assert registration.email == "nouvelle@example.org"
    assert list(registration.mails.values_list("kind", flat=True)) == [
        MailKind.CONFIRMED,
        MailKind.UPDATED,
    ]


def test_email_of_another_registrant_is_refused(client, open_event, register):
    event = open_event()
    register(event, 2)
    registration = register(event, 1)
    response = update(client, registration, email="camille2@example.org")
    assert response.status_code == 409
    assert response.context["form"].errors["email"] == [
        str(service.DuplicateRegistration().message)
    ]
    registration.refresh_from_db()
    assert registration.email == "camille1@example.org"


def test_email_of_a_cycle_registrant_is_refused_on_a_session(
    client, open_event, open_cycle, register
):
    event = open_event()
    register(open_cycle([event], title="Cycle Habitat"), 2)
    registration = register(event, 1)
    response = update(client, registration, email="camille2@example.org")
    assert response.status_code == 409
    assert response.context["form"].errors["email"] == [
        gettext(
            "This email address is already registered for this event through the cycle “%(cycle)s”."
        )
        % {"cycle": "Cycle Habitat"}
    ]


def test_workshop_change_takes_a_free_place_and_frees_the_old_one(client, workshop_event, register):
    registration = register(workshop_event, 1, workshops=["ws-a"])
    response = update(client, registration, workshops=["ws-c"])
    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.workshops == ["ws-c"]
    assert register(workshop_event, 2, workshops=["ws-a"]).status == RegistrationStatus.CONFIRMED


def test_keeping_a_full_workshop_is_allowed(client, workshop_event, register):
    registration = register(workshop_event, 1, workshops=["ws-a"])  # its only place
    response = update(client, registration, workshops=["ws-a", "ws-c"], last_name="Durand")
    assert response.status_code == 200
    registration.refresh_from_db()
    assert (registration.workshops, registration.last_name) == (["ws-a", "ws-c"], "Durand")


def test_choosing_a_full_workshop_is_refused(client, workshop_event, register):
    register(workshop_event, 2, workshops=["ws-a"])
    registration = register(workshop_event, 1, workshops=["ws-c"])
    response = update(client, registration, workshops=["ws-a"])
    assert response.status_code == 422
    assert response.context["form"].errors["workshops"] == [
        gettext("No place left in: %(titles)s. Choose another session.") % {"titles": "Atelier A"}
    ]
    registration.refresh_from_db()
    assert registration.workshops == ["ws-c"]


def test_restricted_workshop_needs_the_audience(client, workshop_event, register):
    registration = register(workshop_event, 1)
    response = update(client, registration, workshops=["ws-b"])
    assert response.status_code == 422
    assert response.context["form"].errors["workshops"] == [
        gettext("“%(title)s” is restricted to: %(audiences)s.")
        % {"title": "Atelier B", "audiences": "Élus"}
    ]


def test_restricted_workshop_waits_for_approval_then_back_to_confirmed(
    client, workshop_event, register, elected
):
    type(workshop_event).objects.filter(pk=workshop_event.pk).update(
        registration_requires_approval=True
    )
    registration = register(workshop_event, 1)
    response = update(client, registration, workshops=["ws-b"], audience=str(elected.pk))
    assert response.status_code == 200
    registration.refresh_from_db()
    assert (registration.status, registration.audience_id) == (
        RegistrationStatus.PENDING,
        elected.pk,
    )
    update(client, registration, workshops=["ws-c"], audience=str(elected.pk))
    registration.refresh_from_db()
    assert (registration.status, registration.workshops) == (
        RegistrationStatus.CONFIRMED,
        ["ws-c"],
    )


def test_approved_registration_stays_approved_when_keeping_its_sessions(
    client, workshop_event, register, elected
):
    type(workshop_event).objects.filter(pk=workshop_event.pk).update(
        registration_requires_approval=True
    )
    workshop_event.refresh_from_db()
    registration = register(workshop_event, 1, workshops=["ws-b"], audience=str(elected.pk))
    assert registration.status == RegistrationStatus.PENDING
    service.approve(registration)
    update(client, registration, workshops=["ws-b", "ws-c"], audience=str(elected.pk))
    registration.refresh_from_db()
    assert (registration.status, registration.workshops) == (
        RegistrationStatus.APPROVED,
        ["ws-b", "ws-c"],
    )


def test_freed_workshop_promotes_a_waiting_registration(client, workshop_event, register):
    type(workshop_event).objects.filter(pk=workshop_event.pk).update(registration_capacity=2)
    workshop_event.refresh_from_db()
    holder = register(workshop_event, 1, workshops=["ws-a"])
    other = register(workshop_event, 2)
    waiting = register(workshop_event, 3, workshops=["ws-a"])
    service.cancel(other)  # a place frees up, but the waiting one wants the full workshop
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITLISTED
    assert update(client, holder, workshops=["ws-c"]).status_code == 200
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_waitlisted_registrant_may_choose_a_full_workshop(client, workshop_event, register):
    type(workshop_event).objects.filter(pk=workshop_event.pk).update(registration_capacity=1)
    workshop_event.refresh_from_db()
    register(workshop_event, 2, workshops=["ws-a"])
    waiting = register(workshop_event, 1, workshops=["ws-c"])
    response = update(client, waiting, workshops=["ws-a"])
    assert response.status_code == 200
    waiting.refresh_from_db()
    assert (waiting.status, waiting.workshops) == (RegistrationStatus.WAITLISTED, ["ws-a"])


def test_cancelled_registration_cannot_be_updated(client, open_event, register):
    registration = register(open_event())
    service.cancel(registration)
    response = update(client, registration, last_name="Autre")
    assert response.status_code == 409
    assert response.context["form"] is None
    registration.refresh_from_db()
    assert registration.last_name == "Martin1"


def test_cycle_registrant_cannot_take_the_email_of_a_session_registrant(
    client, open_event, open_cycle, register
):
    session = open_event(title="Séance 1")
    cycle = open_cycle([session])
    register(session, 2)
    registration = register(cycle, 1)
    response = update(client, registration, email="camille2@example.org")
    assert response.status_code == 409
    assert response.context["form"].errors["email"] == [
        gettext(
            "This email address is already registered for “%(event)s”, a session of this "
            "cycle. Cancel that registration first (with the link of its confirmation mail), "
            "then register for the whole cycle."
        )
        % {"event": "Séance 1"}
    ]


# Privacy of the page, and expiry of its link

PRIVATE_HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "same-origin",
}
ROBOTS_META = '<meta name="robots" content="noindex, nofollow">'


def end_event(event, ago):
    """Make ``event`` end ``ago`` before now (the links' expiry counts from the end)."""
    end = timezone.now() - ago
    type(event.specific).objects.filter(pk=event.pk).update(
        start=end - dt.timedelta(hours=8), end=end
    )


def assert_private(response):
    assert {name: response.get(name) for name in PRIVATE_HEADERS} == PRIVATE_HEADERS
    head = response.content.decode().split("</head>", 1)[0]
    assert ROBOTS_META in head


def assert_names_no_one(response):
    html = response.content.decode()
    for personal in ("Camille1", "Martin1", "camille1@example.org"):
        assert personal not in html


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ({}, 200),  # GET
        ({"action": "update", "email": "not an email"}, 422),
        ({"action": "update"}, 200),
        ({"action": "cancel"}, 200),
        ({"action": "erase"}, 200),
    ],
)
def test_every_answer_is_private_and_kept_out_of_search_engines(
    client, open_event, register, action, status
):
    registration = register(open_event())
    if not action:
        response = client.get(self_service_path(registration))
    elif action["action"] == "update":
        response = update(
            client, registration, **{k: v for k, v in action.items() if k != "action"}
        )
    else:
        response = client.post(self_service_path(registration), action)
    assert response.status_code == status
    assert_private(response)


def test_a_forged_link_answers_a_private_404_naming_no_one(client, open_event, register):
    event = open_event()
    registration = register(event)
    for token in (f"{service.signed_token(registration)}x", "not-signed"):
        response = client.get(f"{event.url}registration/{token}/")
        assert response.status_code == 404
        assert_private(response)
        assert_names_no_one(response)
        assert (
            gettext("This link is not valid, or the registration it opened has been erased.")
            in response.content.decode()
        )


def test_an_erased_registration_answers_a_private_404(client, open_event, register):
    registration = register(open_event())
    client.post(self_service_path(registration), {"action": "erase"})
    response = client.get(self_service_path(registration))
    assert response.status_code == 404
    assert_private(response)


def test_link_expires_the_configured_days_after_the_event_ends(open_event):
    event = open_event()
    limit = event.end + dt.timedelta(days=30)
    assert service.link_expires_at(event) == limit
    assert service.link_expired(event, now=limit - dt.timedelta(days=1)) is False
    assert service.link_expired(event, now=limit - dt.timedelta(seconds=1)) is False
    assert service.link_expired(event, now=limit) is True


def test_link_works_the_day_before_its_limit(client, open_event, register):
    registration = register(open_event())
    end_event(registration.page, dt.timedelta(days=29))
    response = client.get(self_service_path(registration))
    assert response.status_code == 200
    assert response.context["registration"] == registration


def test_an_expired_link_answers_410_gone_naming_no_one(client, open_event, register):
    registration = register(open_event())
    end_event(registration.page, dt.timedelta(days=30, minutes=1))
    for response in (
        client.get(self_service_path(registration)),
        client.post(self_service_path(registration), {"action": "cancel"}),
    ):
        assert response.status_code == 410
        assert_private(response)
        assert_names_no_one(response)
        assert (
            gettext(
                "This link has expired: registrations can no longer be managed online some "
                "time after the event."
            )
            in response.content.decode()
        )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


@override_settings(WAGTAILRENCONTRES_REGISTRATION_LINK_DAYS_AFTER_EVENT=7)
def test_the_number_of_days_is_a_setting(client, open_event, register):
    registration = register(open_event())
    end_event(registration.page, dt.timedelta(days=6))
    assert client.get(self_service_path(registration)).status_code == 200
    end_event(registration.page, dt.timedelta(days=7, minutes=1))
    assert client.get(self_service_path(registration)).status_code == 410


@override_settings(WAGTAILRENCONTRES_REGISTRATION_LINK_DAYS_AFTER_EVENT=None)
def test_without_a_number_of_days_links_never_expire(client, open_event, register):
    registration = register(open_event())
    end_event(registration.page, dt.timedelta(days=3650))
    assert service.link_expires_at(registration.page.specific) is None
    assert client.get(self_service_path(registration)).status_code == 200


def test_a_cycle_link_expires_after_its_last_session_ends(client, open_event, open_cycle, register):
    first, last = open_event(title="Séance 1"), open_event(title="Séance 2")
    cycle = open_cycle([first, last])
    registration = register(cycle)
    end_event(first, dt.timedelta(days=60))
    end_event(last, dt.timedelta(days=29))
    assert client.get(self_service_path(registration)).status_code == 200
    end_event(last, dt.timedelta(days=30, minutes=1))
    assert client.get(self_service_path(registration)).status_code == 410


@override_settings(WAGTAILRENCONTRES_REGISTRATION_LINK_MAX_AGE_DAYS=90)
def test_the_removed_max_age_setting_gets_a_warning():
    warnings = [m for m in checks.run_checks() if m.id == "wagtail_rencontres.W010"]
    assert [m.msg for m in warnings] == [
        "WAGTAILRENCONTRES_REGISTRATION_LINK_MAX_AGE_DAYS is no longer read: "
        "self-service links now expire a number of days after the event ends."
    ]


@pytest.mark.parametrize(
    "base_template",
    [
        "wagtail_start_base.html",  # extra_css only, as `wagtail start` makes it
        "wagtail_rencontres/base.html",  # extra_head only
        "base_with_both_head_blocks.html",
    ],
)
def test_the_robots_meta_reaches_the_head_of_any_base_template(
    client, open_event, register, base_template
):
    registration = register(open_event())
    with override_settings(WAGTAILRENCONTRES_BASE_TEMPLATE=base_template):
        response = client.get(self_service_path(registration))
    head, body = response.content.decode().split("</head>", 1)
    assert ROBOTS_META in head
    assert ROBOTS_META not in body
