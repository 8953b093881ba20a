"""What a search looks in: visible pages and speakers, narrowed by :class:`Filters`.

Every filter runs inside the backend, on the ``FilterField`` entries of the page
models. Only live pages outside any view restriction are searched, and only the
speakers the public sees on them.
"""

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db import connections
from django.db.models import Q
from django.db.models.expressions import RawSQL
from wagtail.models import Locale

from wagtail_rencontres import conf
from wagtail_rencontres.services import queries

# Facets and years are counted in this timezone, the one of most events.
YEAR_TIMEZONE = "Europe/Paris"


@dataclass
class Filters:
    """Narrowing of a search. Empty values mean "no filter"."""

    themes: list = field(default_factory=list)  # theme slugs
    audiences: list = field(default_factory=list)  # audience slugs
    formats: list = field(default_factory=list)  # event format slugs
    regions: list = field(default_factory=list)  # region names, as on venues
    departments: list = field(default_factory=list)  # département codes
    years: list = field(default_factory=list)  # years of the start, in Paris time
    statuses: list = field(default_factory=list)
    cycle: int | None = None  # id of a cycle page
    starts_after: dt.datetime | None = None
    ends_after: dt.datetime | None = None

    @property
    def events_only(self):
        """Whether a filter only makes sense on events (cycles and speakers drop out)."""
        return bool(
            self.formats
            or self.regions
            or self.departments
            or self.years
            or self.statuses
            or self.cycle
            or self.starts_after
            or self.ends_after
        )

    @property
    def any(self):
        return self.events_only or bool(self.themes or self.audiences)


def model(name):
    """A snippet model of the package, by name."""
    return apps.get_model("wagtail_rencontres", name)


def _locale_id(language_code):
    if not language_code:
        return None
    return (
        Locale.objects.filter(language_code=language_code).values_list("pk", flat=True).first()
        or -1
    )


def _year_bounds(year):
    tz = ZoneInfo(YEAR_TIMEZONE)
    return (
        dt.datetime(year, 1, 1, tzinfo=tz),
        dt.datetime(year + 1, 1, 1, tzinfo=tz),
    )


def backend_ids(queryset, field="pk"):
    """``field`` of ``queryset`` as a list the search backends can filter on."""
    return backend_values(queryset.values_list(field, flat=True))


def backend_values(values):
    """``values`` as a list the search backends can filter on.

    Backends translate ``__in`` with a list of values, not a subquery; ``[0]``
    (no object has it) keeps an empty list matching nothing.
    """
    return list(values) or [0]


def with_keys(queryset, keys):
    """``queryset`` narrowed in the database to the primary keys ``keys``.

    A search reads up to 10,000 keys. PostgreSQL takes them as one array
    parameter: as ``IN (%s, …)`` they cost more to send and plan than the
    query they narrow. Other databases take the list.
    """
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return queryset.filter(pk__in=keys)
    key_type = queryset.model._meta.pk.db_type(connection)
    # The key type is the model's own column type; the keys are a parameter.
    array = RawSQL(f"SELECT unnest(%s::{key_type}[])", (list(keys),))  # noqa: S611
    return queryset.filter(pk__in=array)


def one_per_item(queryset, language_code):
    """``queryset`` with one copy of each translated item: the one in ``language_code``.

    An item without a copy in that language keeps its others. The copies left
    out are given to the backend as ids: they are the translated items only.
    """
    locale_id = _locale_id(language_code)
    if locale_id is None:
        return queryset
    translated = queryset.filter(locale_id=locale_id).values("translation_key")
    others = queryset.exclude(locale_id=locale_id).filter(translation_key__in=translated)
    return queryset.exclude(pk__in=backend_ids(others))


def _page_queryset(model_name, filters, language_code):
    """Live, public pages of ``model_name`` in the locale, narrowed by themes and audiences."""
    queryset = conf.page_model(model_name).objects.live().public()
    locale_id = _locale_id(language_code)
    if locale_id is not None:
        queryset = queryset.filter(locale=locale_id)
    if filters.themes:
        queryset = queryset.filter(themes__slug__in=filters.themes)
    if filters.audiences:
        queryset = queryset.filter(audiences__slug__in=filters.audiences)
    return queryset


def event_queryset(filters, language_code=None):
    """Visible events narrowed by ``filters``, every filter on a ``FilterField``."""
    queryset = _page_queryset("EventPage", filters, language_code)
    if filters.formats:
        formats = model("EventFormat").objects.filter(slug__in=filters.formats)
        queryset = queryset.filter(format__in=backend_ids(formats))
    if filters.regions:
        queryset = queryset.filter(venue__region__in=filters.regions)
    if filters.departments:
        queryset = queryset.filter(venue__department_code__in=filters.departments)
    if filters.years:
        years = Q()
        for year in filters.years:
            first, after = _year_bounds(year)
            years |= Q(start__gte=first, start__lt=after)
        queryset = queryset.filter(years)
    if filters.statuses:
        queryset = queryset.filter(status__in=filters.statuses)
    if filters.cycle:
        # Cycle membership is edited on the cycle, so it is read fresh from the
        # database and passed to the backend as ids.
        sessions = queries.cycle_session_model().objects.filter(cycle_id=filters.cycle)
        queryset = queryset.filter(id__in=backend_ids(sessions, "event_id"))
    if filters.starts_after:
        queryset = queryset.filter(start__gte=filters.starts_after)
    if filters.ends_after:
        queryset = queryset.filter(end__gte=filters.ends_after)
    return queryset


def cycle_queryset(filters, language_code=None):
    return _page_queryset("CyclePage", filters, language_code)


def speaker_queryset(language_code=None):
    """Public speakers (:func:`~wagtail_rencontres.services.queries.public_speakers`) in the locale.

    Who is public is decided in the database, then given to the backend as ids:
    the index cannot know when an event is published or a section made private.
    """
    queryset = model("Speaker").objects.filter(id__in=backend_ids(queries.public_speakers()))
    locale_id = _locale_id(language_code)
    if locale_id is not None:
        queryset = queryset.filter(locale_id=locale_id)
    return queryset
