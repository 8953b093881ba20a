"""A site's own page classes and custom image model get every feature.

Collected only under ``tests.hostsite.settings`` (see tests/conftest.py). The
model, API, ICS, registration and search suites also run on this site; this
module checks what is particular to it end to end.
"""

import datetime as dt
import json

import icalendar
import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction, get_page_models

from tests.factories import SpeakerFactory, VenueFactory
from tests.hostsite import models as host
from tests.hostsite.images.models import CustomImage
from wagtail_rencontres import conf, models
from wagtail_rencontres.enums import RegistrationMode, RegistrationStatus
from wagtail_rencontres.services import search

pytestmark = pytest.mark.django_db

FUTURE = (timezone.now() + dt.timedelta(days=60)).replace(microsecond=0)


def test_the_package_uses_the_sites_page_classes():
    assert conf.page_model("AgendaPage") is host.AgendaPage
    assert conf.page_model("EventPage") is host.EventPage
    assert conf.page_model("CyclePage") is host.CyclePage
    for shipped, own in [
        (models.AgendaPage, "hostsite.AgendaPage"),
        (models.EventPage, "hostsite.EventPage"),
        (models.CyclePage, "hostsite.CyclePage"),
    ]:
        assert shipped._meta.swapped == own


def test_the_admin_offers_one_set_of_page_types(admin_client, site_root):
    page_types = get_page_models()
    assert models.EventPage not in page_types
    assert host.EventPage in page_types
    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=(site_root.pk,)))
    html = response.content.decode()
    assert f"/pages/add/hostsite/agendapage/{site_root.pk}/" in html
    assert "/pages/add/wagtail_rencontres/" not in html


def test_swapped_out_pages_have_no_table():
    tables = set(connection.introspection.table_names())
    assert {"hostsite_eventpage", "hostsite_agendapage", "hostsite_cyclepage"} <= tables
    assert not {"wagtail_rencontres_eventpage", "wagtail_rencontres_cyclepage"} & tables


def test_relations_point_at_the_sites_classes():
    assert models.EventPartner._meta.get_field("page").related_model is host.EventPage
    assert models.CyclePartner._meta.get_field("page").related_model is host.CyclePage
    assert models.RegistrationFormField._meta.get_field("page").related_model is host.EventPage
    assert models.CycleRegistrationFormField._meta.get_field("page").related_model is (
        host.CyclePage
    )
    assert models.CycleSession._meta.get_field("event").related_model is host.EventPage
    assert models.CycleSession._meta.get_field("cycle").related_model is host.CyclePage
    assert models.EventSpeaker._meta.get_field("event").related_model is host.EventPage


def test_every_image_foreign_key_follows_the_custom_image_model():
    assert get_image_model() is CustomImage
    for model, name in [
        (host.EventPage, "image"),
        (host.CyclePage, "image"),
        (models.Organisation, "logo"),
        (models.Speaker, "photo"),
    ]:
        assert model._meta.get_field(name).related_model is CustomImage


@pytest.fixture
def image(db):
    return CustomImage.objects.create(
        title="Maison Diocésaine", file=get_test_image_file(), credit="PQN-A"
    )


def test_event_with_a_custom_image_on_the_page_and_the_api(client, make_event, image):
    event = make_event(
        title="Faire vivre les nouveaux contrats de ville en Grand Est",
        image=image,
        venue=VenueFactory(),
    )
    page = client.get(event.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-hostsite-template="event"' in html
    assert "Faire vivre les nouveaux contrats de ville en Grand Est" in html

    data = json.loads(client.get(f"/api/rencontres/events/{event.pk}").content)
    assert data["image"]["id"] == image.pk
    assert data["image"]["title"] == "Maison Diocésaine"
    assert data["image"]["renditions"]["thumbnail"]["url"].startswith("/media/images/")
    specs = set(CustomImage.objects.get().renditions.values_list("filter_spec", flat=True))
    assert {"fill-400x225", "max-1200x1200"} <= specs

    v2 = json.loads(client.get(f"/api/v2/events/{event.pk}/").content)
    assert v2["image"] == data["image"]


def test_agenda_listing_ics_jsonld_and_search_find_the_sites_event(client, agenda, make_event):
    speaker = SpeakerFactory(first_name="Thomas", last_name="Kirszbaum")
    event = make_event(
        FUTURE.date(),
        title="Rencontre régionale des conseils citoyens",
        venue=VenueFactory(),
        programme=json.dumps(
            [
                {
                    "type": "day",
                    "value": {
                        "date": FUTURE.date().isoformat(),
                        "title": "",
                        "sessions": [
                            {
                                "type": "item",
                                "id": "s1",
                                "value": {
                                    "start_time": "10:00",
                                    "end_time": "11:00",
                                    "title": "Conférence inversée",
                                    "format": "talk",
                                    "speakers": [
                                        {
                                            "type": "item",
                                            "id": "sp1",
                                            "value": {"speaker": speaker.pk},
                                        }
                                    ],
                                },
                            }
                        ],
                    },
                }
            ]
        ),
    )

    listing = client.get(agenda.url)
    assert [e.pk for e in listing.context["events"]] == [event.pk]

    calendar = icalendar.Calendar.from_ical(
        b"".join(client.get("/rencontres/ics/events.ics").streaming_content)
    )
    assert [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")] == [event.title]

    html = client.get(event.url).content.decode()
    assert '<script type="application/ld+json">' in html

    hits = search.search("conseils citoyens").hits
    assert [hit.object.pk for hit in hits if hit.type == "event"] == [event.pk]

    speaker_events = json.loads(client.get(f"/api/rencontres/events?speaker={speaker.pk}").content)
    assert [item["id"] for item in speaker_events["results"]] == [event.pk]


def test_registration_on_the_sites_event_page_with_waiting_list_and_export(
    client, admin_client, make_event
):
    event = make_event(
        start=FUTURE,
        end=FUTURE + dt.timedelta(hours=7),
        registration_mode=RegistrationMode.INTERNAL,
        registration_capacity=1,
    )
    for n in (1, 2):
        response = client.post(
            event.url,
            {
                "first_name": f"Camille{n}",
                "last_name": "Martin",
                "email": f"camille{n}@example.org",
                "organisation": "Ville de Metz",
                "function": "Cheffe de projet",
                "consent": "on",
            },
        )
        assert response.status_code in (200, 302)
    statuses = list(
        models.Registration.objects.filter(page=event)
        .order_by("pk")
        .values_list("status", flat=True)
    )
    assert statuses == [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]

    export = admin_client.get(
        reverse("wagtail_rencontres_registrations:export_csv", args=[event.pk])
    )
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "camille1@example.org" in content
    assert "camille2@example.org" in content


def test_unpublished_and_private_events_leave_tombstones(client, make_event):
    gone = make_event(title="Forum annulé")
    private = make_event(title="Réunion interne")
    since = (timezone.now() - dt.timedelta(minutes=1)).isoformat()
    gone.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    response = client.get("/api/rencontres/events", {"updated_since": since})
    data = json.loads(response.content)
    assert sorted(t["id"] for t in data["tombstones"]) == sorted([gone.pk, private.pk])
    assert data["results"] == []
