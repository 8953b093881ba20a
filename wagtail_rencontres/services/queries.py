"""Database queries for listings: every filter and sort runs in the database.

The models are reached through the app registry (:func:`event_model` and the
like), never imported: the representation of pages, which uses these queries,
is imported by the shipped page classes while the models load.
"""

import datetime as dt

from django.apps import apps
from django.conf import settings
from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    When,
)
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

from wagtail_rencontres import conf
from wagtail_rencontres.enums import EventStatus, PartnerRole, RegistrationMode
from wagtail_rencontres.services import dates
from wagtail_rencontres.services.seats import counted_seats, seats_expression

WHEN_CHOICES = ("upcoming", "ongoing", "past")


def event_model():
    """The event page model the site uses (``WAGTAILRENCONTRES_EVENTPAGE_MODEL``)."""
    return conf.page_model("EventPage")


def cycle_model():
    """The cycle page model the site uses (``WAGTAILRENCONTRES_CYCLEPAGE_MODEL``)."""
    return conf.page_model("CyclePage")


def cycle_session_model():
    """``CycleSession``: a cycle's link to one of its events (the relations app)."""
    return apps.get_model("wagtail_rencontres_relations", "CycleSession")


def public(queryset):
    """Pages of ``queryset`` outside any view restriction, decided inside the query.

    Wagtail's ``public()`` reads every view restriction first, one more query
    each time; here a restriction on the page or an ancestor (a page whose path
    starts the row's path) excludes the row in the same query.
    """
    return queryset.filter(~view_restricted())


def view_restricted():
    """Whether a view restriction applies to the page row: on it or on an ancestor."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def live_public(model):
    """Live pages of ``model`` outside any view restriction (see :func:`public`)."""
    return public(model.objects.live())


def visible_events(locale=None):
    """Live events outside any view restriction, with what listings display.

    Events taking registrations on the site with a capacity come with their
    seats taken (``registrations_seats_taken``), so that a list shows places
    left without one query per event.
    """
    queryset = (
        live_public(event_model())
        .select_related("venue", "format", "locale", "image")
        .prefetch_related("themes", "audiences")
        .annotate(registrations_seats_taken=counted_seats())
    )
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def is_visible(event):
    """Whether ``event`` is live and outside any view restriction, as listings require."""
    return live_public(event_model()).filter(pk=event.pk).exists()


def events_below(page):
    """Visible events below ``page`` in the page's locale.

    With ``WAGTAILRENCONTRES_SHOW_UNTRANSLATED_EVENTS``, events below the page's
    translations are added when they have no visible translation in the page's
    locale: they show in their source language rather than not at all.
    """
    below = Q(path__startswith=page.path, locale_id=page.locale_id)
    if conf.get_setting("SHOW_UNTRANSLATED_EVENTS"):
        other_agendas = page.get_translations(inclusive=False).values_list("path", flat=True)
        elsewhere = Q()
        for path in other_agendas:
            elsewhere |= Q(path__startswith=path)
        if elsewhere:
            translated = (
                live_public(event_model())
                .filter(locale_id=page.locale_id)
                .values("translation_key")
            )
            below |= elsewhere & ~Q(translation_key__in=translated)
    return visible_events().filter(below).exclude(pk=page.pk)


def filter_when(queryset, when, now=None):
    """Keep upcoming (ongoing included), ongoing or past events, sorted for that view."""
    now = now or timezone.now()
    if when == "upcoming":
        return queryset.filter(end__gte=now).order_by("start", "pk")
    if when == "ongoing":
        return queryset.filter(start__lte=now, end__gte=now).order_by("start", "pk")
    if when == "past":
        return queryset.filter(end__lt=now).order_by("-start", "-pk")
    raise ValueError(f"when must be one of {WHEN_CHOICES}, not {when!r}")


def cycles_of_event(event):
    """Visible cycles in the event's locale that list ``event``, or one of its translations.

    A translated cycle keeps its source's sessions (wagtail-localize synchronises them),
    so sessions are matched by translation key.
    """
    return (
        live_public(cycle_model())
        .filter(locale_id=event.locale_id, sessions__event__translation_key=event.translation_key)
        .distinct()
        .order_by("title")
    )


def cycles_of_events(events):
    """``{event.pk: [cycle, …]}``: :func:`cycles_of_event` for many events, in one query."""
    events = list(events)
    found = {event.pk: [] for event in events}
    if not events:
        return found
    cycles = (
        live_public(cycle_model())
        .filter(
            locale_id__in={event.locale_id for event in events},
            sessions__event__translation_key__in={event.translation_key for event in events},
        )
        .annotate(event_key=F("sessions__event__translation_key"))
        .order_by("title", "pk")
    )
    by_key = {}
    for cycle in cycles:
        listed = by_key.setdefault((cycle.locale_id, cycle.event_key), [])
        if all(other.pk != cycle.pk for other in listed):
            listed.append(cycle)
    for event in events:
        found[event.pk] = by_key.get((event.locale_id, event.translation_key), [])
    return found


def cycle_sessions(cycle):
    """Visible events of a cycle in the cycle's locale, in the editor's order.

    Sessions are matched by translation key, so a translated cycle lists the
    translations of its source's events.
    """
    links = cycle_session_model().objects.filter(cycle=cycle)
    position = links.filter(event__translation_key=OuterRef("translation_key")).values(
        "sort_order"
    )[:1]
    return (
        visible_events(locale=cycle.locale_id)
        .filter(translation_key__in=links.values("event__translation_key"))
        .annotate(session_position=Subquery(position))
        .order_by("session_position", "start")
    )


def filter_dates(
    queryset, starts_after=None, starts_before=None, ends_after=None, ends_before=None
):
    """Date filters named after what they test; each value is ``(moment, is_date)``.

    A bare date covers its whole day: ``starts_before=2024-11-28`` keeps events
    starting on the 28th, ``ends_after=2024-11-28`` keeps events still on that
    day or later (overlap).
    """
    if starts_after:
        queryset = queryset.filter(start__gte=starts_after[0])
    if starts_before:
        moment, is_date = starts_before
        queryset = queryset.filter(
            **{"start__lt" if is_date else "start__lte": _day_after(moment, is_date)}
        )
    if ends_after:
        queryset = queryset.filter(end__gte=ends_after[0])
    if ends_before:
        moment, is_date = ends_before
        queryset = queryset.filter(
            **{"end__lt" if is_date else "end__lte": _day_after(moment, is_date)}
        )
    return queryset


def _day_after(moment, is_date):
    """Local midnight after a date's midnight (DST-safe); a datetime stays as it is."""
    if not is_date:
        return moment
    local = moment.astimezone(moment.tzinfo)
    next_day = local.date() + dt.timedelta(days=1)
    return dates.make_local_lenient(next_day, dt.time(0, 0), str(local.tzinfo))


def filter_relations(
    queryset,
    themes=None,
    audiences=None,
    formats=None,
    organisers=None,
    speakers=None,
    venues=None,
    cycles=None,
):
    """Taxonomies by slug; organisations, speakers, venues and cycles by id.

    Many-to-many filters use ``pk__in`` subqueries, so no row is repeated.
    """
    model = event_model()
    if themes:
        queryset = queryset.filter(
            pk__in=model.objects.filter(themes__slug__in=themes).values("pk")
        )
    if audiences:
        queryset = queryset.filter(
            pk__in=model.objects.filter(audiences__slug__in=audiences).values("pk")
        )
    if formats:
        queryset = queryset.filter(format__slug__in=formats)
    if organisers:
        queryset = queryset.filter(
            pk__in=model.objects.filter(
                partners__organisation_id__in=organisers,
                partners__role__in=[PartnerRole.ORGANISER, PartnerRole.CO_ORGANISER],
            ).values("pk")
        )
    if speakers:
        queryset = queryset.filter(
            pk__in=model.objects.filter(speaker_links__speaker_id__in=speakers).values("pk")
        )
    if venues:
        queryset = queryset.filter(venue_id__in=venues)
    if cycles:
        queryset = queryset.filter(
            pk__in=model.objects.filter(cycle_sessions__cycle_id__in=cycles).values("pk")
        )
    return queryset


def filter_place(queryset, city=None, department=None, region=None):
    """Venue city, département (name or code) and region, case-insensitive."""
    if city:
        queryset = queryset.filter(venue__city__iexact=city)
    if department:
        queryset = queryset.filter(
            Q(venue__department__iexact=department) | Q(venue__department_code__iexact=department)
        )
    if region:
        queryset = queryset.filter(venue__region__iexact=region)
    return queryset


def registration_open_q(now):
    """The database form of ``registration_state()["is_open"]``.

    Same rules as :func:`wagtail_rencontres.services.registration.closed_reason`:
    a full event still accepts registrations onto its waiting list.
    """
    seats = seats_expression()
    internal = Q(registration_mode=RegistrationMode.INTERNAL)
    has_room = (
        ~internal
        | Q(registration_waitlist=True)
        | (
            ~Q(status=EventStatus.FULL)
            & (Q(registration_capacity__isnull=True) | Q(registration_capacity__gt=seats))
        )
    )
    return (
        ~Q(registration_mode=RegistrationMode.NONE)
        & ~Q(status__in=[EventStatus.CANCELLED, EventStatus.POSTPONED])
        & (Q(registration_opens_at__isnull=True) | Q(registration_opens_at__lte=now))
        & (Q(registration_closes_at__isnull=True) | Q(registration_closes_at__gte=now))
        & Q(end__gte=now)
        & has_room
    )


def filter_registration_open(queryset, is_open, now=None):
    condition = registration_open_q(now or timezone.now())
    return queryset.filter(condition) if is_open else queryset.exclude(condition)


SEARCH_MAX_RESULTS = 1000


def search(queryset, q, keep_order=False):
    """Full-text search through Wagtail's search backend; filters stay in the database.

    The backend returns matching ids (by relevance); the filtered queryset
    keeps those, sorted by relevance unless an ordering was asked for.
    """
    results = event_model().objects.live().search(q, order_by_relevance=True)
    ids = [page.pk for page in results[:SEARCH_MAX_RESULTS]]
    queryset = queryset.filter(pk__in=ids)
    if keep_order or not ids:
        return queryset
    rank = Case(
        *[When(pk=pk, then=position) for position, pk in enumerate(ids)],
        output_field=IntegerField(),
    )
    return queryset.order_by(rank, "pk")


def locale_exists(language_code):
    return Locale.objects.filter(language_code=language_code).exists()


def tombstones_since(moment, locale=None):
    """Events removed from the public API since ``moment``, oldest first."""
    tombstones = apps.get_model("wagtail_rencontres", "EventTombstone").objects.filter(
        removed_at__gte=moment
    )
    if locale:
        tombstones = tombstones.filter(locale=locale)
    return [
        {
            "id": tombstone.page_id,
            "uuid": str(tombstone.uuid),
            "locale": tombstone.locale,
            "removed_at": tombstone.removed_at.isoformat(),
        }
        for tombstone in tombstones
    ]


def event_by_path(path):
    """The visible event served at ``path`` (``/fr/agenda/rencontre/`` or without prefix)."""
    parts = [part for part in path.split("?")[0].split("/") if part]
    language = None
    codes = {code for code, _name in getattr(settings, "LANGUAGES", [])}
    if parts and parts[0] in codes:
        language, parts = parts[0], parts[1:]
    if not parts:
        return None
    rest = "/".join(parts) + "/"
    roots = Page.objects.filter(
        translation_key__in=Site.objects.values("root_page__translation_key")
    ).values_list("url_path", flat=True)
    candidates = [root + rest for root in roots]
    events = visible_events().filter(url_path__in=candidates)
    if language:
        events = events.filter(locale__language_code=language)
    return events.order_by("pk").first()


def public_speakers():
    """Speakers of public sessions of visible events (restricted sessions are not indexed)."""
    speaker_model = apps.get_model("wagtail_rencontres", "Speaker")
    return (
        speaker_model.objects.filter(event_links__event__in=visible_events().values("pk"))
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def events_of_speaker(speaker):
    """Visible events where ``speaker`` speaks in a public session."""
    return visible_events().filter(
        pk__in=event_model().objects.filter(speaker_links__speaker=speaker).values("pk")
    )


def visible_cycles():
    """Live cycles outside any view restriction."""
    return live_public(cycle_model()).select_related("locale").order_by("title", "pk")
