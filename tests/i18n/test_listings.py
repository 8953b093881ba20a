"""Agendas list the events of their own locale; untranslated ones only on request."""

import datetime as dt

import pytest
from django.test import override_settings

from tests.i18n.helpers import translate
from wagtail_rencontres.services import queries

DAY = dt.date(2030, 11, 28)


@pytest.fixture
def events(english_agenda, english, make_event):
    """One event translated to English, one French only."""
    translated = make_event(DAY, title="Traduite", slug="traduite")
    english_version = translate(translated, english)
    french_only = make_event(DAY, title="Seulement en français", slug="francais")
    return translated, english_version, french_only


def test_french_event_never_shows_in_the_english_agenda(english_agenda, agenda, events):
    translated, english_version, _french_only = events

    assert list(queries.events_below(english_agenda)) == [english_version]
    assert set(queries.events_below(agenda)) == {translated, events[2]}


@override_settings(WAGTAILRENCONTRES_SHOW_UNTRANSLATED_EVENTS=True)
def test_setting_shows_untranslated_events_in_their_source_language(english_agenda, agenda, events):
    translated, english_version, french_only = events

    listed = list(queries.filter_when(queries.events_below(english_agenda), "upcoming"))

    assert listed == [english_version, french_only]
    assert set(queries.events_below(agenda)) == {translated, french_only}


@override_settings(WAGTAILRENCONTRES_SHOW_UNTRANSLATED_EVENTS=True)
def test_setting_shows_the_source_while_the_translation_is_a_draft(
    english_agenda, english, make_event
):
    event = make_event(DAY, title="Brouillon", slug="brouillon")
    translate(event, english, publish=False)

    assert list(queries.events_below(english_agenda)) == [event]


def test_english_agenda_page_lists_only_english_events(client, english_agenda, events):
    response = client.get(english_agenda.get_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "EN Traduite" in html
    assert "Seulement en français" not in html


@override_settings(WAGTAILRENCONTRES_SHOW_UNTRANSLATED_EVENTS=True)
def test_untranslated_event_card_is_marked_in_its_language(client, english_agenda, events):
    _translated, _english_version, french_only = events

    response = client.get(english_agenda.get_url())

    html = response.content.decode()
    assert '<article class="rencontres-card" lang="fr">' in html
    assert f'href="{french_only.get_url()}"' in html
    assert french_only.get_url().startswith("/fr/")


def test_english_cycle_lists_the_english_translations_of_its_sessions(
    english_agenda, agenda, english, events
):
    from tests.factories import CyclePageFactory

    translated, english_version, french_only = events
    cycle = CyclePageFactory(parent=agenda, title="Cycle", slug="cycle")
    cycle.sessions.create(event=french_only, sort_order=0)
    cycle.sessions.create(event=translated, sort_order=1)
    cycle.save_revision().publish()
    english_cycle = translate(cycle, english)

    assert list(queries.cycle_sessions(cycle)) == [french_only, translated]
    assert list(queries.cycle_sessions(english_cycle)) == [english_version]
    assert list(queries.cycles_of_event(english_version)) == [english_cycle]
    assert list(queries.cycles_of_event(translated)) == [cycle]


def test_english_agenda_query_count_does_not_grow_with_events(
    client, english_agenda, english, make_event
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import EventFormatFactory, VenueFactory

    def add_event(number):
        venue = VenueFactory(name=f"Lieu {number}")
        event_format = EventFormatFactory()
        translate(venue, english)
        translate(event_format, english)
        event = make_event(DAY, slug=f"e-{number}", venue=venue, format=event_format)
        translate(event, english)

    def count_queries():
        with CaptureQueriesContext(connection) as queries_run:
            response = client.get(english_agenda.get_url())
        assert response.status_code == 200
        return len(queries_run), response.content.decode()

    add_event(0)
    one, html = count_queries()
    assert "EN Lieu 0" in html
    for number in range(1, 5):
        add_event(number)
    many, html = count_queries()

    assert "EN Lieu 4" in html
    assert many == one
