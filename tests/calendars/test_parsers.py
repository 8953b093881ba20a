"""Every calendar client reads the same instants: Python's icalendar and
Mozilla's ical.js (Thunderbird) agree on every event of the feeds.

The feeds span five years, events sit just after both daylight-saving changes
(and across one), and overseas time zones without daylight saving are mixed
with Paris and New York.
"""

import datetime as dt

import pytest
from icalendar import Calendar

from tests.factories import CyclePageFactory
from wagtail_rencontres.models import CycleSession
from wagtail_rencontres.services import dates, ical

pytestmark = pytest.mark.urls("tests.api.urls")

# (day, start hour, end day, end hour, IANA zone)
SCHEDULE = [
    (dt.date(2024, 1, 10), 9, dt.date(2024, 1, 10), 12, "Europe/Paris"),
    (dt.date(2024, 3, 31), 9, dt.date(2024, 3, 31), 11, "Europe/Paris"),
    (dt.date(2025, 7, 14), 18, dt.date(2025, 7, 14), 23, "Europe/Paris"),
    (dt.date(2025, 10, 26), 9, dt.date(2025, 10, 26), 10, "Europe/Paris"),
    (dt.date(2026, 3, 29), 3, dt.date(2026, 3, 29), 4, "Europe/Paris"),
    (dt.date(2027, 10, 30), 20, dt.date(2027, 10, 31), 10, "Europe/Paris"),
    (dt.date(2028, 6, 1), 9, dt.date(2028, 6, 1), 17, "Europe/Paris"),
    (dt.date(2028, 12, 5), 14, dt.date(2028, 12, 5), 16, "Europe/Paris"),
    (dt.date(2025, 3, 9), 9, dt.date(2025, 3, 9), 11, "America/New_York"),
    (dt.date(2027, 3, 14), 3, dt.date(2027, 3, 14), 5, "America/New_York"),
    (dt.date(2027, 11, 7), 9, dt.date(2027, 11, 7), 11, "America/New_York"),
    (dt.date(2026, 5, 20), 9, dt.date(2026, 5, 20), 12, "America/Cayenne"),
    (dt.date(2027, 2, 3), 9, dt.date(2027, 2, 3), 12, "America/Martinique"),
    (dt.date(2025, 8, 12), 8, dt.date(2025, 8, 12), 17, "Indian/Reunion"),
    (dt.date(2028, 9, 1), 8, dt.date(2028, 9, 1), 12, "Pacific/Noumea"),
]


@pytest.fixture
def long_feed(make_event):
    """Published events over five years, in several time zones; returns them."""
    return [
        make_event(
            title=f"{zone} {day}",
            start=dates.make_local(day, dt.time(start), zone),
            end=dates.make_local(end_day, dt.time(end), zone),
            timezone=zone,
        )
        for day, start, end_day, end, zone in SCHEDULE
    ]


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def _instants(body):
    """``{uid: (start, end)}`` in epoch milliseconds, as Python's icalendar reads them."""
    found = {}
    for vevent in Calendar.from_ical(body).walk("VEVENT"):
        start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
        found[str(vevent["UID"])] = (
            round(start.timestamp() * 1000),
            round(end.timestamp() * 1000),
        )
    return found


def _assert_parsers_agree(body, icaljs, events):
    python = _instants(body)
    mozilla = {entry["uid"]: (entry["start"], entry["end"]) for entry in icaljs(body)}
    expected = {
        f"{event.uuid}@wagtail-rencontres": (
            round(event.start.timestamp() * 1000),
            round(event.end.timestamp() * 1000),
        )
        for event in events
    }
    assert python == expected
    assert mozilla == expected


def test_feed_instants_agree_between_icalendar_and_icaljs(client, long_feed, icaljs):
    body = _body(client.get("/rencontres/ics/events.ics"))
    _assert_parsers_agree(body, icaljs, long_feed)


def test_feed_time_zones_give_each_change_its_own_observance(client, long_feed):
    calendar = Calendar.from_ical(_body(client.get("/rencontres/ics/events.ics")))
    [paris] = [zone for zone in calendar.walk("VTIMEZONE") if zone["TZID"] == "Europe/Paris"]
    onsets = [(part.name, part["DTSTART"].dt) for part in paris.subcomponents]
    assert "RDATE" not in paris.to_ical().decode()
    # The clock before the change: 2:00 goes to 3:00 in spring, 3:00 to 2:00 in autumn.
    assert ("DAYLIGHT", dt.datetime(2026, 3, 29, 2)) in onsets
    assert ("STANDARD", dt.datetime(2026, 10, 25, 3)) in onsets
    assert len([name for name, _onset in onsets if name == "DAYLIGHT"]) == 7  # 2023 to 2029


def test_event_file_and_mail_attachment_agree_too(client, long_feed, icaljs):
    event = long_feed[5]  # across the autumn change of 2027
    body = _body(client.get(f"/rencontres/ics/events/{event.pk}.ics"))
    _assert_parsers_agree(body, icaljs, [event])
    _assert_parsers_agree(ical.events_calendar(long_feed), icaljs, long_feed)


def test_cycle_feed_agrees_too(client, site_root, long_feed, icaljs):
    cycle = CyclePageFactory(parent=site_root)
    for position, event in enumerate(long_feed):
        CycleSession.objects.create(cycle=cycle, event=event, sort_order=position)
    body = _body(client.get(f"/rencontres/ics/cycles/{cycle.pk}.ics"))
    _assert_parsers_agree(body, icaljs, long_feed)
