"""iCalendar (RFC 5545) files and feeds, built with the ``icalendar`` library.

- UID comes from the event's stored uuid, so it survives reschedules.
- SEQUENCE is the event's ``sequence``, bumped when date, place or status change.
- Cancelled events stay, with ``STATUS:CANCELLED``.
- One VTIMEZONE per TZID used, one observance per daylight-saving change
  (see :func:`zone`); DTSTAMP, PRODID and VERSION always present.
- Only the public outline of restricted sessions appears in descriptions.
- Each VEVENT is built from the event's representation
  (:mod:`~wagtail_rencontres.services.representation`): title, URL, venue and
  themes are those of the API, in the event's locale.

Feeds are streamed: the calendar header and time zones first, then one
VEVENT per event, read from the database in chunks.
"""

import datetime as dt
from itertools import islice
from zoneinfo import ZoneInfo

from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from wagtail_rencontres import conf
from wagtail_rencontres.enums import AttendanceMode, EventStatus
from wagtail_rencontres.services import dates, programme, representation
from wagtail_rencontres.services.representation import from_iso

STATUS_MAP = {
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}
UID_DOMAIN = "wagtail-rencontres"


def _calendar(name=None):
    calendar = Calendar()
    calendar.add("prodid", conf.get_setting("ICS_PRODID"))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def _clock(value):
    """The wall-clock time of a session's ISO datetime (already in the event's timezone)."""
    return from_iso(value).strftime("%H:%M")


def _description(data, days):
    lines = [data["subtitle"]] if data["subtitle"] else []
    for day in days:
        if day["sessions"]:
            lines.append("")
            lines.append(day["date"] + (f" — {day['title']}" if day["title"] else ""))
        for session in day["sessions"]:
            when = _clock(session["start"])
            if session["end"]:
                when += "–" + _clock(session["end"])
            line = f"{when} {session['title']}"
            if session["restricted"]:
                line += (
                    " ("
                    + _("reserved to %(audiences)s")
                    % {"audiences": ", ".join(session["restricted_to"])}
                    + ")"
                )
            lines.append(line)
    return "\n".join(lines).strip()


def _location(data):
    venue = data["venue"]
    if venue is not None and data["attendance_mode"] != AttendanceMode.ONLINE:
        return ", ".join([venue["name"], *venue["address_lines"]])
    return data["online_url"] or ""


def vevent(event, days=None, request=None, now=None):
    """One VEVENT for ``event``; ``days`` is its public programme."""
    if days is None:
        days = programme.outlines_bulk([event])[event.pk]
    data = representation.event_core(event, request)
    return vevent_of(data, representation.programme_days(days), now=now)


def vevent_of(data, days, now=None):
    """The VEVENT of an event's :func:`~.representation.event_core` and
    :func:`~.representation.programme_days`."""
    tz_name = data["timezone"]
    start, end = from_iso(data["start"], tz_name), from_iso(data["end"], tz_name)
    published = from_iso(data["last_published_at"])
    entry = Event()
    # Stable across reschedules: never built from dates.
    entry.add("uid", f"{data['uuid']}@{UID_DOMAIN}")
    entry.add("dtstamp", published or now or timezone.now())
    entry.add("sequence", data["sequence"])
    if data["all_day"]:
        first, last = dates.local_days(start, end, tz_name)
        entry.add("dtstart", first)
        entry.add("dtend", last + dt.timedelta(days=1))
    else:
        entry.add("dtstart", start)
        entry.add("dtend", end)
    entry.add("summary", data["title"])
    description = _description(data, days)
    if description:
        entry.add("description", description)
    location = _location(data)
    if location:
        entry.add("location", location)
    venue = data["venue"]
    if venue is not None and venue["latitude"] is not None and venue["longitude"] is not None:
        entry.add("geo", (venue["latitude"], venue["longitude"]))
    if data["url"]:
        entry.add("url", data["url"])
    entry.add("status", STATUS_MAP.get(data["status"], "CONFIRMED"))
    if published:
        entry.add("last-modified", published)
    categories = [theme["name"] for theme in data["themes"]]
    if categories:
        entry.add("categories", categories)
    return entry


def events_calendar(events, name=None, request=None, method=None):
    """A whole ICS file (bytes) with one VEVENT per event, in the given order.

    Used for small sets, such as the sessions of a cycle attached to a
    registration mail (``method="PUBLISH"``); callers pass only events the recipient
    may see (live, public): each VEVENT carries the public outline of restricted
    sessions only.
    """
    events = list(events)
    calendar = _calendar(name)
    if method:
        calendar.add("method", method)
    for component in _vevents(events, request):
        calendar.add_component(component)
    if events:
        for component in timezone_components(
            [event.timezone for event in events],
            min(event.start for event in events),
            max(event.end for event in events),
        ):
            calendar.add_component(component)
    return calendar.to_ical()


def _range(first, last):
    today = timezone.now().date()
    first = (first.date() if first else today) - dt.timedelta(days=366)
    last = (last.date() if last else today) + dt.timedelta(days=366)
    return first, last


def zone(name, first_date, last_date):
    """The VTIMEZONE of the IANA zone ``name`` from ``first_date`` to ``last_date``.

    Every onset is an observance of its own, with one ``DTSTART`` and no
    ``RDATE``: ``icalendar`` lists an observance's later onsets on one ``RDATE``
    line, and Mozilla's ical.js (Thunderbird) reads only the first date of that
    line and ignores the ``DTSTART`` of an observance that has an ``RDATE``, so
    it put events a year or more away an hour off. ``DTSTART`` is the wall time
    on the clock before the change, as RFC 5545 says (``icalendar`` writes the
    spring change on the clock after it).
    """
    tzinfo = ZoneInfo(name)
    component = Timezone.from_tzid(name, first_date=first_date, last_date=last_date)
    observances = []
    for observance in component.subcomponents:
        onsets = [observance.DTSTART] + [moment for moment, _period in observance.rdates]
        for onset in onsets:
            single = type(observance)()
            for key, value in observance.items():
                if key not in ("DTSTART", "RDATE"):
                    single[key] = value
            single.add("dtstart", _wall_before(onset, single, tzinfo))
            observances.append(single)
    component.subcomponents = sorted(observances, key=lambda each: each.DTSTART)
    return component


def _wall_before(onset, observance, tzinfo):
    """The onset of ``observance`` as a wall time on the clock before the change.

    ``onset`` is a wall time on one of the two clocks; the instant of the change
    is the one where ``tzinfo`` moves from the old offset to the new.
    """
    before, after = observance.TZOFFSETFROM, observance.TZOFFSETTO
    for offset in (after, before):
        instant = (onset - offset).replace(tzinfo=dt.UTC)
        if (
            instant.astimezone(tzinfo).utcoffset() == after
            and (instant - dt.timedelta(seconds=1)).astimezone(tzinfo).utcoffset() == before
        ):
            return (instant + before).replace(tzinfo=None)
    return onset


def timezone_components(tz_names, first=None, last=None):
    """One VTIMEZONE per IANA name, covering ``first``…``last`` with a year's margin."""
    first_date, last_date = _range(first, last)
    components = []
    for name in sorted(set(tz_names)):
        try:
            components.append(zone(name, first_date, last_date))
        except ValueError:
            continue
    return components


#: Events read, and turned into VEVENTs, at a time by :func:`stream_feed`.
FEED_CHUNK_SIZE = 100


def stream_feed(queryset, name, request=None, chunk_size=None):
    """Yield an ICS feed (bytes) of the events of ``queryset``, in its order.

    ``queryset`` is sorted and limited by the database. One query reads the
    time zones and the date range of its events; the events are then read by
    one ordered query, ``chunk_size`` rows at a time (a server-side cursor where
    the database has one), each chunk with its related records in a constant
    number of queries. Work grows linearly with the feed, memory with a chunk.
    """
    chunk_size = chunk_size or FEED_CHUNK_SIZE
    scope = queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
    zones = list(scope.order_by().values("timezone").annotate(first=Min("start"), last=Max("end")))
    header = _calendar(name).to_ical().decode()
    # The empty calendar ends with END:VCALENDAR; time zones and events go before it.
    opening, closing = header.rsplit("END:VCALENDAR", 1)
    yield opening.encode()
    for component in timezone_components(
        [zone["timezone"] for zone in zones],
        min((zone["first"] for zone in zones), default=None),
        max((zone["last"] for zone in zones), default=None),
    ):
        yield component.to_ical()
    events = queryset.iterator(chunk_size=chunk_size)
    while chunk := list(islice(events, chunk_size)):
        yield from _chunk(chunk, request)
    yield ("END:VCALENDAR" + closing).encode()


def _chunk(events, request):
    for component in _vevents(events, request):
        yield component.to_ical()


def _vevents(events, request):
    """One VEVENT per event, their representations and programmes read in one go.

    A VEVENT's description holds the public outline of the programme (times,
    titles, audiences), read without converting its blocks.
    """
    events = representation.prepare_events(events)
    days_by_event = programme.outlines_bulk(events)
    for event in events:
        yield vevent(event, days=days_by_event[event.pk], request=request)
