"""Feeds default to the request's language and list each event once; an event
page's subscribe link names its own language's feed."""

import datetime as dt
import html
import re

import icalendar
import pytest

from tests.i18n.helpers import translate
from tests.sites import default_language, other_language

pytestmark = pytest.mark.django_db

SOURCE, TARGET = default_language(), other_language()


@pytest.fixture
def bilingual_event(translated_agenda, agenda, make_event, translation_locale):
    """An event in the site's default language and its translation."""
    event = make_event(dt.date(2027, 7, 1), title="Forum interculturalité")
    return event, translate(event, translation_locale)


def uids(response):
    calendar = icalendar.Calendar.from_ical(b"".join(response.streaming_content))
    return [str(vevent["UID"]) for vevent in calendar.walk("VEVENT")]


def uid(event):
    return f"{event.uuid}@wagtail-rencontres"


@pytest.mark.urls("tests.api.urls")
def test_feed_lists_each_event_once_in_the_request_language(client, bilingual_event):
    source, translation = bilingual_event
    path = "/rencontres/ics/events.ics"
    assert uids(client.get(path, HTTP_ACCEPT_LANGUAGE=SOURCE)) == [uid(source)]
    assert uids(client.get(path, HTTP_ACCEPT_LANGUAGE=TARGET)) == [uid(translation)]


@pytest.mark.urls("tests.api.urls")
def test_speaker_feed_lists_each_event_once_in_the_request_language(
    client, translated_agenda, programme_event, translation_locale
):
    source, speaker, _secret = programme_event(day=dt.date(2027, 7, 1))
    translation = translate(source, translation_locale)
    path = f"/rencontres/ics/speakers/{speaker.pk}.ics"
    assert uids(client.get(path, HTTP_ACCEPT_LANGUAGE=SOURCE)) == [uid(source)]
    assert uids(client.get(path, HTTP_ACCEPT_LANGUAGE=TARGET)) == [uid(translation)]


@pytest.mark.urls("tests.api.urls")
def test_feed_locale_parameter_wins_over_the_request_language(client, bilingual_event):
    _source, translation = bilingual_event
    response = client.get(
        f"/rencontres/ics/events.ics?locale={TARGET}", HTTP_ACCEPT_LANGUAGE=SOURCE
    )
    assert uids(response) == [uid(translation)]


@pytest.mark.urls("tests.api.urls")
def test_untranslated_event_shows_once_only_where_agendas_show_it(
    client, settings, bilingual_event, make_event
):
    lone = make_event(dt.date(2027, 8, 1), title="Seulement en source")
    source, translation = bilingual_event
    feed = "/rencontres/ics/events.ics?ordering=start"
    assert uids(client.get(feed, HTTP_ACCEPT_LANGUAGE=TARGET)) == [uid(translation)]
    settings.WAGTAILRENCONTRES_SHOW_UNTRANSLATED_EVENTS = True
    assert uids(client.get(feed, HTTP_ACCEPT_LANGUAGE=TARGET)) == [uid(translation), uid(lone)]
    assert uids(client.get(feed, HTTP_ACCEPT_LANGUAGE=SOURCE)) == [uid(source), uid(lone)]


def test_event_page_subscribe_link_names_its_own_language(client, bilingual_event):
    for page in bilingual_event:
        body = client.get(page.get_url()).content.decode()
        [link] = re.findall(r'href="([^"]*/ics/events\.ics[^"]*)"', body)
        code = page.locale.language_code
        assert html.unescape(link) == f"/rencontres/ics/events.ics?when=upcoming&locale={code}"
