"""Response schemas of the typed API, registration's included, for the OpenAPI document.

They describe the dictionaries built by :mod:`wagtail_rencontres.services.serializers`;
tests validate real responses against them.
"""

import datetime as dt
from typing import Any, Literal

from ninja import Field
from ninja import Schema as NinjaSchema
from pydantic import model_validator


class Schema(NinjaSchema):
    """A response schema: the representation's dictionaries are validated as they are.

    Ninja reads any input through a ``DjangoGetter`` (one Python call per key of
    every nested object: most of a programme list's validation time); plain
    dictionaries need none of what it adds (resolvers, managers, files), so
    pydantic reads them directly. Other objects still go through ninja.
    """

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(cls, values, handler, info):
        if isinstance(values, dict):
            return handler(values)
        return super()._run_root_validator(values, handler, info)


class Rendition(Schema):
    url: str
    width: int
    height: int


class Image(Schema):
    id: int
    title: str
    width: int
    height: int
    url: str
    renditions: dict[str, Rendition]


class Paginated(Schema):
    """The envelope of every list: a page of ``results`` among ``count``."""

    count: int
    count_is_exact: bool = Field(
        True,
        description=(
            "False when `count` is the database's estimate: on PostgreSQL, past "
            "WAGTAILRENCONTRES_API_EXACT_COUNT_LIMIT matching items."
        ),
    )
    next: str | None = Field(description="Absolute URL of the next page.")
    previous: str | None = Field(description="Absolute URL of the previous page.")


class Term(Schema):
    id: int
    name: str
    slug: str


class TermList(Paginated):
    results: list[Term]


class Organisation(Schema):
    id: int
    name: str
    acronym: str
    kind: str
    kind_label: str
    url: str
    description: str
    logo: Image | None
    locale: str


class Venue(Schema):
    id: int
    name: str
    street_address: str
    postcode: str
    city: str
    department: str
    department_code: str
    region: str
    country: str
    latitude: float | None
    longitude: float | None
    access: str
    accessibility: str
    locale: str


class Partner(Schema):
    role: Literal["organiser", "co_organiser", "partner", "funder"]
    role_label: str
    details: str
    organisation: Organisation


class SpeakerOrganisation(Schema):
    id: int
    name: str
    acronym: str


class Link(Schema):
    label: str
    url: str


class Speaker(Schema):
    id: int
    honorific: str
    first_name: str
    last_name: str
    full_name: str
    job_title: str
    organisation: SpeakerOrganisation | None
    affiliation: str
    bio: str
    photo: Image | None
    links: list[Link]
    locale: str


class Registration(Schema):
    mode: Literal["none", "internal", "external"]
    opens_at: str | None
    closes_at: str | None
    is_open: bool
    places_left: int | None
    waitlist_open: bool
    external_url: str
    external_label: str
    capacity: int | None
    closed_reason: Literal[
        "",
        "no_registration",
        "external",
        "not_open_yet",
        "deadline_passed",
        "full",
        "cancelled",
        "postponed",
        "past",
    ]
    closed_message: str


class SessionSpeaker(Schema):
    id: int
    role: str
    remote: bool = Field(False, description="This speaker takes part remotely.")


class Session(Schema):
    id: str
    start: str
    end: str | None
    title: str
    format: str
    format_label: str
    restricted: bool
    restricted_to: list[str]
    description: str | None
    room: str | None
    remote: bool
    speakers: list[SessionSpeaker]


class Day(Schema):
    date: str
    title: str
    sessions: list[Session]


class Programme(Schema):
    days: list[Day]
    speakers: list[Speaker]


class CycleLink(Schema):
    id: int
    title: str
    url: str | None


class StreamItem(Schema):
    type: str
    id: str | None
    title: str
    url: str
    file_extension: str | None = None


class EventSummary(Schema):
    id: int
    uuid: str
    title: str
    subtitle: str
    url: str | None
    locale: str
    start: str
    end: str
    timezone: str
    all_day: bool
    status: Literal["scheduled", "rescheduled", "postponed", "moved_online", "full", "cancelled"]
    status_label: str
    previous_start: str | None
    temporal_status: Literal["past", "ongoing", "upcoming"]
    attendance_mode: Literal["offline", "online", "mixed"]
    online_url: str | None
    image: Image | None
    venue: Venue | None
    format: Term | None
    themes: list[Term]
    audiences: list[Term]
    partners: list[Partner]
    registration: Registration
    sequence: int
    last_published_at: str | None
    programme: Programme | None = None


class EventDetail(EventSummary):
    audience_text: str
    objectives: list[str]
    body: str
    practical_info: str
    funding_statement: str
    documents: list[StreamItem]
    resources: list[StreamItem]
    programme_to_come: bool
    cycles: list[CycleLink]
    jsonld: dict[str, Any] = Field(
        description=(
            "The event's schema.org Event as JSON-LD (Google's Event structured data), "
            "built from this representation: a headless page embeds it in "
            '<script type="application/ld+json">.'
        )
    )


class Tombstone(Schema):
    id: int
    uuid: str
    locale: str
    removed_at: str


class EventList(Paginated):
    results: list[EventSummary]
    tombstones: list[Tombstone] | None = None


class SpeakerDetail(Speaker):
    events: list[EventSummary]


class SpeakerList(Paginated):
    results: list[Speaker]


class VenueList(Paginated):
    results: list[Venue]


class OrganisationList(Paginated):
    results: list[Organisation]


class Cycle(Schema):
    id: int
    title: str
    subtitle: str
    url: str | None
    locale: str
    description: str
    image: Image | None
    themes: list[Term]
    audiences: list[Term]
    partners: list[Partner]
    funding_statement: str
    documents: list[StreamItem]


class CycleSession(EventSummary):
    session_label: str


class CycleDetail(Cycle):
    sessions: list[CycleSession]
    registration: Registration = Field(
        description="Registration to the whole cycle, as for an event (detail only)."
    )


class CycleList(Paginated):
    results: list[Cycle]


# Registration (wagtail_rencontres.api.registration)


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
    autocomplete: str = Field(
        "",
        description="The HTML autocomplete token of the field (given-name, email…), or empty",
    )


class WorkshopOut(Schema):
    id: str = Field(description="Stable session id, to send in `workshops`.")
    title: str
    start: dt.datetime
    end: dt.datetime | None
    restricted: bool
    restricted_to: list[str]
    capacity: int | None = Field(description="Null for a restricted session.")
    places_left: int | None = Field(description="Null for a restricted session.")


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


class BaseRegistrationOut(Schema):
    status: str = Field(description="confirmed, waitlisted, pending, approved…")
    status_label: str
    message: str


class RegistrationOut(BaseRegistrationOut):
    event_id: int


class CycleRegistrationOut(BaseRegistrationOut):
    cycle_id: int
