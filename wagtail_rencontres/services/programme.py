"""Programme timetable: days of sessions, with the privacy rule for restricted sessions.

A session restricted to some audiences shows only its public outline (times,
title, format, audiences) to the public; its description, room and speakers
are kept for registrants and editors.
"""

from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects

from wagtail_rencontres.blocks import DayBlock
from wagtail_rencontres.enums import SessionFormat
from wagtail_rencontres.services import dates, i18n


@dataclass
class SessionSpeaker:
    speaker: object
    role: str = ""


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
        for child in _raw_programme(event):
            if child.get("type") == "day":
                value = child.get("value") or {}
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
            format_label=str(SessionFormat(value["format"]).label)
            if value["format"] in SessionFormat.values
            else value["format"],
            restricted=restricted,
            remote=bool(value["remote"]),
            capacity=value.get("capacity"),
        )
        if include_private or not restricted:
            session.description = value["description"]
            session.room = value["room"]
            session.speakers = [
                SessionSpeaker(speaker=ref["speaker"], role=ref["role"])
                for ref in value["speakers"]
                if ref["speaker"] is not None
            ]
            raw_speakers.extend(ref.speaker for ref in session.speakers)
        session_audiences.append((session, audiences))
        sessions.append(session)
    sessions.sort(key=lambda session: (session.start, session.title))
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
    localized_speakers = i18n.localized_many(raw_speakers, locale_id)
    prefetch_related_objects(localized_speakers, "organisation")
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
