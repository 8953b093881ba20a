"""The typed, documented filters of event listings.

:class:`EventFilters` declares each parameter once, with its type, limits,
allowed values and description: the typed API reads it through ninja (so the
OpenAPI document shows it), and the v2 endpoint and the ICS feed validate
their query strings with :func:`validate`. The filtering itself is
:func:`wagtail_rencontres.services.filters.apply`.
"""

from typing import Annotated, Literal

import pydantic
from django.utils.translation import gettext as _
from ninja import Field
from pydantic import PlainValidator, WithJsonSchema

from wagtail_rencontres.api import errors
from wagtail_rencontres.api.params import NO_NUL, Choices, Ids, LocaleQuery, Slugs
from wagtail_rencontres.enums import AttendanceMode, EventStatus
from wagtail_rencontres.services import filters, queries

Moment = Annotated[
    tuple,
    PlainValidator(filters.parse_moment),
    WithJsonSchema(
        {
            "type": "string",
            "anyOf": [{"format": "date"}, {"format": "date-time"}],
            "examples": ["2024-11-28", "2024-11-28T09:00:00+01:00"],
        }
    ),
]


class EventFilters(LocaleQuery):
    """Every filter of event listings."""

    when: Literal[queries.WHEN_CHOICES] | None = Field(
        None,
        description="upcoming (ongoing included), ongoing or past; sorts past events newest first.",
    )
    starts_after: Moment | None = Field(
        None, description="Events starting at or after this date or datetime."
    )
    starts_before: Moment | None = Field(
        None, description="Events starting before the end of this date, or at/before a datetime."
    )
    ends_after: Moment | None = Field(
        None, description="Events still on at or after this date or datetime (overlap)."
    )
    ends_before: Moment | None = Field(
        None, description="Events ending before the end of this date, or at/before a datetime."
    )
    theme: Slugs("Theme slugs.")
    audience: Slugs("Audience slugs.")
    format: Slugs("Event format slugs.")
    organiser: Ids("Ids of organising organisations.")
    speaker: Ids("Ids of speakers of public sessions.")
    venue: Ids("Venue ids.")
    city: str | None = Field(
        None, max_length=120, pattern=NO_NUL, description="Venue city, case-insensitive."
    )
    department: str | None = Field(
        None, max_length=120, pattern=NO_NUL, description="Venue département name or code."
    )
    region: str | None = Field(None, max_length=120, pattern=NO_NUL, description="Venue region.")
    cycle: Ids("Cycle page ids.")
    status: Choices(EventStatus.values, "Event statuses.")
    attendance_mode: Choices(AttendanceMode.values, "Attendance modes.")
    registration_open: bool | None = Field(
        None, description="Events whose registration is open (true) or not (false)."
    )
    q: str | None = Field(None, max_length=255, pattern=NO_NUL, description="Full-text search.")
    updated_since: Moment | None = Field(
        None, description="Events published since; adds tombstones of removed events."
    )
    ordering: Literal[tuple(filters.ORDERINGS)] | None = Field(
        None, description="Sort order (default: start; past events: newest first)."
    )


def _query_data(querydict, fields):
    return {
        name: querydict.getlist(name) if name in fields else querydict.get(name)
        for name in querydict
    }


def validate(querydict, *, ignore=(), schema=EventFilters):
    """``(cleaned, errors)`` of a query string's event filters, outside ninja.

    For the v2 endpoint and the ICS feed: the same schema and the same
    field-keyed messages as the typed API. Parameters in ``ignore`` belong to
    the caller; any other unknown parameter is an error. ``schema`` may extend
    :class:`EventFilters` with the caller's own parameters.
    """
    lists = {
        name
        for name, field in schema.model_fields.items()
        if getattr(field.annotation, "__origin__", None) is list
    }
    data = {
        name: value for name, value in _query_data(querydict, lists).items() if name not in ignore
    }
    found = [
        {"type": "unknown_parameter", "loc": ("query", name), "msg": _("Unknown parameter.")}
        for name in data
        if name not in schema.model_fields
    ]
    cleaned = None
    try:
        cleaned = schema.model_validate(
            {name: value for name, value in data.items() if name in schema.model_fields}
        ).model_dump()
    except pydantic.ValidationError as error:
        for item in error.errors(include_url=False):
            errors.add_bounds(item, schema, item["loc"])
            found.append({**item, "loc": ("query", *item["loc"])})
    if found:
        return None, errors.field_keyed(found)
    return cleaned, {}
