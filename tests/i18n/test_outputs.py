"""Every public output follows the requested locale: API, v2, ICS, JSON-LD, search."""

import datetime as dt
import json

import icalendar
import pytest

from tests.factories import paris
from tests.i18n.helpers import tr, translate
from tests.sites import default_language, other_language
from wagtail_rencontres.services import jsonld, search

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.urls")]

SOURCE, TARGET = default_language(), other_language()


@pytest.fixture
def bilingual_event(translated_agenda, agenda, make_event, translation_locale):
    """An event in the site's default language and its translation."""
    event = make_event(
        title="Forum interculturalité",
        start=paris(dt.date(2027, 7, 1), 9),
        end=paris(dt.date(2027, 7, 1), 17),
    )
    return event, translate(event, translation_locale)


def titles(response):
    return [item["title"] for item in json.loads(response.content)["results"]]


def test_typed_api_lists_one_locale(client, bilingual_event):
    source, translation = bilingual_event
    assert titles(client.get(f"/api/rencontres/events?locale={SOURCE}")) == [source.title]
    assert titles(client.get(f"/api/rencontres/events?locale={TARGET}")) == [translation.title]
    assert translation.title == tr("Forum interculturalité")


def test_v2_events_endpoint_lists_one_locale(client, bilingual_event):
    _source, translation = bilingual_event
    data = json.loads(client.get(f"/api/v2/events/?locale={TARGET}").content)
    assert [item["title"] for item in data["items"]] == [translation.title]


def test_ics_feed_lists_one_locale(client, bilingual_event):
    _source, translation = bilingual_event
    response = client.get(f"/rencontres/ics/events.ics?locale={TARGET}")
    calendar = icalendar.Calendar.from_ical(b"".join(response.streaming_content))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [translation.title]


def test_jsonld_states_the_page_language(bilingual_event):
    source, translation = bilingual_event
    assert jsonld.event_data(source)["inLanguage"] == SOURCE
    assert jsonld.event_data(translation)["inLanguage"] == TARGET


def test_search_results_follow_the_locale(bilingual_event):
    source, translation = bilingual_event
    translated_hits = search.search("Forum", language_code=TARGET).hits
    source_hits = search.search("Forum", language_code=SOURCE).hits
    assert [hit.object.pk for hit in translated_hits if hit.type == "event"] == [translation.pk]
    assert [hit.object.pk for hit in source_hits if hit.type == "event"] == [source.pk]
