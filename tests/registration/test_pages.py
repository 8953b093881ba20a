"""The registration form on the event page and the self-service page (HTML)."""

import pytest
from django.test import Client
from django.utils.html import escape

from tests.registration.conftest import person
from tests.sites import site_text
from wagtail_rencontres.enums import RegistrationStatus
from wagtail_rencontres.models import Registration
from wagtail_rencontres.services import registration as service

pytestmark = pytest.mark.django_db


def form_post(client, event, n=1, **extra):
    data = {k: ("on" if v is True else v) for k, v in person(n, **extra).items()}
    return client.post(event.url, data)


def test_event_page_renders_the_form_with_csrf(client, open_event):
    event = open_event(registration_capacity=30)
    response = client.get(event.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="email"' in html
    assert 'name="consent"' in html
    assert response.context["registration"]["places_left"] == 30


def test_post_confirms_and_redirects_with_message(client, open_event):
    event = open_event()
    response = form_post(client, event)
    assert response.status_code == 302
    assert response["Location"] == f"{event.url}?registration=confirmed#registration-result"
    page = client.get(f"{event.url}?registration=confirmed")
    assert page.context["registration_result"] == service.STATUS_MESSAGES["confirmed"]
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED


def test_post_without_csrf_token_is_refused(open_event):
    client = Client(enforce_csrf_checks=True)
    response = form_post(client, open_event())
    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_invalid_post_shows_field_errors(client, open_event):
    response = form_post(client, open_event(), email="nope", consent="")
    assert response.status_code == 422
    assert sorted(response.context["registration_form"].errors) == ["consent", "email"]


def test_duplicate_post_says_so(client, open_event):
    event = open_event()
    form_post(client, event)
    response = form_post(client, event)
    assert response.status_code == 409
    assert response.context["registration_form"].errors["email"] == [
        str(service.DuplicateRegistration().message)
    ]


def test_rate_limited_post(client, open_event, settings):
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 1
    event = open_event()
    form_post(client, event, 1)
    response = form_post(client, event, 2)
    assert response.status_code == 429
    assert Registration.objects.count() == 1


def test_closed_form_says_why(client, open_event):
    event = open_event(registration_capacity=1, registration_waitlist=False)
    form_post(client, event, 1)
    response = client.get(event.url)
    assert response.context["registration_form"] is None
    assert response.context["registration"]["closed_reason"] == "full"
    message = response.context["registration"]["closed_message"]
    assert message == site_text("L'événement est complet.")
    assert escape(message) in response.content.decode()
    assert form_post(client, event, 2).status_code == 409


def test_no_personal_data_or_private_session_details_on_the_public_page(
    client, workshop_event, register
):
    register(workshop_event, 1, workshops=["ws-a"])
    html = client.get(workshop_event.url).content.decode()
    assert "Salle ws-a" in html  # an open session shows its room
    for private in ("camille1", "Martin1", "Salle ws-b", "Détails ws-b"):
        assert private not in html


def self_service_path(registration):
    return "/" + service.self_service_url(registration).split("/", 3)[3]


def test_self_service_shows_and_updates_answers(client, open_event, register):
    registration = register(open_event())
    url = self_service_path(registration)
    response = client.get(url)
    assert response.status_code == 200
    assert "camille1@example.org" in response.content.decode()
    response = client.post(
        url,
        {
            "action": "update",
            "first_name": "Camille",
            "last_name": "Durand",
            "email": "camille1@example.org",
            "organisation": "Métropole",
            "organisation_kind": "local_authority",
            "function": "",
        },
    )
    assert response.status_code == 200
    registration.refresh_from_db()
    assert (registration.last_name, registration.organisation) == ("Durand", "Métropole")
    assert registration.organisation_kind == "local_authority"
    assert registration.email == "camille1@example.org"


def test_self_service_cancel_promotes_waiting(client, open_event, register):
    event = open_event(registration_capacity=1)
    first = register(event, 1)
    waiting = register(event, 2)
    client.post(self_service_path(first), {"action": "cancel"})
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert (first.status, waiting.status) == ("cancelled", "confirmed")


def test_self_service_erase(client, open_event, register):
    registration = register(open_event())
    url = self_service_path(registration)
    response = client.post(url, {"action": "erase"})
    assert response.status_code == 200
    registration.refresh_from_db()
    assert (registration.email, registration.status) == ("", "cancelled")
    assert client.get(url).status_code == 404


def test_self_service_refuses_forged_or_foreign_links(client, open_event, register):
    event = open_event()
    other = open_event()
    registration = register(event)
    good = service.signed_token(registration)
    assert client.get(f"{event.url}registration/{good}x/").status_code == 404
    assert client.get(f"{event.url}registration/not-signed/").status_code == 404
    assert client.get(f"{other.url}registration/{good}/").status_code == 404
