"""Every output of a translated page shows its chosen records in the page's locale.

The page's venue, format, themes, audiences, partner organisations and programme
speakers are the source's records (wagtail-localize synchronises them); the typed
API, the v2 API, ICS, JSON-LD and the search text show their translations, as the
HTML does, and the source record where there is none.
"""

import datetime as dt
import json

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    AudienceFactory,
    CyclePageFactory,
    EventFormatFactory,
    OrganisationFactory,
    SpeakerFactory,
    ThemeFactory,
    VenueFactory,
    paris,
)
from tests.i18n.helpers import translate
from tests.i18n.test_localized import session
from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.models import CyclePage, EventPage
from wagtail_rencontres.services import jsonld, search_text

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.urls")]

API = "/api/rencontres"


@pytest.fixture
def records(english):
    """Chosen records, all translated to English except one partner."""
    records = {
        "venue": VenueFactory(name="Maison des sports", city="Bobigny"),
        "format": EventFormatFactory(name="Journée thématique"),
        "theme": ThemeFactory(name="Santé"),
        "audience": AudienceFactory(name="Élus"),
        "organiser": OrganisationFactory(name="Profession Banlieue", acronym="PB"),
        "speaker": SpeakerFactory(first_name="Laure", last_name="Pitti", job_title="Sociologue"),
    }
    for record in records.values():
        translate(record, english)
    records["partner"] = OrganisationFactory(name="Observatoire des inégalités", acronym="")
    return records


@pytest.fixture
def make_bilingual(english_agenda, english, make_event, records):
    """make_bilingual(title) → (French event, its English translation), both with the records."""

    def make(title="Forum santé", day=dt.date(2027, 7, 1)):
        event = make_event(
            title=title,
            start=paris(day, 9),
            end=paris(day, 17),
            venue=records["venue"],
            format=records["format"],
            themes=[records["theme"]],
            audiences=[records["audience"]],
            programme=[
                {
                    "type": "day",
                    "value": {
                        "date": day.isoformat(),
                        "title": "",
                        "sessions": [session("Conférence", "09:30", speakers=[records["speaker"]])],
                    },
                }
            ],
        )
        event.partners.create(organisation=records["organiser"], role=PartnerRole.ORGANISER)
        event.partners.create(organisation=records["partner"], role=PartnerRole.PARTNER)
        event.save_revision().publish()
        event = EventPage.objects.get(pk=event.pk)
        return event, translate(event, english)

    return make


ENGLISH_CHOICES = {
    "venue": ("EN Maison des sports", "en"),
    "format": "EN Journée thématique",
    "themes": ["EN Santé"],
    "audiences": ["EN Élus"],
    # The partner has no English translation: its source is shown.
    "partners": [("EN Profession Banlieue", "en"), ("Observatoire des inégalités", "fr")],
}
FRENCH_CHOICES = {
    "venue": ("Maison des sports", "fr"),
    "format": "Journée thématique",
    "themes": ["Santé"],
    "audiences": ["Élus"],
    "partners": [("Profession Banlieue", "fr"), ("Observatoire des inégalités", "fr")],
}


def choices(data):
    return {
        "venue": (data["venue"]["name"], data["venue"]["locale"]),
        "format": data["format"]["name"],
        "themes": [item["name"] for item in data["themes"]],
        "audiences": [item["name"] for item in data["audiences"]],
        "partners": [
            (item["organisation"]["name"], item["organisation"]["locale"])
            for item in data["partners"]
        ],
    }


def speakers(data):
    return [(item["job_title"], item["locale"]) for item in data["programme"]["speakers"]]


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def test_typed_api_list_shows_records_in_each_event_locale(client, make_bilingual):
    make_bilingual()

    english = get_json(client, f"{API}/events?locale=en&expand=programme")["results"][0]
    french = get_json(client, f"{API}/events?locale=fr&expand=programme")["results"][0]

    assert choices(english) == ENGLISH_CHOICES
    assert speakers(english) == [("EN Sociologue", "en")]
    assert choices(french) == FRENCH_CHOICES
    assert speakers(french) == [("Sociologue", "fr")]


def test_typed_api_detail_shows_records_in_the_event_locale(client, make_bilingual):
    _french, english = make_bilingual()

    data = get_json(client, f"{API}/events/{english.pk}")

    assert choices(data) == ENGLISH_CHOICES
    assert speakers(data) == [("EN Sociologue", "en")]


def test_v2_list_and_detail_show_records_in_the_event_locale(client, make_bilingual):
    _french, english = make_bilingual()
    fields = "venue,format,themes,audiences,partners,programme"

    listed = get_json(client, f"/api/v2/events/?locale=en&fields={fields}")["items"][0]
    detail = get_json(client, f"/api/v2/events/{english.pk}/")

    assert choices(listed) == ENGLISH_CHOICES
    assert choices(detail) == ENGLISH_CHOICES
    assert speakers(detail) == [("EN Sociologue", "en")]


def test_ics_shows_venue_and_themes_in_the_event_locale(client, make_bilingual):
    _french, english = make_bilingual()

    for url in (f"/rencontres/ics/events/{english.pk}.ics", "/rencontres/ics/events.ics?locale=en"):
        response = client.get(url)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        (vevent,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
        assert str(vevent["LOCATION"]).split(", ")[0] == "EN Maison des sports"
        assert [str(c) for c in vevent["CATEGORIES"].cats] == ["EN Santé"]


def test_jsonld_shows_place_organisers_and_performers_in_the_event_locale(make_bilingual):
    french, english = make_bilingual()

    english_data = jsonld.event_data(EventPage.objects.get(pk=english.pk))
    french_data = jsonld.event_data(EventPage.objects.get(pk=french.pk))

    assert english_data["location"]["name"] == "EN Maison des sports"
    assert [org["name"] for org in english_data["organizer"]] == ["EN Profession Banlieue"]
    assert [org["name"] for org in english_data["sponsor"]] == ["Observatoire des inégalités"]
    assert english_data["performer"] == [
        {"@type": "Person", "name": "Laure Pitti", "jobTitle": "EN Sociologue"}
    ]
    assert french_data["location"]["name"] == "Maison des sports"
    assert [org["name"] for org in french_data["organizer"]] == ["Profession Banlieue"]


def test_search_text_indexes_records_in_the_page_locale(make_bilingual):
    french, english = make_bilingual()
    english = EventPage.objects.get(pk=english.pk)
    french = EventPage.objects.get(pk=french.pk)

    assert search_text.place_text(english) == "EN Maison des sports EN Bobigny"
    assert search_text.taxonomy_text(english) == "EN Santé EN Élus EN Journée thématique"
    assert search_text.organiser_text(english) == "EN Profession Banlieue EN PB"
    assert search_text.taxonomy_text(french) == "Santé Élus Journée thématique"


def test_typed_api_cycles_show_terms_and_partners_in_the_cycle_locale(
    client, english_agenda, agenda, english, records
):
    cycle = CyclePageFactory(
        parent=agenda,
        title="Cycle santé",
        themes=[records["theme"]],
        audiences=[records["audience"]],
    )
    cycle.partners.create(organisation=records["organiser"], role=PartnerRole.ORGANISER)
    cycle.save_revision().publish()
    english_cycle = translate(CyclePage.objects.get(pk=cycle.pk), english)

    listed = get_json(client, f"{API}/cycles?locale=en")["results"][0]
    detail = get_json(client, f"{API}/cycles/{english_cycle.pk}")

    for data in (listed, detail):
        assert [item["name"] for item in data["themes"]] == ["EN Santé"]
        assert [item["name"] for item in data["audiences"]] == ["EN Élus"]
        assert [item["organisation"]["name"] for item in data["partners"]] == [
            "EN Profession Banlieue"
        ]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", [f"{API}/events?locale=en&expand=programme&limit=100", "/api/v2/events/?locale=en"]
)
def test_translated_list_query_count_is_constant(client, make_bilingual, url):
    make_bilingual(title="Forum 0")
    one = count_queries(client, url)
    for n in range(1, 6):
        make_bilingual(title=f"Forum {n}", day=dt.date(2027, 7, 1 + n))

    many = count_queries(client, url)

    assert len(get_json(client, url).get("results", get_json(client, url).get("items"))) == 6
    assert many == one
