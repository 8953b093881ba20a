"""Links to other services built from an event's representation: calendars and maps.

Google Calendar and Outlook take an event through their "add" URLs; the
ICS file of the event (``event_ics`` feed) stays the standard way.
OpenStreetMap shows the venue at its coordinates, or searches its address.
"""

import datetime as dt
from urllib.parse import urlencode

from wagtail_rencontres.services.representation import from_iso

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/deeplink/compose"
OSM = "https://www.openstreetmap.org/"


def _place(event):
    venue = event.get("venue")
    if venue:
        return ", ".join(part for part in [venue["name"], *venue["address_lines"]] if part)
    return event.get("online_url") or ""


def calendar_links(event):
    """``{"google": url, "outlook": url}`` adding ``event`` (:func:`event_core`) to a calendar."""
    start, end = from_iso(event["start"]), from_iso(event["end"])
    if event["all_day"]:
        google_dates = f"{start:%Y%m%d}/{end.date() + dt.timedelta(days=1):%Y%m%d}"
    else:
        utc = dt.UTC
        google_dates = (
            f"{start.astimezone(utc):%Y%m%dT%H%M%SZ}/{end.astimezone(utc):%Y%m%dT%H%M%SZ}"
        )
    details = event["url"]
    google = {
        "action": "TEMPLATE",
        "text": event["title"],
        "dates": google_dates,
        "ctz": event["timezone"],
        "details": details,
        "location": _place(event),
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event["title"],
        "startdt": event["start"],
        "enddt": event["end"],
        "allday": "true" if event["all_day"] else "false",
        "body": details,
        "location": _place(event),
    }
    return {"google": f"{GOOGLE}?{urlencode(google)}", "outlook": f"{OUTLOOK}?{urlencode(outlook)}"}


def map_url(venue):
    """An OpenStreetMap URL of a venue (:func:`~.representation.venue`), or "" without address."""
    lat, lon = venue.get("latitude"), venue.get("longitude")
    if lat is not None and lon is not None:
        return f"{OSM}?{urlencode({'mlat': lat, 'mlon': lon})}#map=17/{lat}/{lon}"
    address = ", ".join(line for line in venue.get("address_lines") or [] if line)
    if not address:
        return ""
    return f"{OSM}search?{urlencode({'query': address})}"
