"""Human wording of dates and times, French-style in French."""

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail_rencontres.services import dates


def format_time(value):
    """9 h, 15 h 30 in French; 9:00, 15:30 elsewhere."""
    if (get_language() or "").startswith("fr"):
        return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"
    return f"{value.hour}:{value.minute:02d}"


def format_day(value):
    """jeudi 28 novembre 2024 / Thursday 28 November 2024."""
    return date_format(value, "l j F Y")


def event_when(event):
    """One sentence saying when an event happens, in its own timezone."""
    return when(event.start, event.end, event.timezone, event.all_day)


def when(start, end, tz_name, all_day=False):
    """One sentence saying when something from ``start`` to ``end`` happens, in ``tz_name``."""
    start = dates.to_local(start, tz_name)
    end = dates.to_local(end, tz_name)
    same_day = start.date() == end.date()
    params = {
        "day": format_day(start),
        "start_day": format_day(start),
        "end_day": format_day(end),
        "start": format_time(start),
        "end": format_time(end),
    }
    if all_day:
        if same_day:
            return params["day"]
        return _("from %(start_day)s to %(end_day)s") % params
    if same_day:
        return _("%(day)s, from %(start)s to %(end)s") % params
    return _("from %(start_day)s at %(start)s to %(end_day)s at %(end)s") % params
