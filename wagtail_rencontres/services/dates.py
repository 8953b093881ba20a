"""Time rules: events store aware datetimes and carry their own IANA timezone."""

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_rencontres.enums import TemporalStatus
from wagtail_rencontres.services import clock


def get_zone(name):
    return zoneinfo.ZoneInfo(name)


def make_local(day, time, tz_name):
    """Combine a wall-clock date and time in ``tz_name`` into an aware datetime.

    Raises ``ValidationError`` for a time that does not exist on that day
    (the hour skipped when clocks go forward). Ambiguous times (the hour
    repeated when clocks go back) resolve to the first occurrence.
    """
    zone = get_zone(tz_name)
    naive = dt.datetime.combine(day, time)
    aware = naive.replace(tzinfo=zone, fold=0)
    # A time in the DST gap does not survive a round trip through UTC.
    round_trip = aware.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive:
        raise ValidationError(
            _("%(time)s does not exist on %(day)s in %(zone)s (the clocks change that night)."),
            code="nonexistent_time",
            params={"time": time.strftime("%H:%M"), "day": day.isoformat(), "zone": tz_name},
        )
    return aware


def reinterpret(value, tz_name):
    """Read an aware datetime's wall-clock in the active timezone as ``tz_name`` time.

    Admin forms interpret typed times in the editor's timezone; an event's
    times are meant in the event's own timezone.
    """
    if value is None:
        return None
    wall = timezone.localtime(value) if timezone.is_aware(value) else value
    return make_local(wall.date(), wall.time(), tz_name)


def to_local(value, tz_name):
    """Express an aware datetime in the event's timezone."""
    if value is None:
        return None
    return value.astimezone(get_zone(tz_name))


def temporal_status(start, end, now=None):
    """past / ongoing / upcoming, relative to ``now``; an event is ongoing up to its end."""
    now = now or clock.now()
    if end is not None and end < now:
        return TemporalStatus.PAST
    if start <= now:
        return TemporalStatus.ONGOING
    return TemporalStatus.UPCOMING


def local_days(start, end, tz_name):
    """First and last calendar day of an event, in its timezone."""
    first = to_local(start, tz_name).date()
    last = to_local(end or start, tz_name).date()
    return first, last


def whole_days(start, end, tz_name):
    """``(start, end)`` stretched to whole local days: from midnight to 23:59:59."""
    first, last = local_days(start, end, tz_name)
    return make_local(first, dt.time(0, 0), tz_name), make_local(last, dt.time(23, 59, 59), tz_name)


def shift_days(value, days, tz_name):
    """``value`` moved by ``days`` calendar days, keeping its wall-clock time in ``tz_name``.

    Across a daylight-saving change, 9:00 stays 9:00 (the UTC offset changes);
    a time the clocks skip on the new day moves forward past the gap.
    """
    if value is None:
        return None
    local = to_local(value, tz_name)
    return make_local_lenient(local.date() + dt.timedelta(days=days), local.time(), tz_name)


def make_local_lenient(day, time, tz_name):
    """Like :func:`make_local`, but a nonexistent time moves forward past the gap.

    For display of stored data, which validation has already checked.
    """
    try:
        return make_local(day, time, tz_name)
    except ValidationError:
        naive = dt.datetime.combine(day, time)
        return (
            naive.replace(tzinfo=get_zone(tz_name), fold=0)
            .astimezone(dt.UTC)
            .astimezone(get_zone(tz_name))
        )
