"""The activity report funders ask for: who came, to what, where, over a period.

Every figure is an aggregate computed in the database, with a constant number
of queries whatever the number of events. Figures rest on what anonymisation
keeps (status, audience category, type of organisation, presences, the
event's venue), so that they stay the same after the retention period; the one
exception is the table by organisation, a free-text field erased with the
registrant's other data.

Scope: events held in the period (live, not cancelled or postponed, starting
in it), counted once across translations (registrations belong to the
default-locale event). Registrations are those made on these events and on
the cycles they are sessions of; presences are the attendance rows at these
events.
"""

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from wagtail_rencontres import conf
from wagtail_rencontres.enums import EventStatus, OrganisationKind, RegistrationStatus
from wagtail_rencontres.models import Attendance, Registration
from wagtail_rencontres.services import dates, i18n, queries, survey

NOT_HELD = (EventStatus.CANCELLED, EventStatus.POSTPONED)


def default_period(today=None):
    """The current calendar year, as ``(first day, last day)``."""
    today = today or timezone.localdate()
    return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)


def held_events(start, end):
    """Events held from day ``start`` to day ``end`` (inclusive, local to the site)."""
    zone = conf.get_setting("DEFAULT_TIMEZONE")
    model = queries.event_model()
    default = i18n.default_language_code()
    # A translation whose source is in the default locale shares its registrations.
    translated = model.objects.filter(locale__language_code=default).values("translation_key")
    return (
        model.objects.live()
        .exclude(status__in=NOT_HELD)
        .filter(
            Q(locale__language_code=default) | ~Q(translation_key__in=translated),
            start__gte=dates.make_local_lenient(start, dt.time(0, 0), zone),
            start__lt=dates.make_local_lenient(end + dt.timedelta(days=1), dt.time(0, 0), zone),
        )
    )


def _pages(events):
    """Ids of the events and of the cycles they are sessions of (a subquery)."""
    cycles = (
        queries.cycle_session_model()
        .objects.filter(event_id__in=events.values("pk"))
        .order_by()
        .values_list("cycle_id")
    )
    return cycles.union(events.order_by().values_list("pk"), all=True)


def registrations(events):
    """Registrations to the events or their cycles, each with ``attended`` (a presence)."""
    presences = Attendance.objects.filter(
        registration_id=OuterRef("pk"), event_id__in=events.values("pk")
    )
    return Registration.objects.filter(page_id__in=_pages(events)).annotate(
        attended=Exists(presences)
    )


SEATED = Q(status__in=RegistrationStatus.seat_holding())
COUNTS = {
    "registered": Count("pk", filter=SEATED),
    "present": Count("pk", filter=Q(attended=True)),
}


def totals(events):
    """Events held, registered, present, no-show rate (%) and waiting list (3 queries)."""
    figures = registrations(events).aggregate(
        **COUNTS,
        no_show=Count("pk", filter=SEATED & Q(attended=False)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
    )
    figures["events"] = events.count()
    figures["no_show_rate"] = _rate(figures.pop("no_show"), figures["registered"])
    return figures


def _rate(part, whole):
    return round(100 * part / whole, 1) if whole else None


def per_event(events):
    """Each event with its own registered, present (cycle registrants included) and waiting."""
    own = Registration.objects.filter(page_id=OuterRef("pk")).order_by().values("page_id")
    present = (
        Attendance.objects.filter(event_id=OuterRef("pk"))
        .order_by()
        .values("event_id")
        .annotate(n=Count("registration_id", distinct=True))
        .values("n")
    )

    def count(rows):
        return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)

    return (
        events.select_related("venue", "format")
        .annotate(
            registered=count(own.filter(SEATED)),
            waiting=count(own.filter(status=RegistrationStatus.WAITLISTED)),
            present=Coalesce(Subquery(present), 0),
        )
        .order_by("start", "pk")
    )


def by_audience(events):
    """Registered and present per audience category (``None``: not given)."""
    rows = registrations(events).values("audience__name").annotate(**COUNTS)
    return sorted(
        ({"name": row.pop("audience__name"), **row} for row in rows),
        key=lambda row: (row["name"] is None, row["name"] or ""),
    )


def by_organisation(events):
    """Registered and present per organisation as registrants typed it (``""``: not known)."""
    rows = registrations(events).values("organisation").annotate(**COUNTS)
    return sorted(
        ({"name": row.pop("organisation"), **row} for row in rows),
        key=lambda row: (row["name"] == "", -row["present"], row["name"].casefold()),
    )


def by_organisation_kind(events):
    """Registered and present per type of organisation (``""``: not given), most present first.

    ``name`` is the type's label, translated when it is shown.

    The type is kept when a registration is anonymised, so these figures do
    not change after the retention period.
    """
    rows = (
        registrations(events)
        .values("organisation_kind")
        .annotate(**COUNTS)
        .order_by("-present", "-registered", "organisation_kind")
    )
    labels = dict(OrganisationKind.choices)
    return [
        {"kind": (kind := row.pop("organisation_kind")), "name": labels.get(kind, ""), **row}
        for row in rows
    ]


def _venue_of_presence(field):
    return Subquery(queries.event_model().objects.filter(pk=OuterRef("event_id")).values(field))


def by_territory(events, fields):
    """Events held and participants present per venue territory (``fields`` of the venue).

    A participant is counted once per territory, however many days or events
    they attended there.
    """
    held = events.order_by().values(*(f"venue__{f}" for f in fields)).annotate(events=Count("pk"))
    present = (
        Attendance.objects.filter(event_id__in=events.values("pk"))
        .annotate(**{f: _venue_of_presence(f"venue__{f}") for f in fields})
        .order_by()
        .values(*fields)
        .annotate(present=Count("registration_id", distinct=True))
    )
    table = {}
    for row in held:
        key = tuple(row[f"venue__{f}"] or "" for f in fields)
        table[key] = {"events": row["events"], "present": 0}
    for row in present:
        key = tuple(row[f] or "" for f in fields)
        table.setdefault(key, {"events": 0, "present": 0})["present"] = row["present"]
    return [
        {**dict(zip(fields, key, strict=True)), **values}
        for key, values in sorted(table.items(), key=lambda item: (item[0][0] == "", item[0]))
    ]


def by_month(events):
    """Events held and participants present per month, every month of the span listed."""
    held = (
        events.annotate(month=TruncMonth("start"))
        .order_by()
        .values("month")
        .annotate(events=Count("pk"))
    )
    present = (
        Attendance.objects.filter(event_id__in=events.values("pk"))
        .annotate(month=TruncMonth("day"))
        .order_by()
        .values("month")
        .annotate(present=Count("registration_id", distinct=True))
    )
    table = {}
    for row in held:
        table.setdefault(_month(row["month"]), {"events": 0, "present": 0})["events"] = row[
            "events"
        ]
    for row in present:
        table.setdefault(_month(row["month"]), {"events": 0, "present": 0})["present"] = row[
            "present"
        ]
    return [{"month": month, **values} for month, values in sorted(table.items())]


def _month(value):
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return value.replace(day=1)


def satisfaction(events):
    """The satisfaction survey's averages of ``events`` (:func:`.survey.averages`)."""
    return survey.averages(events)
