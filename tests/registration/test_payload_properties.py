"""Property tests of the registration API: whatever JSON a client sends.

Any values (text with NUL, lone surrogates or odd Unicode, huge numbers,
nested objects, missing fields) in any field of the body and in the
``Idempotency-Key`` header get a documented answer, never a 5xx, on SQLite
and PostgreSQL alike; an answer that is an error stores nothing.
"""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.registration.conftest import person
from wagtail_rencontres.models import Registration

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.urls_registration")]

ANSWERS = {201, 202, 400, 409, 415, 422, 429}
FIELDS = (
    "first_name",
    "last_name",
    "email",
    "organisation",
    "function",
    "audience",
    "workshops",
    "consent",
    "website",
    "a_question",
)
ODD_TEXT = (
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "\u202eevil",
    "\ufeff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎉",
    "e\u0301",
    "x" * 300,
    "ws-a",
    "camille@example.org",
)
HUGE_NUMBERS = (2**63, -(2**63) - 1, 10**100, 1e308, -0.0)

#: Any text, with lone surrogates and NUL characters often (hypothesis leaves
#: surrogates out of its text by default).
texts = (
    st.text(st.characters(exclude_categories=()), max_size=40)
    | st.text(
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF) | st.sampled_from("\x00a"),
        min_size=1,
        max_size=5,
    )
    | st.sampled_from(ODD_TEXT)
)
TEXT_FIELDS = ("first_name", "last_name", "email", "organisation", "function", "a_question")
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from(HUGE_NUMBERS)
    | st.floats(allow_nan=False)
    | texts
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(texts, children, max_size=3),
    max_leaves=8,
)
keys = st.none() | texts | st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=140)

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def event(workshop_event, settings):
    """Workshops and an optional extra question, whose answer is stored as sent."""
    from wagtail_rencontres.models import RegistrationFormField

    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 0
    RegistrationFormField.objects.create(
        page=workshop_event, label="A question", field_type="multiline", required=False
    )
    return workshop_event


def post(client, event, body, key):
    headers = {} if key is None else {"Idempotency-Key": key}
    return client.post(
        f"/api/events/{event.pk}/registrations",
        data=json.dumps(body),
        content_type="application/json",
        headers=headers,
    )


def check(client, event, body, key):
    before = Registration.objects.count()
    response = post(client, event, body, key)
    assert response.status_code in ANSWERS, (response.status_code, body, key)
    assert isinstance(response.json(), dict)
    if response.status_code >= 400:
        assert Registration.objects.count() == before, (response.status_code, body)


@SETTINGS
@given(body=st.dictionaries(st.sampled_from(FIELDS) | texts, json_values, max_size=10), key=keys)
def test_any_body_gets_a_documented_answer(client, event, body, key):
    check(client, event, body, key)


@SETTINGS
@given(
    n=st.integers(1, 10**6),
    odd=st.dictionaries(st.sampled_from(FIELDS), json_values, min_size=1, max_size=3),
    key=keys,
)
def test_a_valid_body_with_odd_values_gets_a_documented_answer(client, event, n, odd, key):
    # Starting from a valid body reaches the form, the capacity check and the database.
    check(client, event, {**person(n), **odd}, key)


@SETTINGS
@given(
    n=st.integers(1, 10**6),
    missing=st.sets(st.sampled_from(FIELDS[:8]), min_size=1),
    key=keys,
)
def test_a_body_with_missing_fields_gets_a_documented_answer(client, event, n, missing, key):
    body = {name: value for name, value in person(n).items() if name not in missing}
    check(client, event, body, key)


@SETTINGS
@given(n=st.integers(1, 10**6), field=st.sampled_from(TEXT_FIELDS), text=texts, key=keys)
def test_any_text_in_a_valid_body_gets_a_documented_answer(client, event, n, field, text, key):
    # Reaches the database with odd text: PostgreSQL refuses NUL and lone surrogates.
    check(client, event, {**person(n), field: text}, key)
