"""Events and their programme.

:func:`event_core` names an event the same way in every output (title, URL,
dates, status, place, format, themes); :func:`event_summary` adds what lists
show (image, partners, registration, programme) and :func:`event_detail` the
page's content. ICS, JSON-LD, search hits and mails build on these dicts.
"""

from django.db.models import Prefetch

from wagtail_rencontres.enums import EventStatus, TemporalStatus
from wagtail_rencontres.services import programme, queries
from wagtail_rencontres.services.representation.localization import (
    ensure_localized,
    localize,
    localize_cards,
    partners_prefetch,
    prepare_pages,
)
from wagtail_rencontres.services.representation.records import (
    partner,
    prepare_speakers,
    speaker,
    term,
    venue,
)
from wagtail_rencontres.services.representation.values import (
    image,
    image_queryset,
    iso,
    page_url,
    rich_text,
    stream_items,
)


def registration(event):
    """The summary from ``event.registration_state()``, the one contract for it."""
    state = dict(event.registration_state())
    for key in ("opens_at", "closes_at"):
        state[key] = iso(state.get(key), event.registration_timezone)
    return state


def programme_days(days):
    """Days → sessions, speakers referenced by id.

    Restricted sessions arrive without their description, room and speakers
    (the privacy rule of :func:`wagtail_rencontres.services.programme.days`).
    """
    return [
        {
            "date": day.date.isoformat(),
            "title": day.title,
            "sessions": [
                {
                    "id": session.id,
                    "start": iso(session.start),
                    "end": iso(session.end),
                    "title": session.title,
                    "format": session.format,
                    "format_label": session.format_label,
                    "restricted": session.restricted,
                    "restricted_to": list(session.restricted_to),
                    "description": rich_text(session.description) or None,
                    "room": session.room or None,
                    "remote": session.remote,
                    "speakers": [
                        {"id": ref.speaker.pk, "role": ref.role, "remote": ref.remote}
                        for ref in session.speakers
                    ],
                }
                for session in day.sessions
            ],
        }
        for day in days
    ]


def programme_data(days):
    """:func:`programme_days` and the ``speakers`` of the public sessions alongside."""
    return {
        "days": programme_days(days),
        "speakers": [speaker(obj) for obj in programme.speakers(days)],
    }


def event_core(event, request=None):
    """What names an event in every output: title, URL, dates, status, place and terms."""
    ensure_localized(event)
    status = EventStatus(event.status)
    return {
        "id": event.pk,
        "uuid": str(event.uuid),
        "title": event.title,
        "subtitle": event.subtitle,
        "url": page_url(event, request),
        "locale": event.locale.language_code,
        "start": iso(event.start, event.timezone),
        "end": iso(event.end, event.timezone),
        "timezone": event.timezone,
        "all_day": event.all_day,
        "status": status.value,
        "status_label": str(status.label),
        "previous_start": iso(event.previous_start, event.timezone),
        "temporal_status": TemporalStatus(event.temporal_status).value,
        "attendance_mode": event.attendance_mode,
        "online_url": event.online_url if event.attendance_mode != "offline" else None,
        "venue": venue(event.localized_venue),
        "format": term(event.localized_format),
        "themes": [term(obj) for obj in event.localized_themes],
        "audiences": [term(obj) for obj in event.localized_audiences],
        "sequence": event.sequence,
        "last_published_at": iso(event.last_published_at),
    }


def event_card(event, request=None):
    """What an agenda card shows: :func:`event_core`, the registration state, and
    ``path``, the page's URL relative to the request's site (full on another site)."""
    return event_core(event, request) | {
        "path": event.get_url(request),
        "registration": registration(event),
    }


def event_summary(event, request=None, days=None):
    """The light representation of an event, used by lists; ``days`` adds the programme."""
    data = event_core(event, request)
    data.update(
        {
            "image": image(event.image),
            "partners": [partner(link) for link in event.localized_partners],
            "registration": registration(event),
        }
    )
    if days is not None:
        data["programme"] = programme_data(days)
    return data


def event_detail(event, request=None, days=None, cycles=None):
    """The full representation of one event; ``days`` and ``cycles`` when already read."""
    if days is None:
        days = programme.days(event)
    if cycles is None:
        cycles = queries.cycles_of_event(event)
    data = event_summary(event, request=request, days=days)
    data.update(
        {
            "audience_text": rich_text(event.audience_text),
            "objectives": [str(block.value) for block in event.objectives],
            "body": str(event.body) if event.body else "",
            "practical_info": rich_text(event.practical_info),
            "funding_statement": event.funding_statement,
            "documents": stream_items(event.documents),
            "resources": stream_items(event.resources),
            "programme_to_come": event.programme_to_come,
            "cycles": [
                {"id": cycle.pk, "title": cycle.title, "url": page_url(cycle, request)}
                for cycle in cycles
            ],
        }
    )
    return data


def event_cards(events, request=None):
    """:func:`event_card` of a page of events from
    :func:`~wagtail_rencontres.services.queries.visible_events`, in no query of their own."""
    return [event_card(event, request) for event in localize_cards(events)]


def prefetch_events(queryset):
    """What event representations read, fetched once for a whole page of events."""
    # The image comes through a prefetch (not a join) so its renditions come along.
    queryset = queryset.select_related(None).select_related("venue__locale", "format", "locale")
    return queryset.prefetch_related(
        Prefetch("image", queryset=image_queryset()),
        "themes",
        "audiences",
        partners_prefetch(queryset.model),
    )


def prepare_events(events):
    """:func:`prefetch_events` for events already fetched, then localised: ready for
    :func:`event_core` in a constant number of queries (the image stays unread)."""
    return prepare_pages(events, "venue__locale", "format")


def _programmes(events):
    """Programmes of many events with their speakers prepared, ``{event.pk: days}``."""
    days_by_event = programme.days_bulk(events)
    prepare_speakers(
        {s.pk: s for days in days_by_event.values() for s in programme.speakers(days)}.values()
    )
    return days_by_event


def event_list(events, request=None, expand_programme=False):
    """Summaries of a page of events (already fetched with :func:`prefetch_events`)."""
    events = localize(events)
    days_by_event = _programmes(events) if expand_programme else {}
    return [
        event_summary(event, request=request, days=days_by_event.get(event.pk)) for event in events
    ]


def event_details(events, request=None):
    """:func:`event_detail` of a page of events (fetched with :func:`prefetch_events`),
    in a constant number of queries."""
    events = localize(events)
    days_by_event = _programmes(events)
    cycles_by_event = queries.cycles_of_events(events)
    return [
        event_detail(
            event, request=request, days=days_by_event[event.pk], cycles=cycles_by_event[event.pk]
        )
        for event in events
    ]


def event_full(event, request=None):
    """:func:`event_detail` with its speakers prefetched."""
    days = programme.days(event)
    prepare_speakers(programme.speakers(days))
    return event_detail(event, request=request, days=days)
