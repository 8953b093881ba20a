"""The event filters shared by the typed API, the v2 endpoint and the ICS feeds.

:func:`apply` is the one filtering logic: it turns validated values into
database filters and sorting. The parameters are declared and validated once,
by the typed API's schema (:class:`wagtail_rencontres.api.filters.EventFilters`),
which the v2 endpoint and the feeds use too.
"""

import datetime as dt

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from wagtail_rencontres import conf
from wagtail_rencontres.services import dates, queries
from wagtail_rencontres.validators import MAX_YEAR, MIN_YEAR

ORDERINGS = {
    "start": ("start", "pk"),
    "-start": ("-start", "-pk"),
    "title": ("title", "pk"),
}


def parse_moment(value):
    """``(aware datetime, is_date)`` from a date or a datetime, or ``ValueError``.

    A date (``2024-11-28``) or a datetime without offset is read in the site's
    default event timezone; ``2024-11-28T09:00+01:00`` keeps its offset (an
    unencoded ``+`` in a query string arrives as a space, and is read as ``+``).
    """
    value = str(value).strip()
    zone = conf.get_setting("DEFAULT_TIMEZONE")
    try:
        day = parse_date(value)
        moment = None if day else parse_datetime(value.replace(" ", "+"))
    except ValueError:
        day = moment = None
    found = day or moment
    if found is None or not MIN_YEAR <= found.year <= MAX_YEAR:
        raise ValueError(
            _(
                "Give a date (2024-11-28) or a date and time with offset "
                "(2024-11-28T09:00+01:00), between %(low)s and %(high)s."
            )
            % {"low": MIN_YEAR, "high": MAX_YEAR}
        )
    if day is not None:
        return dates.make_local_lenient(day, dt.time(0, 0), zone), True
    if timezone.is_naive(moment):
        moment = dates.make_local_lenient(moment.date(), moment.time(), zone)
    return moment, False


def apply(queryset, cleaned, now=None):
    """Filter and sort ``queryset`` (visible events) in the database."""
    now = now or timezone.now()
    when = cleaned.get("when")
    if when:
        queryset = queries.filter_when(queryset, when, now=now)
    queryset = queries.filter_dates(
        queryset,
        starts_after=cleaned.get("starts_after"),
        starts_before=cleaned.get("starts_before"),
        ends_after=cleaned.get("ends_after"),
        ends_before=cleaned.get("ends_before"),
    )
    queryset = queries.filter_relations(
        queryset,
        themes=cleaned.get("theme"),
        audiences=cleaned.get("audience"),
        formats=cleaned.get("format"),
        organisers=cleaned.get("organiser"),
        speakers=cleaned.get("speaker"),
        venues=cleaned.get("venue"),
        cycles=cleaned.get("cycle"),
    )
    queryset = queries.filter_place(
        queryset,
        city=cleaned.get("city"),
        department=cleaned.get("department"),
        region=cleaned.get("region"),
    )
    if cleaned.get("status"):
        queryset = queryset.filter(status__in=cleaned["status"])
    if cleaned.get("attendance_mode"):
        queryset = queryset.filter(attendance_mode__in=cleaned["attendance_mode"])
    if cleaned.get("registration_open") is not None:
        queryset = queries.filter_registration_open(queryset, cleaned["registration_open"], now)
    if cleaned.get("locale"):
        queryset = queryset.filter(locale__language_code=cleaned["locale"])
    if cleaned.get("updated_since"):
        queryset = queryset.filter(last_published_at__gte=cleaned["updated_since"][0])
    ordering = cleaned.get("ordering")
    if ordering:
        queryset = queryset.order_by(*ORDERINGS[ordering])
    elif not when:
        queryset = queryset.order_by(*ORDERINGS["start"])
    if cleaned.get("q"):
        queryset = queries.search(queryset, cleaned["q"], keep_order=bool(ordering or when))
    return queryset
