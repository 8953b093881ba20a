"""Registration endpoints of the typed API (a django-ninja ``router``).

- ``GET /events/{event_id}/registration/form``: the form schema of an event.
- ``POST /events/{event_id}/registrations``: register. 201 confirmed, 202
  waitlisted or pending approval, 422 field-keyed errors, 409 closed or
  duplicate, 429 rate limited. An ``Idempotency-Key`` header makes retries safe.
- ``GET /cycles/{cycle_id}/registration/form`` and
  ``POST /cycles/{cycle_id}/registrations``: the same for a whole cycle (one
  registration for every session).

No domain logic here: validation is the same Wagtail form as the HTML page
(:mod:`wagtail_rencontres.forms`) and registering goes through
:mod:`wagtail_rencontres.services.registration`. Responses never contain
personal data.
"""

import datetime as dt
import json
from typing import Annotated

from django import forms
from django.utils.translation import gettext as _
from ninja import Field, Header, Schema, Status

from wagtail_rencontres import conf
from wagtail_rencontres.api.errors import Errors
from wagtail_rencontres.api.params import MAX_ID, PathId, RencontresRouter
from wagtail_rencontres.enums import RegistrationStatus
from wagtail_rencontres.forms import HONEYPOT_FIELD
from wagtail_rencontres.models import consent_version
from wagtail_rencontres.services import capacity
from wagtail_rencontres.services import registration as service

router = RencontresRouter(tags=["registration"])

IDEMPOTENCY_KEY_MAX_LENGTH = 128


class ChoiceOut(Schema):
    value: str
    label: str


class FormFieldOut(Schema):
    name: str
    label: str
    type: str = Field(
        description="text, textarea, email, url, number, date, datetime, checkbox, select, "
        "radio, multiselect, checkboxes"
    )
    required: bool
    help_text: str
    choices: list[ChoiceOut]


class WorkshopOut(Schema):
    id: str = Field(description="Stable session id, to send in `workshops`.")
    title: str
    start: dt.datetime
    end: dt.datetime | None
    restricted: bool
    restricted_to: list[str]
    capacity: int | None
    places_left: int | None


class ConsentOut(Schema):
    text: str
    version: str


class RegistrationStateOut(Schema):
    mode: str
    opens_at: dt.datetime | None
    closes_at: dt.datetime | None
    is_open: bool
    places_left: int | None
    waitlist_open: bool
    external_url: str
    external_label: str
    capacity: int | None
    closed_reason: str
    closed_message: str


class BaseRegistrationFormOut(Schema):
    state: RegistrationStateOut
    fields: list[FormFieldOut]
    workshops: list[WorkshopOut]
    consent: ConsentOut
    honeypot: str = Field(description="Name of a field that people leave empty.")


class RegistrationFormOut(BaseRegistrationFormOut):
    event_id: int


class CycleRegistrationFormOut(BaseRegistrationFormOut):
    cycle_id: int


class RegistrationIn(Schema):
    """Core fields; the event's extra questions are further keys named as in the form schema.

    The schema checks types and lengths; the event's form (the same as on the
    HTML page) then checks the rest: email format, consent, places, questions.
    """

    model_config = {"extra": "allow"}

    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    email: str = Field(max_length=254)
    organisation: str = Field(max_length=255)
    function: str = Field("", max_length=255)
    audience: int | None = Field(
        None, ge=1, le=MAX_ID, description="Audience id, from the form schema."
    )
    workshops: list[Annotated[str, Field(max_length=100)]] = Field(
        default_factory=list, max_length=100, description="Chosen session ids."
    )
    consent: bool = Field(description="Must be true: the person accepts the consent text.")


IdempotencyKey = Annotated[
    str,
    Header(
        "",
        alias="Idempotency-Key",
        max_length=IDEMPOTENCY_KEY_MAX_LENGTH,
        description="Repeat a request with the same key to get the first answer.",
    ),
]


class BaseRegistrationOut(Schema):
    status: str = Field(description="confirmed, waitlisted, pending, approved…")
    status_label: str
    message: str


class RegistrationOut(BaseRegistrationOut):
    event_id: int


class CycleRegistrationOut(BaseRegistrationOut):
    cycle_id: int


def _event(event_id):
    return _public_page(conf.page_model("EventPage"), event_id)


def _cycle(cycle_id):
    return _public_page(conf.page_model("CyclePage"), cycle_id)


def _public_page(model, pk):
    return model.objects.live().public().filter(pk=pk).first()


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
                "capacity": session.capacity,
                "places_left": places[session_id],
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
        422: Errors,
        429: Errors,
    }


@router.post(
    "/events/{event_id}/registrations",
    response=_post_responses(RegistrationOut),
    summary="Register to an event",
)
def create_registration(
    request, event_id: PathId, payload: RegistrationIn, idempotency_key: IdempotencyKey
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
    request, cycle_id: PathId, payload: RegistrationIn, idempotency_key: IdempotencyKey
):
    """Register to a whole cycle: same answers and status codes as for an event."""
    cycle = _cycle(cycle_id)
    if cycle is None:
        return Status(404, {"__all__": [_("No such cycle.")]})
    return _register(request, cycle, payload, idempotency_key, "cycle_id")


def _register(request, page, payload, key, id_key):
    key = key.strip()
    if key:
        existing = capacity.own_registrations(page).filter(idempotency_key=key).first()
        if existing is not None:
            return _outcome(existing, id_key)
    if service.rate_limited(service.client_ip(request)):
        return Status(429, {"__all__": [_("Too many attempts. Please try again later.")]})
    state = page.registration_state()
    if not state["is_open"] or page.registration_mode != "internal":
        return Status(409, {"__all__": [state["closed_message"] or _("Registration is closed.")]})
    form = service.form_class(page)(data=_form_data(payload.model_dump()))
    if not form.is_valid():
        return Status(
            422,
            {
                field: [error["message"] for error in errors]
                for field, errors in form.errors.get_json_data().items()
            },
        )
    try:
        outcome = service.register(page, form.cleaned_data, idempotency_key=key)
    except service.WorkshopFull as error:
        return Status(422, {error.field: [str(error.message)]})
    except service.RegistrationError as error:
        return Status(409, {error.field: [str(error.message)]})
    return _outcome(outcome.registration, id_key)


__all__ = ["router"]
