import json
import re

import pytest
from django.db import InterfaceError, OperationalError
from django.utils import translation
from django.utils.translation import gettext

from tests.registration.conftest import person
from tests.sites import default_language
from wagtail_rencontres.enums import OrganisationKind
from wagtail_rencontres.models import Registration, RegistrationMail

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.urls_registration")]


def post(client, event, data, **headers):
    return client.post(
        f"/api/events/{event.pk}/registrations",
        data=data if isinstance(data, (str, bytes)) else json.dumps(data),
        content_type="application/json",
        headers=headers,
    )


def test_form_schema(client, workshop_event, elected):
    response = client.get(f"/api/events/{workshop_event.pk}/registration/form")
    assert response.status_code == 200
    body = response.json()
    assert [field["name"] for field in body["fields"]] == [
        "first_name",
        "last_name",
        "email",
        "organisation",
        "organisation_kind",
        "function",
        "audience",
        "workshops",
        "consent",
    ]
    fields = {field["name"]: field for field in body["fields"]}
    assert fields["email"]["type"] == "email"
    assert fields["consent"]["type"] == "checkbox"
    assert fields["audience"]["choices"] == [{"value": str(elected.pk), "label": "Élus"}]
    assert fields["organisation_kind"]["type"] == "select"
    assert fields["organisation_kind"]["required"] is False
    assert [choice["value"] for choice in fields["organisation_kind"]["choices"]] == list(
        OrganisationKind.values
    )
    # A restricted session's seats are no public matter: null capacity and places.
    assert [
        (w["id"], w["capacity"], w["places_left"], w["restricted"], len(w["restricted_to"]))
        for w in body["workshops"]
    ] == [
        ("ws-a", 1, 1, False, 0),
        ("ws-b", None, None, True, 1),
        ("ws-c", 5, 5, False, 0),
    ]
    assert body["workshops"][0]["start"].endswith("+01:00") or body["workshops"][0][
        "start"
    ].endswith("+02:00")
    assert body["state"]["is_open"] is True
    assert body["state"]["places_left"] == 10
    assert len(body["consent"]["version"]) == 12
    assert body["honeypot"] == "website"


def test_post_confirmed_201_then_duplicate_409(client, open_event):
    event = open_event(registration_capacity=5)
    response = post(client, event, person(1))
    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"
    assert response.json()["event_id"] == event.pk
    assert "camille1" not in response.content.decode()
    again = post(client, event, person(1))
    assert again.status_code == 409
    assert list(again.json()) == ["email"]


def test_post_stores_the_type_of_organisation_and_refuses_an_unknown_one(client, open_event):
    event = open_event()
    response = post(client, event, person(1, organisation_kind="citizens_council"))
    assert response.status_code == 201
    assert Registration.objects.get().organisation_kind == "citizens_council"
    refused = post(client, event, person(2, organisation_kind="mairie"))
    assert refused.status_code == 422
    assert list(refused.json()) == ["organisation_kind"]
    assert Registration.objects.count() == 1


def test_post_waitlisted_202(client, open_event):
    event = open_event(registration_capacity=1)
    assert post(client, event, person(1)).status_code == 201
    response = post(client, event, person(2))
    assert response.status_code == 202
    assert response.json()["status"] == "waitlisted"


def test_post_pending_202(client, workshop_event, elected):
    workshop_event.registration_requires_approval = True
    workshop_event.save()
    response = post(client, workshop_event, person(1, workshops=["ws-b"], audience=elected.pk))
    assert response.status_code == 202
    assert response.json()["status"] == "pending"


def test_post_restricted_session_refused_422(client, workshop_event):
    response = post(client, workshop_event, person(1, workshops=["ws-b"]))
    assert response.status_code == 422
    assert list(response.json()) == ["workshops"]


def test_post_full_workshop_422(client, workshop_event):
    assert post(client, workshop_event, person(1, workshops=["ws-a"])).status_code == 201
    response = post(client, workshop_event, person(2, workshops=["ws-a"]))
    assert response.status_code == 422
    with translation.override(default_language()):
        expected = gettext("No place left in: %(titles)s. Choose another session.") % {
            "titles": "Atelier A"
        }
    assert response.json() == {"workshops": [expected]}


def test_post_field_keyed_errors_422(client, open_event):
    # The body schema answers first (types, lengths, required fields), then the form.
    response = post(client, open_event(), {"email": "not-an-email", "consent": False})
    assert response.status_code == 422
    assert sorted(response.json()) == ["first_name", "last_name", "organisation"]
    response = post(client, open_event(), person(1, email="not-an-email", consent=False))
    assert response.status_code == 422
    assert sorted(response.json()) == ["consent", "email"]


def test_post_closed_409(client, open_event):
    event = open_event(registration_capacity=1, registration_waitlist=False)
    assert post(client, event, person(1)).status_code == 201
    response = post(client, event, person(2))
    assert response.status_code == 409
    with translation.override(default_language()):
        assert response.json() == {"__all__": [gettext("The event is full.")]}


def test_post_rate_limited_429(client, open_event, settings):
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 2
    event = open_event()
    assert post(client, event, person(1)).status_code == 201
    assert post(client, event, person(2)).status_code == 201
    response = post(client, event, person(3))
    assert response.status_code == 429
    assert Registration.objects.filter(page_id=event.pk).count() == 2


def test_post_idempotency_key_replays(client, open_event):
    event = open_event(registration_capacity=1)
    first = post(client, event, person(1), **{"Idempotency-Key": "k-1"})
    second = post(client, event, person(1), **{"Idempotency-Key": "k-1"})
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json() == second.json()
    assert Registration.objects.filter(page_id=event.pk).count() == 1


def test_unknown_or_unpublished_event_404(client, open_event):
    event = open_event()
    event.unpublish()
    assert client.get(f"/api/events/{event.pk}/registration/form").status_code == 404
    assert post(client, event, person(1)).status_code == 404
    assert client.get("/api/events/99999999999999999999999/registration/form").status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        "",
        "null",
        "[]",
        "42",
        '"text"',
        "{bad json",
        b"\xff\xfe\x00",
        "[" * 5000 + "]" * 5000,
        json.dumps(person(1, audience=10**30)),
        json.dumps(person(1, audience={"a": 1})),
        json.dumps(person(1, workshops="ws-a")),
        json.dumps(person(1, workshops=[{"x": 1}, None, 3])),
        json.dumps(person(1, email=["a@b.c"])),
        json.dumps(person(1, first_name="\x00")),
        json.dumps(person(1, consent="yes please", first_name="x" * 10000)),
    ],
)
def test_bad_payloads_never_500(client, open_event, body):
    response = post(client, open_event(), body)
    # The test client sends no Content-Type with an empty body: that is a 415.
    assert response.status_code in ((201, 422) if body else (415,))
    assert isinstance(response.json(), dict)


ROUTES = ("/api/events/{pk}/registrations", "/api/cycles/{pk}/registrations")


@pytest.fixture
def pages(open_event, open_cycle):
    """An open event and an open cycle, to post to each registration route."""
    return {ROUTES[0]: open_event(), ROUTES[1]: open_cycle([open_event()])}


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(
    ("content_type", "data"),
    [
        ("text/plain", json.dumps(person(1))),
        ("text/plain; charset=utf-8", json.dumps(person(1))),
        ("application/x-www-form-urlencoded", "first_name=Camille&consent=on"),
        ("multipart/form-data; boundary=XyZ", '--XyZ\r\nContent-Disposition: form-data; name="a"'),
        ("application/jsonp", json.dumps(person(1))),
        ("", json.dumps(person(1))),
    ],
)
def test_post_other_than_json_is_415(client, pages, route, content_type, data):
    # A browser sends these across sites without a CORS preflight.
    page = pages[route]
    response = client.generic(
        "POST", route.format(pk=page.pk), data=data, content_type=content_type
    )
    assert response.status_code == 415
    with translation.override(default_language()):
        expected = gettext("Send the body as JSON, with Content-Type: application/json.")
    assert response.json() == {"__all__": [expected]}
    assert Registration.objects.count() == 0


def test_post_multipart_from_a_form_is_415(client, open_event):
    response = client.post(f"/api/events/{open_event().pk}/registrations", data=person(1))
    assert response.status_code == 415
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "Application/JSON"])
def test_post_json_with_a_charset_or_in_capitals_is_accepted(client, open_event, content_type):
    event = open_event()
    response = client.generic(
        "POST",
        f"/api/events/{event.pk}/registrations",
        data=json.dumps(person(1)),
        content_type=content_type,
    )
    assert response.status_code == 201
    assert Registration.objects.filter(page_id=event.pk).count() == 1


def test_idempotency_key_with_another_body_is_422(client, open_event):
    event = open_event()
    first = post(client, event, person(1), **{"Idempotency-Key": "k-1"})
    assert first.status_code == 201
    other = post(client, event, person(2), **{"Idempotency-Key": "k-1"})
    assert other.status_code == 422
    with translation.override(default_language()):
        expected = gettext(
            "This key was used for another registration. Use a new key for a new request."
        )
    assert other.json() == {"Idempotency-Key": [expected]}
    assert list(Registration.objects.values_list("email", flat=True)) == ["camille1@example.org"]
    # The same body, keys in another order, still replays the first answer.
    replay = post(client, event, dict(reversed(person(1).items())), **{"Idempotency-Key": "k-1"})
    assert (replay.status_code, replay.json()) == (201, first.json())


def test_idempotency_fingerprint_is_stored_and_erased_with_the_personal_data(client, open_event):
    from wagtail_rencontres.services.registration.retention import anonymise

    event = open_event()
    post(client, event, person(1), **{"Idempotency-Key": "k-1"})
    registration = Registration.objects.get(page_id=event.pk)
    assert re.fullmatch(r"[0-9a-f]{64}", registration.request_fingerprint)
    anonymise(registration)
    registration.refresh_from_db()
    assert (registration.idempotency_key, registration.request_fingerprint) == ("", "")


def test_idempotency_race_lost_with_another_body_is_422(client, open_event, monkeypatch):
    # The key is free when the view looks, taken when the service holds the lock.
    from wagtail_rencontres.services import capacity

    event = open_event()
    assert post(client, event, person(1), **{"Idempotency-Key": "k-1"}).status_code == 201
    real = capacity.own_registrations
    calls = []

    def first_look_misses(page):
        calls.append(page)
        queryset = real(page)
        return queryset.none() if len(calls) == 1 else queryset

    monkeypatch.setattr(capacity, "own_registrations", first_look_misses)
    response = post(client, event, person(2), **{"Idempotency-Key": "k-1"})
    assert response.status_code == 422
    assert list(response.json()) == ["Idempotency-Key"]
    assert Registration.objects.filter(page_id=event.pk).count() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("first_name", "Cam\ud800ille"),
        ("last_name", "\udfff"),
        ("organisation", "Ville\x00de Dijon"),
        ("workshops", ["ws-a\ud83d"]),
        ("other_question", "x\x00"),
        ("other_question", {"nested": "\ud800"}),
    ],
)
def test_unstorable_text_is_422_and_stores_nothing(client, workshop_event, field, value):
    response = post(client, workshop_event, person(1, **{field: value}))
    assert response.status_code == 422
    with translation.override(default_language()):
        expected = gettext("Give text without NUL characters or invalid Unicode.")
    assert response.json() == {field: [expected]}
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("first_name", "x" * 101),
        ("email", "a" * 250 + "@b.fr"),
        ("organisation", ["Ville"]),
        ("first_name", {"a": "b"}),
        ("audience", 2**64),
        ("audience", -1),
        ("workshops", ["ws-a"] * 101),
        ("consent", [True]),
    ],
)
def test_odd_values_are_422_keyed_by_their_field(client, open_event, field, value):
    response = post(client, open_event(), person(1, **{field: value}))
    assert response.status_code == 422
    assert list(response.json()) == [field]
    assert Registration.objects.count() == 0


def test_idempotency_key_too_long_or_with_nul_is_422(client, open_event):
    event = open_event()
    for key in ("k" * 129, "k\x00"):
        response = post(client, event, person(1), **{"Idempotency-Key": key})
        assert response.status_code == 422
        assert list(response.json()) == ["Idempotency-Key"]
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_database_drop_is_503_and_the_retry_registers_once(
    client, open_event, monkeypatch, django_capture_on_commit_callbacks, error
):
    from wagtail_rencontres.services.registration import workflow
    from wagtail_rencontres.services.registration.outbox import enqueue_mail

    event = open_event()
    real = workflow.queue_mail

    def drop(*args, **kwargs):
        raise error("server closed the connection unexpectedly")

    # The row is saved, then the connection drops before the mail is queued.
    monkeypatch.setattr(workflow, "queue_mail", drop)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, event, person(1), **{"Idempotency-Key": "k-1"})
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    with translation.override(default_language()):
        expected = gettext("The service is unavailable for a moment. Please try again.")
    assert response.json() == {"__all__": [expected]}
    assert Registration.objects.count() == 0

    monkeypatch.setattr(workflow, "queue_mail", real)
    with django_capture_on_commit_callbacks() as sent:
        retry = post(client, event, person(1), **{"Idempotency-Key": "k-1"})
        again = post(client, event, person(1), **{"Idempotency-Key": "k-1"})
    assert (retry.status_code, again.status_code) == (201, 201)
    assert Registration.objects.filter(page_id=event.pk).count() == 1
    # One mail recorded, handed to the task backend once (after the commit);
    # the other on-commit callbacks move the change stamp.
    assert RegistrationMail.objects.filter(registration__page_id=event.pk).count() == 1
    handed = [callback for callback in sent if getattr(callback, "func", None) is enqueue_mail]
    assert len(handed) == 1


def test_extra_questions_are_answered_through_the_api(client, open_event):
    from wagtail_rencontres.models import RegistrationFormField

    event = open_event()
    RegistrationFormField.objects.create(
        page=event, label="Régime alimentaire", field_type="singleline", required=True
    )
    missing = post(client, event, person(1))
    assert (missing.status_code, list(missing.json())) == (422, ["regime_alimentaire"])
    response = post(client, event, person(1, regime_alimentaire="Végétarien"))
    assert response.status_code == 201
    registration = Registration.objects.get(page_id=event.pk)
    assert registration.form_data == {"regime_alimentaire": "Végétarien"}
    # The question's form field lets a lone surrogate through; the API does not.
    odd = post(client, event, person(2, regime_alimentaire="Vé\ud800gé"))
    assert (odd.status_code, list(odd.json())) == (422, ["regime_alimentaire"])
    assert Registration.objects.filter(page_id=event.pk).count() == 1
