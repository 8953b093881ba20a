"""Agendas list the events of their own locale; untranslated ones only on request."""

import datetime as dt

import pytest
from django.test import override_settings

from tests.i18n.helpers import tr, translate
from tests.sites import default_language, url_prefix
from wagtail_rencontres.services import queries

DAY = dt.date(2030, 11, 28)


@pytest.fixture
def events(translated_agenda, translation_locale, make_event):
    """One event translated to the other language, one only in the default language."""
    translated = make_event(DAY, title="Traduite", slug="traduite")
    translation = translate(translated, translation_locale)
    untranslated = make_event(DAY, title="Seulement en français", slug="francais")
    return translated, translation, untranslated


def test_untranslated_event_never_shows_in_the_translated_agenda(translated_agenda, agenda, events):
    translated, translation, _untranslated = events

    assert list(queries.events_below(translated_agenda)) == [translation]
    assert set(queries.events_below(agenda)) == {translated, events[2]}


@override_settings(WAGTAILRENCONTRES_SHOW_UNTRANSLATED_EVENTS=True)
def test_setting_shows_untranslated_events_in_their_source_language(
    translated_agenda, agenda, events
):
    translated, translation, untranslated = events

    listed = list(queries.filter_when(queries.events_below(translated_agenda), "upcoming"))

    assert listed == [translation, untranslated]
    assert set(queries.events_below(agenda)) == {translated, untranslated}


@override_settings(WAGTAILRENCONTRES_SHOW_UNTRANSLATED_EVENTS=True)
def test_setting_shows_the_source_while_the_translation_is_a_draft(
    translated_agenda, translation_locale, make_event
):
    event = make_event(DAY, title="Brouillon", slug="brouillon")
    translate(event, translation_locale, publish=False)

    assert list(queries.events_below(translated_agenda)) == [event]


def test_translated_agenda_page_lists_only_its_locale_events(client, translated_agenda, events):
    response = client.get(translated_agenda.get_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert tr("Traduite") in html
    assert "Seulement en français" not in html


@override_settings(WAGTAILRENCONTRES_SHOW_UNTRANSLATED_EVENTS=True)
def test_untranslated_event_card_is_marked_in_its_language(client, translated_agenda, events):
    _translated, _translation, untranslated = events

    response = client.get(translated_agenda.get_url())

    html = response.content.decode()
    assert f'<article class="rencontres-card" lang="{default_language()}">' in html
    assert f'href="{untranslated.get_url()}"' in html
    assert untranslated.get_url().startswith(url_prefix())


def test_translated_cycle_lists_the_translations_of_its_sessions(
    translated_agenda, agenda, translation_locale, events
):
    from tests.factories import CyclePageFactory

    translated, translation, untranslated = events
    cycle = CyclePageFactory(parent=agenda, title="Cycle", slug="cycle")
    cycle.sessions.create(event=untranslated, sort_order=0)
    cycle.sessions.create(event=translated, sort_order=1)
    cycle.save_revision().publish()
    translated_cycle = translate(cycle, translation_locale)

    assert list(queries.cycle_sessions(cycle)) == [untranslated, translated]
    assert list(queries.cycle_sessions(translated_cycle)) == [translation]
    assert list(queries.cycles_of_event(translation)) == [translated_cycle]
    assert list(queries.cycles_of_event(translated)) == [cycle]


def test_translated_agenda_query_count_does_not_grow_with_events(
    client, translated_agenda, translation_locale, make_event
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import EventFormatFactory, VenueFactory

    def add_event(number):
        venue = VenueFactory(name=f"Lieu {number}")
        event_format = EventFormatFactory()
        translate(venue, translation_locale)
        translate(event_format, translation_locale)
        event = make_event(DAY, slug=f"e-{number}", venue=venue, format=event_format)
        translate(event, translation_locale)

    def count_queries():
        with CaptureQueriesContext(connection) as queries_run:
            response = client.get(translated_agenda.get_url())
        assert response.status_code == 200
        return len(queries_run), response.content.decode()

    add_event(0)
    one, html = count_queries()
    assert tr("Lieu 0") in html
    for number in range(1, 5):
        add_event(number)
    many, html = count_queries()

    assert tr("Lieu 4") in html
    assert many == one
