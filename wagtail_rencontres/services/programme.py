"""Programme timetable: days of sessions, with the privacy rule for restricted sessions.

A session restricted to some audiences shows only its public outline (times,
title, format, audiences) to the public; its description, room and speakers
are kept for registrants and editors.

A draft may hold days without a date and sessions without a start time
(Wagtail does not require fields of a draft): they have no place in a
timetable yet, so the timetable leaves them out until they have one.
"""

import datetime as dt
from dataclasses import dataclass, field, replace

from django.apps import apps
from django.db.models import prefetch_related_objects
from django.utils.dateparse import parse_date, parse_time

from wagtail_rencontres.blocks import DayBlock
from wagtail_rencontres.blocks.programme import CHOSEN_WITH
from wagtail_rencontres.enums import SessionFormat
from wagtail_rencontres.services import dates, i18n

#: Session formats and their (lazy) labels; ``SessionFormat.values`` builds a list each time.
FORMAT_LABELS = dict(SessionFormat.choices)


def format_label(value):
    """The label of a session format in the active language; an unknown value as it is."""
    label = FORMAT_LABELS.get(value)
    return value if label is None else str(label)


@dataclass
class SessionSpeaker:
    speaker: object
    role: str = ""
    remote: bool = False


@dataclass
class Session:
    id: str
    start: object  # aware datetime in the event's timezone
    end: object
    title: str
    format: str
    format_label: str
    restricted: bool
    restricted_to: list = field(default_factory=list)  # audience names
    # The audiences themselves, in the event's locale where translated; a registrant's
    # audience matches when it has the same translation_key (see restricted_keys).
    restricted_audiences: list = field(default_factory=list)
    description: object = None
    speakers: list = field(default_factory=list)
    room: str = ""
    remote: bool = False
    capacity: int | None = None

    @property
    def restricted_keys(self):
        """Translation keys of the audiences the session is restricted to, in any locale."""
        return {audience.translation_key for audience in self.restricted_audiences}


@dataclass
class Day:
    date: object
    title: str
    sessions: list


def days(event, include_private=False, with_speakers=True, keep=None):
    """The event's programme as :class:`Day` objects, sessions sorted by start time.

    Speakers and audiences are shown in the event's locale when translated
    (see :mod:`wagtail_rencontres.services.i18n`). ``with_speakers=False`` leaves
    the sessions' speakers out, and their queries. ``keep``, a test on a
    session's raw value, leaves out the sessions it refuses before they are
    read, and their audiences' queries.
    """
    return days_bulk(
        [event], include_private=include_private, with_speakers=with_speakers, keep=keep
    )[event.pk]


#: Where :func:`days_once` keeps what it read, on the event instance.
_READ = "_rencontres_programme_read"


def days_once(event, include_private=False):
    """:func:`days` of an event instance, read from the database once for all its uses.

    Serving an event page, the registration form (its workshops: private
    sessions included), the template and the JSON-LD (the public programme)
    share one reading: the whole programme, and its :func:`public_view`.
    Another programme set on the instance is read again.
    """
    read = event.__dict__.get(_READ)
    if read is None or read["programme"] is not event.programme:
        private = days(event, include_private=True)
        read = {"programme": event.programme, True: private, False: public_view(private)}
        event.__dict__[_READ] = read
    return read[include_private]


def public_view(days_list):
    """Days read with their private sessions, as the public sees them: restricted
    sessions without their description, room and speakers (as :func:`days` gives them)."""
    return [
        Day(
            date=day.date,
            title=day.title,
            sessions=[
                replace(session, description=None, room="", speakers=[])
                if session.restricted
                else session
                for session in day.sessions
            ],
        )
        for day in days_list
    ]


def days_bulk(events, include_private=False, with_speakers=True, keep=None):
    """Programmes of several events, ``{event.pk: [Day, …]}``, in a constant number of queries.

    The raw programme data of every event goes through the block's own
    ``bulk_to_python`` at once, so speakers and audiences are fetched in one
    query each, whatever the number of events; their translations take one
    more query each per locale.
    """
    raw_days = []
    owners = []
    for event in events:
        for value in _dated_days(event):
            raw_days.append(_trimmed(value, with_speakers, keep))
            owners.append(event)
    values = DayBlock().bulk_to_python(raw_days) if raw_days else []
    result = {event.pk: [] for event in events}
    by_locale = {}
    for event, day_value in zip(owners, values, strict=True):
        day, day_speakers, day_audiences = _build_day(event, day_value, include_private)
        result[event.pk].append(day)
        speakers_, audiences_, days_ = by_locale.setdefault(event.locale_id, ([], [], []))
        speakers_.extend(day_speakers)
        audiences_.extend(day_audiences)
        days_.append(day)
    for event_days in result.values():
        event_days.sort(key=lambda day: day.date)
    for locale_id, (speakers_, audiences_, days_) in by_locale.items():
        _localize_choices(locale_id, speakers_, audiences_, days_)
    return result


def _trimmed(day_value, with_speakers, keep):
    """A day's raw value, or a copy without speakers or with only the sessions ``keep`` accepts."""
    if with_speakers and keep is None:
        return day_value
    sessions = day_value.get("sessions") or []
    if keep is not None:
        sessions = [session for session in sessions if keep(session.get("value") or {})]
    if not with_speakers:
        sessions = [
            {**session, "value": {**(session.get("value") or {}), "speakers": []}}
            for session in sessions
        ]
    return {**day_value, "sessions": sessions}


def day_dates(event):
    """The date of each block of the programme, in order (``None`` where missing or invalid).

    Read from the raw data: none of the chosen speakers and audiences is fetched.
    """
    found = []
    for child in _raw_programme(event):
        value = (child.get("value") or {}).get("date")
        try:
            found.append(dt.date.fromisoformat(value) if isinstance(value, str) else value)
        except ValueError:
            found.append(None)
    return found


def _dated_days(event):
    """The raw value of each day block that has a date (a draft's may not yet)."""
    return [
        value
        for child in _raw_programme(event)
        if child.get("type") == "day" and (value := child.get("value")) and value.get("date")
    ]


def _raw_programme(event):
    programme = event.programme
    if programme is None:
        return []
    raw = getattr(programme, "raw_data", programme)
    return list(raw)


def _build_day(event, day_value, include_private):
    tz_name = event.timezone
    day = day_value["date"]
    sessions = []
    raw_speakers = []
    session_audiences = []
    for item in day_value["sessions"].bound_blocks:
        value = item.value
        if value["start_time"] is None:  # a draft's session not placed in time yet
            continue
        audiences = [audience for audience in value["restricted_audiences"] if audience]
        restricted = bool(audiences)
        session = Session(
            id=item.id or "",
            start=dates.make_local_lenient(day, value["start_time"], tz_name),
            end=(
                dates.make_local_lenient(day, value["end_time"], tz_name)
                if value["end_time"]
                else None
            ),
            title=value["title"],
            format=value["format"],
            format_label=format_label(value["format"]),
            restricted=restricted,
            remote=bool(value["remote"]),
            capacity=value.get("capacity"),
        )
        if include_private or not restricted:
            session.description = value["description"]
            session.room = value["room"]
            session.speakers = [
                SessionSpeaker(
                    speaker=ref["speaker"], role=ref["role"], remote=bool(ref.get("remote"))
                )
                for ref in value["speakers"]
                if ref["speaker"] is not None
            ]
            raw_speakers.extend(ref.speaker for ref in session.speakers)
        session_audiences.append((session, audiences))
        sessions.append(session)
    sessions.sort(key=lambda session: (session.start, session.title or ""))
    return (
        Day(date=day, title=day_value["title"], sessions=sessions),
        raw_speakers,
        session_audiences,
    )


def _localize_choices(locale_id, raw_speakers, session_audiences, result):
    """Swap speakers and audiences for their translations, in two queries at most."""
    all_audiences = [
        audience for _session, audiences in session_audiences for audience in audiences
    ]
    audience_map = {
        source.pk: shown
        for source, shown in zip(
            all_audiences, i18n.localized_many(all_audiences, locale_id), strict=True
        )
    }
    for session, audiences in session_audiences:
        session.restricted_audiences = [audience_map[audience.pk] for audience in audiences]
        session.restricted_to = [audience.name for audience in session.restricted_audiences]
    if not raw_speakers:
        return
    localized_speakers = i18n.localized_many(raw_speakers, locale_id, select_related=CHOSEN_WITH)
    prefetch_related_objects(localized_speakers, *CHOSEN_WITH)
    speaker_map = dict(
        zip((speaker.pk for speaker in raw_speakers), localized_speakers, strict=True)
    )
    for day in result:
        for session in day.sessions:
            for ref in session.speakers:
                ref.speaker = speaker_map[ref.speaker.pk]


def speakers(days_list):
    """Distinct speakers of a programme, in order of first appearance."""
    seen = {}
    for day in days_list:
        for session in day.sessions:
            for ref in session.speakers:
                seen.setdefault(ref.speaker.pk, ref.speaker)
    return list(seen.values())


def outlines_bulk(events, descriptions=False):
    """The public outline of several programmes, ``{event.pk: [Day, …]}``, in two queries.

    What a calendar shows of a programme: days, and each session's times,
    title, format and audiences, with no description, room or speaker, even
    for open sessions. Read from the stored data without converting the
    blocks, which feeds of thousands of events would pay for every session;
    the audiences are read at once, in each event's locale.
    ``descriptions=True`` adds the stored description (HTML) of each session
    open to all, as the public :func:`days` shows it: the programme's text.
    """
    raw_days = [(event, value) for event in events for value in _dated_days(event)]
    audience_ids = {
        audience_id
        for _event, day in raw_days
        for session in _items(day.get("sessions"))
        for audience_id in _items(session.get("restricted_audiences"))
    }
    audience_model = apps.get_model("wagtail_rencontres", "Audience")
    audiences = audience_model.objects.in_bulk(audience_ids) if audience_ids else {}
    result = {event.pk: [] for event in events}
    by_locale = {}
    for event, raw_day in raw_days:
        day, session_audiences = _outline_day(event, raw_day, audiences, descriptions)
        result[event.pk].append(day)
        by_locale.setdefault(event.locale_id, []).extend(session_audiences)
    for event_days in result.values():
        event_days.sort(key=lambda day: day.date)
    for locale_id, session_audiences in by_locale.items():
        _localize_choices(locale_id, [], session_audiences, [])
    return result


def _items(raw_list):
    """The values of a stored ListBlock, in the block format (``{"type": "item", …}``) or not."""
    return [value for _id, value in _identified_items(raw_list)]


def _identified_items(raw_list):
    """``(id, value)`` of each item of a stored ListBlock; ids only exist in the block format."""
    return [
        (item.get("id") or "", item.get("value"))
        if isinstance(item, dict) and item.get("type") == "item"
        else ("", item)
        for item in raw_list or []
    ]


def _outline_day(event, raw_day, audiences, descriptions=False):
    day = parse_date(raw_day["date"])
    sessions = []
    session_audiences = []
    for session_id, value in _identified_items(raw_day.get("sessions")):
        value = value or {}
        if not value.get("start_time"):  # a draft's session not placed in time yet
            continue
        restricted_to = [
            audiences[audience_id]
            for audience_id in _items(value.get("restricted_audiences"))
            if audience_id in audiences
        ]
        end_time = value.get("end_time")
        session = Session(
            id=session_id,
            start=dates.make_local_lenient(day, parse_time(value["start_time"]), event.timezone),
            end=(
                dates.make_local_lenient(day, parse_time(end_time), event.timezone)
                if end_time
                else None
            ),
            title=value.get("title") or "",
            format=value.get("format") or "",
            format_label=format_label(value.get("format") or ""),
            restricted=bool(restricted_to),
            remote=bool(value.get("remote")),
            capacity=value.get("capacity"),
        )
        if descriptions and not session.restricted:
            session.description = value.get("description")
        session_audiences.append((session, restricted_to))
        sessions.append(session)
    sessions.sort(key=lambda session: (session.start, session.title or ""))
    return Day(date=day, title=raw_day.get("title") or "", sessions=sessions), session_audiences
