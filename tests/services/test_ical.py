import datetime as dt

import pytest
from icalendar import Calendar

from tests.factories import VenueFactory, paris
from tests.sites import site_text

pytestmark = pytest.mark.urls("tests.api.urls")


def parse(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return Calendar.from_ical(body)


def test_event_ics_has_stable_uid_sequence_and_timezone(client, make_event):
    event = make_event(title="Forum; quartiers, ville", venue=VenueFactory())
    response = client.get(f"/rencontres/ics/events/{event.pk}.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = parse(response)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//wagtail-rencontres//Rencontres//FR"
    [vevent] = calendar.walk("VEVENT")
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert str(vevent["UID"]) == f"{event.uuid}@wagtail-rencontres"
    assert str(vevent["SUMMARY"]) == "Forum; quartiers, ville"
    assert vevent["SEQUENCE"] == 0
    assert "DTSTAMP" in vevent
    assert vevent.decoded("DTSTART") == paris(dt.date(2024, 11, 28), 9)
    assert vevent.decoded("DTSTART").tzinfo.key == "Europe/Paris"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["LOCATION"]) == ("Maison Diocésaine, 9 bis, boulevard Voltaire, 21000 Dijon")


def test_reschedule_keeps_uid_and_bumps_sequence(client, make_event):
    event = make_event()
    uid_before = f"{event.uuid}@wagtail-rencontres"
    event.start = paris(dt.date(2024, 12, 5), 9)
    event.end = paris(dt.date(2024, 12, 5), 17)
    event.status = "rescheduled"
    event.previous_start = paris(dt.date(2024, 11, 28), 9)
    event.save_revision().publish()
    [vevent] = parse(client.get(f"/rencontres/ics/events/{event.pk}.ics")).walk("VEVENT")
    assert str(vevent["UID"]) == uid_before
    assert vevent["SEQUENCE"] == 1
    event.refresh_from_db()
    event.title = "Renamed"
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.sequence == 1


def test_cancelled_event_stays_in_feed_as_cancelled(client, make_event):
    make_event(title="Annulée", status="cancelled")
    calendar = parse(client.get("/rencontres/ics/events.ics?status=cancelled"))
    assert [str(v["STATUS"]) for v in calendar.walk("VEVENT")] == ["CANCELLED"]


def test_restricted_sessions_never_leak_into_ics(client, programme_event):
    event, _public, _secret = programme_event()
    [vevent] = parse(client.get(f"/rencontres/ics/events/{event.pk}.ics")).walk("VEVENT")
    description = str(vevent["DESCRIPTION"])
    reserved = site_text("réservé à Élus")
    assert f"14:00–15:00 Atelier des élus ({reserved})" in description.splitlines()
    assert "Salle secrète" not in description
    assert "confidentiel" not in description
    assert "Secret" not in description


def test_feed_filters_speaker_and_cycle_feeds(client, programme_event, make_event):
    event, public_speaker, secret = programme_event(title="Avec intervenante")
    make_event(title="Autre")
    calendar = parse(client.get(f"/rencontres/ics/speakers/{public_speaker.pk}.ics"))
    assert [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")] == ["Avec intervenante"]
    assert client.get(f"/rencontres/ics/speakers/{secret.pk}.ics").status_code == 404
    calendar = parse(client.get("/rencontres/ics/events.ics?ordering=title"))
    assert [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")] == ["Autre", "Avec intervenante"]
    assert client.get("/rencontres/ics/events.ics?colour=red").status_code == 400


def test_all_day_event_uses_dates(client, make_event):
    event = make_event(
        all_day=True, start=paris(dt.date(2024, 7, 4), 10), end=paris(dt.date(2024, 7, 5), 12)
    )
    [vevent] = parse(client.get(f"/rencontres/ics/events/{event.pk}.ics")).walk("VEVENT")
    assert vevent.decoded("DTSTART") == dt.date(2024, 7, 4)
    assert vevent.decoded("DTEND") == dt.date(2024, 7, 6)


def test_feed_conditional_get(client, make_event):
    make_event().save_revision().publish()
    response = client.get("/rencontres/ics/events.ics")
    assert response["Cache-Control"] == "public, max-age=900"
    again = client.get("/rencontres/ics/events.ics", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_feed_etag_changes_when_the_venue_is_edited(
    client, make_event, django_capture_on_commit_callbacks
):
    venue = VenueFactory(name="Maison Diocésaine", city="Dijon")
    make_event(venue=venue).save_revision().publish()
    first = client.get("/rencontres/ics/events.ics")["ETag"]
    assert client.get("/rencontres/ics/events.ics")["ETag"] == first
    venue.city = "Besançon"
    with django_capture_on_commit_callbacks(execute=True):  # the change stamp moves on commit
        venue.save()

    response = client.get("/rencontres/ics/events.ics", HTTP_IF_NONE_MATCH=first)

    assert response.status_code == 200
    assert response["ETag"] != first
    [vevent] = parse(response).walk("VEVENT")
    assert "Besançon" in str(vevent["LOCATION"])


def test_private_events_are_not_in_feeds(client, make_event):
    from wagtail.models import PageViewRestriction

    private = make_event(title="Privé")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    make_event(title="Brouillon", live=False)
    make_event(title="Public")
    calendar = parse(client.get("/rencontres/ics/events.ics"))
    assert [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")] == ["Public"]
    assert client.get(f"/rencontres/ics/events/{private.pk}.ics").status_code == 404
