"""Hours attended: from the programme of each day attended, or the event's own times.

A day's hours are the time its sessions cover, overlapping sessions (parallel
workshops) counted once, breaks and lunch left out. A day without a programme
counts from the event's start time to its end time (each day of a multi-day
event, the same hours).
"""

import datetime as dt

from wagtail_rencontres.enums import SessionFormat
from wagtail_rencontres.services import dates, programme

#: Session formats that are not time spent in the event's work.
PAUSES = (SessionFormat.BREAK, SessionFormat.LUNCH)


def day_hours(event, days_list=None):
    """``{local day: timedelta}`` of every day of ``event``.

    ``days_list``: the event's programme (:func:`programme.days`), when already read.
    """
    if days_list is None:
        days_list = programme.days(event, include_private=True, with_speakers=False)
    covered = {day.date: _covered(day.sessions) for day in days_list}
    start = dates.to_local(event.start, event.timezone)
    end = dates.to_local(event.end or event.start, event.timezone)
    first, last = start.date(), end.date()
    result = {}
    for n in range((last - first).days + 1):
        day = first + dt.timedelta(days=n)
        if covered.get(day):
            result[day] = covered[day]
        elif first == last:
            result[day] = end - start
        else:
            result[day] = (
                _clock(end) - _clock(start) if _clock(end) > _clock(start) else dt.timedelta()
            )
    return result


def _clock(moment):
    return dt.timedelta(hours=moment.hour, minutes=moment.minute)


def _covered(sessions):
    """Time covered by the sessions with an end, overlaps counted once, pauses left out."""
    spans = sorted(
        (session.start, session.end)
        for session in sessions
        if session.end and session.end > session.start and session.format not in PAUSES
    )
    total = dt.timedelta()
    current_start = current_end = None
    for start, end in spans:
        if current_end is None or start > current_end:
            if current_end is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += current_end - current_start
    return total


def hours_label(duration):
    """A duration as ``7 h 30`` (``7 h`` when whole)."""
    minutes = int(duration.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"
