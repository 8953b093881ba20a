"""Registration endpoints of the typed API (a django-ninja ``router``).

- ``GET /events/{event_id}/registration/form``: the form schema of an event.
- ``POST /events/{event_id}/registrations``: register. 201 confirmed, 202
  waitlisted or pending approval, 422 field-keyed errors, 409 closed or
  duplicate, 415 not sent as ``application/json``, 429 rate limited, 503 the
  database out of reach (retry). An ``Idempotency-Key`` header makes retries
  safe: the same key with the same body replays the first answer, with
  another body it is a 422.
- ``GET /cycles/{cycle_id}/registration/form`` and
  ``POST /cycles/{cycle_id}/registrations``: the same for a whole cycle (one
  registration for every session).

No domain logic here: validation is the same Wagtail form as the HTML page
(:mod:`wagtail_rencontres.forms`) and registering goes through
:mod:`wagtail_rencontres.services.registration`. Responses never contain
personal data.
"""

import functools
import hashlib
import json
from typing import Annotated

from django import forms
from django.utils.translation import gettext as _
from ninja import Field, Header, Status
from pydantic import BaseModel, ConfigDict

from wagtail_rencontres import conf
from wagtail_rencontres.api.errors import Errors, unstorable_text
from wagtail_rencontres.api.params import MAX_ID, NO_NUL, JSONBody, PathId, RencontresRouter
from wagtail_rencontres.api.schemas import (
    CycleRegistrationFormOut,
    CycleRegistrationOut,
    RegistrationFormOut,
    RegistrationOut,
)
from wagtail_rencontres.enums import (
    OrganisationKind,
    RegistrationClosedReason,
    RegistrationStatus,
)
from wagtail_rencontres.forms import HONEYPOT_FIELD
from wagtail_rencontres.models import consent_version
from wagtail_rencontres.services import capacity, compiled, i18n, queries, serving
from wagtail_rencontres.services import registration as service

router = RencontresRouter(tags=["registration"])

IDEMPOTENCY_KEY_MAX_LENGTH = 128


class RegistrationIn(BaseModel):
    """Core fields; the event's extra questions are further keys named as in the form schema.

    The schema checks types and lengths; the event's form (the same as on the
    HTML page) then checks the rest: email format, consent, places, questions.
    A pydantic model, not a ninja ``Schema``: a ``Schema`` reads its input as
    attributes and would drop the extra keys, the answers to the questions.
    """

    model_config = ConfigDict(extra="allow")

    # minLength and const are declared for clients and fuzzers; the form enforces
    # them, with the same messages as the HTML page.
    first_name: str = Field(max_length=100, json_schema_extra={"minLength": 1})
    last_name: str = Field(max_length=100, json_schema_extra={"minLength": 1})
    email: str = Field(max_length=254, json_schema_extra={"format": "email", "minLength": 3})
    organisation: str = Field(max_length=255, json_schema_extra={"minLength": 1})
    organisation_kind: str = Field(
        "",
        max_length=32,
        description="Type of organisation, one of the form schema's choices; empty: not given.",
        json_schema_extra={"enum": ["", *OrganisationKind.values]},
    )
    function: str = Field("", max_length=255)
    audience: int | None = Field(
        None, ge=1, le=MAX_ID, description="Audience id, from the form schema."
    )
    workshops: list[Annotated[str, Field(max_length=100)]] = Field(
        default_factory=list, max_length=100, description="Chosen session ids."
    )
    consent: bool = Field(
        description="Must be true: the person accepts the consent text.",
        json_schema_extra={"const": True},
    )


Payload = Annotated[RegistrationIn, JSONBody(...)]

IdempotencyKey = Annotated[
    str,
    Header(
        "",
        alias="Idempotency-Key",
        max_length=IDEMPOTENCY_KEY_MAX_LENGTH,
        pattern=NO_NUL,
        description="Repeat a request with the same key and body to get the first answer; "
        "the same key with another body is a 422.",
    ),
]


def _event(event_id):
    return _public_page(conf.page_model("EventPage"), event_id)


def _cycle(cycle_id):
    return _public_page(conf.page_model("CyclePage"), cycle_id)


def _public_page(model, pk):
    return _public_pages(model, i18n.default_language_code()).get(pk)


@functools.lru_cache(maxsize=16)
def _public_pages(model, default_language):
    """Live public pages of ``model`` by primary key, each knowing its owner (a
    translation's registrations go to its source) and whether it asks extra
    questions, in the query that reads it.

    Compiled once per page model and default language (:mod:`.compiled`):
    building and compiling this query was a sixth of a registration's Python.
    """
    pages = capacity.with_owner(queries.live_public(model))
    return compiled.ByPrimaryKey(serving.with_questions_known(pages))


def _field_type(field):
    widget = field.widget
    if isinstance(field, forms.BooleanField):
        return "checkbox"
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return "checkboxes" if isinstance(widget, forms.CheckboxSelectMultiple) else "multiselect"
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return "radio" if isinstance(widget, forms.RadioSelect) else "select"
    if isinstance(field, forms.EmailField):
        return "email"
    if isinstance(field, forms.URLField):
        return "url"
    if isinstance(field, forms.DecimalField | forms.IntegerField):
        return "number"
    if isinstance(field, forms.DateTimeField):
        return "datetime"
    if isinstance(field, forms.DateField):
        return "date"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "text"


def _choices(field):
    if not hasattr(field, "choices"):
        return []
    return [
        {"value": str(value), "label": str(label)}
        for value, label in field.choices
        if str(value) != ""
    ]


@router.get(
    "/events/{event_id}/registration/form",
    response={200: RegistrationFormOut, 400: Errors, 404: Errors},
    summary="Registration form of an event",
)
def registration_form(request, event_id: PathId):
    """Fields, types, choices, workshops with places left, consent text and state."""
    event = _event(event_id)
    if event is None:
        return Status(404, {"__all__": [_("No such event.")]})
    return Status(200, {"event_id": event.pk, **_form_schema(event)})


@router.get(
    "/cycles/{cycle_id}/registration/form",
    response={200: CycleRegistrationFormOut, 400: Errors, 404: Errors},
    summary="Registration form of a cycle",
)
def cycle_registration_form(request, cycle_id: PathId):
    """One registration for every session of the cycle: fields, consent text and state."""
    cycle = _cycle(cycle_id)
    if cycle is None:
        return Status(404, {"__all__": [_("No such cycle.")]})
    return Status(200, {"cycle_id": cycle.pk, **_form_schema(cycle)})


def _form_schema(page):
    form = service.form_class(page)()
    sessions = capacity.workshop_sessions(page)
    places = capacity.workshop_places_left(sessions, capacity.workshop_seats_taken(page))
    text = service.consent_text(page)
    return {
        "state": page.registration_state(),
        "fields": [
            {
                "name": name,
                "label": str(field.label or ""),
                "type": _field_type(field),
                "required": field.required,
                "help_text": str(field.help_text or ""),
                "choices": _choices(field),
                "autocomplete": field.widget.attrs.get("autocomplete", ""),
            }
            for name, field in form.fields.items()
            if name != HONEYPOT_FIELD
        ],
        "workshops": [
            {
                "id": session_id,
                "title": session.title,
                "start": session.start,
                "end": session.end,
                "restricted": session.restricted,
                "restricted_to": session.restricted_to,
                # How many seats a restricted session has is no public matter.
                "capacity": None if session.restricted else session.capacity,
                "places_left": None if session.restricted else places[session_id],
            }
            for session_id, session in sessions.items()
        ],
        "consent": {"text": text, "version": consent_version(text)},
        "honeypot": HONEYPOT_FIELD,
    }


def _status_code(registration):
    if registration.status in (RegistrationStatus.CONFIRMED, RegistrationStatus.APPROVED):
        return 201
    if registration.status in (RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING):
        return 202
    return 200


def _outcome(registration, id_key="event_id"):
    return Status(
        _status_code(registration),
        {
            "status": registration.status,
            "status_label": str(registration.get_status_display()),
            "message": str(service.STATUS_MESSAGES[registration.status]),
            id_key: registration.page_id,
        },
    )


def _form_data(payload):
    # Forms expect strings, lists and booleans; give them nothing else.
    data = {}
    for key, value in payload.items():
        if isinstance(value, list):
            data[key] = [item if isinstance(item, str) else json.dumps(item) for item in value]
        elif isinstance(value, bool | str) or value is None:
            data[key] = value
        else:
            data[key] = json.dumps(value)
    return data


def _post_responses(out):
    return {
        200: out,
        201: out,
        202: out,
        400: Errors,
        404: Errors,
        409: Errors,
        415: Errors,
        422: Errors,
        429: Errors,
        503: Errors,
    }


@router.post(
    "/events/{event_id}/registrations",
    response=_post_responses(RegistrationOut),
    summary="Register to an event",
)
def create_registration(
    request, event_id: PathId, payload: Payload, idempotency_key: IdempotencyKey
):
    """Register: 201 confirmed, 202 waitlisted or pending, 409 closed or duplicate."""
    event = _event(event_id)
    if event is None:
        return Status(404, {"__all__": [_("No such event.")]})
    return _register(request, event, payload, idempotency_key, "event_id")


@router.post(
    "/cycles/{cycle_id}/registrations",
    response=_post_responses(CycleRegistrationOut),
    summary="Register to every session of a cycle",
)
def create_cycle_registration(
    request, cycle_id: PathId, payload: Payload, idempotency_key: IdempotencyKey
):
    """Register to a whole cycle: same answers and status codes as for an event."""
    cycle = _cycle(cycle_id)
    if cycle is None:
        return Status(404, {"__all__": [_("No such cycle.")]})
    return _register(request, cycle, payload, idempotency_key, "cycle_id")


def _fingerprint(data):
    """SHA-256 of the body in canonical JSON: the same answers give the same fingerprint."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _is_storable(value):
    """Whether ``value`` holds only text the databases store: no NUL, no lone surrogate."""
    if isinstance(value, str):
        return "\x00" not in value and not any("\ud800" <= char <= "\udfff" for char in value)
    if isinstance(value, list):
        return all(_is_storable(item) for item in value)
    if isinstance(value, dict):
        return all(_is_storable(key) and _is_storable(item) for key, item in value.items())
    return True


def _unstorable(data):
    """Field-keyed errors for text that SQLite and PostgreSQL would refuse to store."""
    message = unstorable_text()
    return {key: [message] for key, value in data.items() if not _is_storable(value)}


def _key_reused():
    return Status(
        422,
        {
            "Idempotency-Key": [
                _("This key was used for another registration. Use a new key for a new request.")
            ]
        },
    )


def _replay(registration, fingerprint, id_key):
    """The first answer again, unless the key came with another body (a 422)."""
    if registration.request_fingerprint and registration.request_fingerprint != fingerprint:
        return _key_reused()
    return _outcome(registration, id_key)


def _register(request, page, payload, key, id_key):
    key = key.strip()
    data = payload.model_dump()
    invalid = _unstorable(data)
    if invalid:
        return Status(422, invalid)
    fingerprint = _fingerprint(data) if key else ""
    if key:
        existing = capacity.own_registrations(page).filter(idempotency_key=key).first()
        if existing is not None:
            return _replay(existing, fingerprint, id_key)
    if service.rate_limited(service.client_ip(request)):
        return Status(429, {"__all__": [_("Too many attempts. Please try again later.")]})
    # Places are counted once, under the lock (service.register refuses a full page).
    reason = service.closed_reason(page, places=False)
    if reason or page.registration_mode != "internal":
        message = RegistrationClosedReason(reason).label if reason else _("Registration is closed.")
        return Status(409, {"__all__": [str(message)]})
    # Without a workshop chosen, no workshop check applies: the programme is not read.
    form = service.form_class(page, workshops=bool(data.get("workshops")))(data=_form_data(data))
    if not form.is_valid():
        return Status(
            422,
            {
                field: [error["message"] for error in errors]
                for field, errors in form.errors.get_json_data().items()
            },
        )
    try:
        outcome = service.register(
            page, form.cleaned_data, idempotency_key=key, request_fingerprint=fingerprint
        )
    except service.WorkshopFull as error:
        return Status(422, {error.field: [str(error.message)]})
    except service.RegistrationError as error:
        return Status(409, {error.field: [str(error.message)]})
    if not outcome.created:  # a retry with the same key won the race
        return _replay(outcome.registration, fingerprint, id_key)
    return _outcome(outcome.registration, id_key)


__all__ = ["router"]
