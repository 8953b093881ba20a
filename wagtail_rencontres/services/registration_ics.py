"""A minimal iCalendar file for registration mails (RFC 5545, with the icalendar library).

UID comes from the event's stored UUID, so it survives reschedules.
"""

import datetime as dt

from django.utils import timezone
from icalendar import Calendar, Event

from wagtail_rencontres.enums import EventStatus
from wagtail_rencontres.services import dates


def event_ics(events):
    """Bytes of a VCALENDAR holding one VEVENT per event."""
    calendar = Calendar()
    calendar.add("prodid", "-//wagtail-rencontres//registration//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    stamp = timezone.now()
    for event in events:
        vevent = Event()
        vevent.add("uid", f"{event.uuid}@wagtail-rencontres")
        vevent.add("dtstamp", stamp)
        vevent.add("summary", event.title)
        if event.all_day:
            first, last = dates.local_days(event.start, event.end, event.timezone)
            vevent.add("dtstart", first)
            vevent.add("dtend", last + dt.timedelta(days=1))
        else:
            vevent.add("dtstart", dates.to_local(event.start, event.timezone))
            vevent.add("dtend", dates.to_local(event.end, event.timezone))
        vevent.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
        venue = getattr(event, "venue", None)
        if venue is not None:
            vevent.add("location", str(venue))
        url = event.get_full_url()
        if url:
            vevent.add("url", url)
        calendar.add_component(vevent)
    calendar.add_missing_timezones()
    return calendar.to_ical()
