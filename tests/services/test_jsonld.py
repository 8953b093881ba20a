import datetime as dt
import json
import re

from tests.factories import OrganisationFactory, VenueFactory, paris
from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.models import EventPartner
from wagtail_rencontres.services import jsonld


def ld_of(client, event):
    html = client.get(event.url).content.decode()
    [payload] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(payload), payload


def test_event_page_has_json_ld(client, programme_event):
    event, public_speaker, _secret = programme_event(title="Forum", venue=VenueFactory())
    EventPartner.objects.create(
        page=event, organisation=OrganisationFactory(name="ORIV"), role=PartnerRole.ORGANISER
    )
    EventPartner.objects.create(
        page=event, organisation=OrganisationFactory(name="ANCT"), role=PartnerRole.FUNDER
    )
    data, _payload = ld_of(client, event)
    assert data["@type"] == "Event"
    assert data["name"] == "Forum"
    assert data["startDate"] == "2024-11-28T09:00:00+01:00"
    assert data["endDate"] == "2024-11-28T17:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Dijon"
    assert data["organizer"] == [{"@type": "Organization", "name": "ORIV"}]
    assert data["funder"] == [{"@type": "Organization", "name": "ANCT"}]
    assert data["performer"] == [
        {"@type": "Person", "name": "Laure Pitti", "jobTitle": "Sociologue"}
    ]


def test_hybrid_rescheduled_free_event(make_event):
    event = make_event(
        attendance_mode="mixed",
        online_url="https://visio.example/r",
        venue=VenueFactory(),
        status="rescheduled",
        previous_start=paris(dt.date(2024, 11, 14), 9),
        registration_mode="internal",
        registration_opens_at=paris(dt.date(2024, 10, 1), 9),
    )
    data = jsonld.event_data(event)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == "2024-11-14T09:00:00+01:00"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
    assert data["location"][1]["url"] == "https://visio.example/r"
    assert data["offers"]["price"] == 0
    assert data["offers"]["validFrom"] == "2024-10-01T09:00:00+02:00"
    assert data["isAccessibleForFree"] is True


def test_cancelled_event_keeps_start(make_event):
    event = make_event(status="cancelled")
    data = jsonld.event_data(event)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["startDate"] == "2024-11-28T09:00:00+01:00"


def test_script_content_is_escaped(make_event):
    event = make_event(title="</script><script>alert(1)</script> & co")
    html = jsonld.script(jsonld.event_data(event))
    assert html.count("</script>") == 1
    assert "\\u003C/script\\u003E" in html
    payload = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(payload)["name"] == "</script><script>alert(1)</script> & co"


def test_restricted_session_speakers_are_not_performers(client, programme_event):
    event, _public, _secret = programme_event()
    _data, payload = ld_of(client, event)
    assert "Secret" not in payload


def test_event_page_links_to_its_ics_file_and_feeds(client, make_event):
    event = make_event()
    html = client.get(event.url).content.decode()
    assert (
        f'<link rel="alternate" type="text/calendar" href="/rencontres/ics/events/{event.pk}.ics"'
        in html
    )
    assert f'<a href="/rencontres/ics/events/{event.pk}.ics" download>' in html
    code = event.locale.language_code
    assert f'<a href="/rencontres/ics/events.ics?when=upcoming&amp;locale={code}">' in html
