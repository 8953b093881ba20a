import json

import pytest
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.registration.conftest import person
from tests.sites import default_language
from wagtail_rencontres.models import Registration

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
        "function",
        "audience",
        "workshops",
        "consent",
    ]
    fields = {field["name"]: field for field in body["fields"]}
    assert fields["email"]["type"] == "email"
    assert fields["consent"]["type"] == "checkbox"
    assert fields["audience"]["choices"] == [{"value": str(elected.pk), "label": "Élus"}]
    assert [
        (w["id"], w["capacity"], w["places_left"], w["restricted"]) for w in body["workshops"]
    ] == [
        ("ws-a", 1, 1, False),
        ("ws-b", 5, 5, True),
        ("ws-c", 5, 5, False),
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
    assert response.status_code in (201, 422)
    assert isinstance(response.json(), dict)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(), children, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    payload=st.dictionaries(
        st.sampled_from(
            [
                "first_name",
                "last_name",
                "email",
                "organisation",
                "function",
                "audience",
                "workshops",
                "consent",
                "website",
                "other",
            ]
        ),
        json_values,
    )
)
def test_fuzzed_payloads_never_500(client, fuzz_event, payload):
    response = post(client, fuzz_event, payload)
    assert response.status_code in (201, 202, 409, 422, 429)


@pytest.fixture
def fuzz_event(workshop_event, settings):
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 0
    return workshop_event
