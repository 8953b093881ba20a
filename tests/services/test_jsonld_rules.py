"""JSON-LD meets Google's Event rules: places for every attendance mode, absolute
image and logo URLs, offers that say where and whether one can register."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail_factories import ImageFactory

import wagtail_rencontres.api
from tests.factories import OrganisationFactory, VenueFactory, paris
from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.models import EventPartner, Registration
from wagtail_rencontres.services import jsonld

PLACE_TBA = {"@type": "PostalAddress", "addressCountry": "FR"}


@pytest.fixture
def now(monkeypatch):
    fixed = paris(dt.date(2024, 11, 1), 12)
    monkeypatch.setattr(timezone, "now", lambda: fixed)
    return fixed


def test_in_person_event_without_venue_gets_the_place_to_be_announced(make_event, settings):
    event = make_event()
    place = jsonld.event_data(event)["location"]
    assert place["@type"] == "Place"
    assert place["address"] == PLACE_TBA
    settings.WAGTAILRENCONTRES_PLACE_TO_BE_ANNOUNCED = {
        "addressLocality": "Lyon",
        "addressCountry": "FR",
    }
    place = jsonld.event_data(event)["location"]
    assert place["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Lyon",
        "addressCountry": "FR",
    }


def test_hybrid_event_without_venue_has_both_locations(make_event):
    event = make_event(attendance_mode="mixed", online_url="https://visio.example/r")
    locations = jsonld.event_data(event)["location"]
    assert [each["@type"] for each in locations] == ["Place", "VirtualLocation"]
    assert locations[0]["address"] == PLACE_TBA
    assert locations[1]["url"] == "https://visio.example/r"


def test_online_event_has_only_its_virtual_location(make_event):
    event = make_event(
        attendance_mode="online", online_url="https://visio.example/o", venue=VenueFactory()
    )
    location = jsonld.event_data(event)["location"]
    assert location == {"@type": "VirtualLocation", "url": "https://visio.example/o"}


def test_image_and_logo_urls_are_absolute(make_event):
    event = make_event(image=ImageFactory())
    EventPartner.objects.create(
        page=event,
        organisation=OrganisationFactory(
            name="ORIV", url="https://oriv.example", logo=ImageFactory()
        ),
        role=PartnerRole.ORGANISER,
    )
    data = jsonld.event_data(event)
    [image] = data["image"]
    assert image.startswith("http://localhost/")
    assert image.endswith(event.image.file.name.rsplit("/", 1)[-1])
    [organizer] = data["organizer"]
    assert organizer["url"] == "https://oriv.example"
    assert organizer["logo"].startswith("http://localhost/")


def _register(event, n=1):
    for index in range(n):
        Registration.objects.create(
            page=event,
            status="confirmed",
            consent_version="v1",
            form_data={},
            first_name="Anne",
            last_name="Brunner",
            email=f"{event.pk}-{index}@example.org",
        )


@pytest.mark.parametrize(
    ("fields", "taken", "availability"),
    [
        ({"registration_capacity": 2}, 1, "InStock"),
        ({"registration_capacity": 1, "registration_waitlist": True}, 1, "SoldOut"),
        ({"registration_capacity": 1, "registration_waitlist": False}, 1, "SoldOut"),
        ({"registration_opens_at": paris(dt.date(2024, 11, 10), 9)}, 0, "PreOrder"),
        ({"registration_closes_at": paris(dt.date(2024, 10, 31), 9)}, 0, "SoldOut"),
    ],
)
def test_offer_availability_follows_registration(make_event, now, fields, taken, availability):
    event = make_event(registration_mode="internal", **fields)
    _register(event, taken)
    offer = jsonld.event_data(event)["offers"]
    assert offer["availability"] == f"https://schema.org/{availability}"
    assert offer["url"] == f"{event.get_full_url()}#registration"
    assert offer["price"] == 0


def test_offer_validity_dates_and_external_registration(make_event, now):
    event = make_event(
        registration_mode="internal",
        registration_opens_at=paris(dt.date(2024, 10, 1), 9),
        registration_closes_at=paris(dt.date(2024, 11, 20), 23, 59),
    )
    offer = jsonld.event_data(event)["offers"]
    assert (offer["validFrom"], offer["validThrough"]) == (
        "2024-10-01T09:00:00+02:00",
        "2024-11-20T23:59:00+01:00",
    )
    elsewhere = make_event(registration_mode="external", registration_url="https://ext.example/i")
    data = jsonld.event_data(elsewhere)
    assert data["offers"] == {"@type": "Offer", "url": "https://ext.example/i"}
    assert "isAccessibleForFree" not in data


def test_rescheduled_event_gives_previous_start(make_event):
    event = make_event(status="rescheduled", previous_start=paris(dt.date(2024, 11, 14), 9))
    assert jsonld.event_data(event)["previousStartDate"] == "2024-11-14T09:00:00+01:00"


@pytest.mark.urls("tests.api.urls")
def test_typed_api_gives_the_pages_json_ld(client, programme_event):
    event, _public, _secret = programme_event(venue=VenueFactory())
    data = client.get(f"/api/rencontres/events/{event.pk}").json()
    assert data["jsonld"] == jsonld.event_data(event)
    by_path = client.get(f"/api/rencontres/events/by-path?path={event.url}").json()
    assert by_path["jsonld"]["name"] == event.title
    assert "Secret" not in str(data["jsonld"])


def test_openapi_documents_the_jsonld_field():
    schema = wagtail_rencontres.api.api.get_openapi_schema(path_prefix="/x")
    field = schema["components"]["schemas"]["EventDetail"]["properties"]["jsonld"]
    assert field["type"] == "object"
    assert "schema.org Event" in field["description"]
    assert "jsonld" in schema["components"]["schemas"]["EventDetail"]["required"]
