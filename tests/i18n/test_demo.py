"""The example site: French first, part of the demo in English, a working switcher."""

import datetime as dt

import pytest
from wagtail.models import Locale, Page

from example_site.demo.demo_content import DemoLoader, load_data
from tests.sites import default_language
from wagtail_rencontres.models import EventPage, Speaker, Theme, Venue
from wagtail_rencontres.services import queries

# The demo is the example site's own content: French pages and records, with English
# translations from its data file. It is written for a French-first site.
pytestmark = pytest.mark.skipif(
    default_language() != "fr",
    reason="the example site's French demo and its English translations, French-first only",
)

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def english_demo(demo):
    return demo, Locale.objects.get(language_code="en")


def test_demo_translates_home_agenda_three_events_and_their_records(english_demo):
    demo, english = english_demo

    english_agenda = demo.agenda.get_translation(english)
    assert english_agenda.live is True
    assert english_agenda.title == "Events"
    assert english_agenda.url == "/en/events/"
    assert demo.home.get_translation(english).title == "Urban policy meetings"
    listed = sorted(event.title for event in queries.events_below(english_agenda))
    assert listed == [
        "Bringing the new city contracts to life in Grand Est",
        "Fighting discrimination in priority neighbourhoods",
        "Women in public spaces",
    ]
    # The English event keeps the dates and venue, and shows English records.
    source = demo.events["lutte-contre-les-discriminations-qpv"]

    event = source.get_translation(english)

    assert (event.start, event.end, event.venue_id) == (source.start, source.end, source.venue_id)
    assert event.localized_venue.name == "Diocesan House"
    # In the source's order (French names).
    assert [theme.name for theme in event.localized_themes] == [
        "City contracts",
        "Fighting discrimination",
    ]
    days = event.programme_days()
    talk = days[0].sessions[1]
    assert talk.title == "The report on discrimination in France"
    assert [ref.speaker.job_title for ref in talk.speakers] == ["Head of studies"]
    assert days[0].sessions[-1].restricted_to == [
        "Inter-municipal project managers",
        "State services",
    ]


def test_demo_loader_is_idempotent_with_translations(english_demo):
    demo, english = english_demo

    def counts():
        return {
            "pages": Page.objects.filter(locale=english).count(),
            "events": EventPage.objects.filter(locale=english).count(),
            "speakers": Speaker.objects.filter(locale=english).count(),
            "venues": Venue.objects.filter(locale=english).count(),
            "themes": Theme.objects.filter(locale=english).count(),
            "all_speakers": Speaker.objects.count(),
        }

    before = counts()
    DemoLoader(today=TODAY).run()

    assert counts() == before
    english_events = load_data()["english"]["events"]
    assert before["events"] == len(english_events) == 3
    assert before["pages"] == 2 + len(english_events)


def test_switcher_goes_to_the_translated_page_or_the_home_page(client, english_demo):
    demo, english = english_demo
    source = demo.events["place-des-femmes-espaces-publics"]
    translated = source.get_translation(english)

    french_html = client.get(source.url).content.decode()
    english_html = client.get(translated.url).content.decode()

    assert translated.url == "/en/events/women-in-public-spaces/"
    assert f'<a href="{translated.url}" lang="en" hreflang="en">English</a>' in french_html
    assert f'<a href="{source.url}" lang="fr" hreflang="fr">Français</a>' in english_html
    assert '<span aria-current="true" lang="en">English</span>' in english_html
    assert '<html lang="en">' in english_html
    # Without a translation, the switcher leads to the home page in that language.
    untranslated = demo.events["approches-communautaires-en-sante"]

    html = client.get(untranslated.url).content.decode()

    english_home = demo.home.get_translation(english)
    assert english_home.url == "/en/"
    assert 'href="/en/" lang="en" hreflang="en" title=' in html
