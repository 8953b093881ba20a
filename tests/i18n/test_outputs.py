"""Every public output follows the requested locale: API, v2, ICS, JSON-LD, search."""

import datetime as dt
import json

import icalendar
import pytest

from tests.factories import paris
from tests.i18n.helpers import translate
from wagtail_rencontres.services import jsonld, search

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.urls")]


@pytest.fixture
def bilingual_event(english_agenda, agenda, make_event, english):
    event = make_event(
        title="Forum interculturalité",
        start=paris(dt.date(2027, 7, 1), 9),
        end=paris(dt.date(2027, 7, 1), 17),
    )
    return event, translate(event, english)


def titles(response):
    return [item["title"] for item in json.loads(response.content)["results"]]


def test_typed_api_lists_one_locale(client, bilingual_event):
    french, english = bilingual_event
    assert titles(client.get("/api/rencontres/events?locale=fr")) == [french.title]
    assert titles(client.get("/api/rencontres/events?locale=en")) == [english.title]
    assert english.title == "EN Forum interculturalité"


def test_v2_events_endpoint_lists_one_locale(client, bilingual_event):
    _french, english = bilingual_event
    data = json.loads(client.get("/api/v2/events/?locale=en").content)
    assert [item["title"] for item in data["items"]] == [english.title]


def test_ics_feed_lists_one_locale(client, bilingual_event):
    _french, english = bilingual_event
    response = client.get("/rencontres/ics/events.ics?locale=en")
    calendar = icalendar.Calendar.from_ical(b"".join(response.streaming_content))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [english.title]


def test_jsonld_states_the_page_language(bilingual_event):
    french, english = bilingual_event
    assert jsonld.event_data(french)["inLanguage"] == "fr"
    assert jsonld.event_data(english)["inLanguage"] == "en"


def test_search_results_follow_the_locale(bilingual_event):
    french, english = bilingual_event
    english_hits = search.search("Forum", language_code="en").hits
    french_hits = search.search("Forum", language_code="fr").hits
    assert [hit.object.pk for hit in english_hits if hit.type == "event"] == [english.pk]
    assert [hit.object.pk for hit in french_hits if hit.type == "event"] == [french.pk]
