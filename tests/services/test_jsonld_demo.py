"""Every demo event's JSON-LD, as its page embeds it, meets Google's Event rules."""

import json
import re
from urllib.parse import urlsplit

import pytest

from tests.sites import default_language
from wagtail_rencontres.services import programme, queries

pytestmark = pytest.mark.skipif(
    default_language() != "fr", reason="the example site's French demo, French-first only"
)

MODES = {
    "https://schema.org/OfflineEventAttendanceMode": {"Place"},
    "https://schema.org/OnlineEventAttendanceMode": {"VirtualLocation"},
    "https://schema.org/MixedEventAttendanceMode": {"Place", "VirtualLocation"},
}
AVAILABILITY = {f"https://schema.org/{name}" for name in ("InStock", "SoldOut", "PreOrder")}
ADDRESS_PARTS = {"streetAddress", "postalCode", "addressLocality", "addressRegion"}


def absolute(url):
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def problems(data, event):
    """What Google's Event documentation would flag in ``data``, as sentences."""
    found = [f"no {key}" for key in ("name", "startDate", "location") if not data.get(key)]
    found += [
        f"no {key}"
        for key in ("description", "endDate", "eventStatus", "eventAttendanceMode", "url")
        if not data.get(key)
    ]
    locations = data.get("location") or []
    locations = locations if isinstance(locations, list) else [locations]
    types = {location["@type"] for location in locations}
    if types != MODES.get(data.get("eventAttendanceMode")):
        found.append(f"locations {sorted(types)} for {data.get('eventAttendanceMode')}")
    for location in locations:
        if location["@type"] == "Place":
            address = location.get("address", {})
            if address.get("@type") != "PostalAddress" or not ADDRESS_PARTS & set(address):
                found.append(f"place without a postal address: {location}")
        elif not absolute(location.get("url", "")):
            found.append(f"virtual location without URL: {location}")
    found += [f"relative image {url}" for url in data.get("image", []) if not absolute(url)]
    for organizer in data.get("organizer", []):
        if not absolute(organizer.get("url", "")):
            found.append(f"organizer without URL: {organizer['name']}")
        if "logo" in organizer and not absolute(organizer["logo"]):
            found.append(f"relative logo: {organizer['logo']}")
    public = {speaker.full_name for speaker in programme.speakers(programme.days(event))}
    performers = {performer["name"] for performer in data.get("performer", [])}
    if performers != public:
        found.append(f"performers {sorted(performers)} are not the public speakers")
    offer = data.get("offers")
    if event.registration_mode != "none":
        if not offer or not absolute(offer.get("url", "")):
            found.append(f"offer without URL: {offer}")
        elif event.registration_mode == "internal" and (
            offer.get("price") != 0 or offer.get("availability") not in AVAILABILITY
        ):
            found.append(f"free offer without price or availability: {offer}")
    if event.status == "rescheduled" and "previousStartDate" not in data:
        found.append("rescheduled without previousStartDate")
    return found


def test_every_demo_event_meets_googles_event_rules(client, demo):
    events = list(queries.visible_events().order_by("pk"))
    assert len(events) >= 9
    report = {}
    for event in events:
        html = client.get(event.url).content.decode()
        [payload] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        report[event.title] = problems(json.loads(payload), event)
    assert report == {event.title: [] for event in events}
