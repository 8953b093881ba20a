"""Search engines find every language: the sitemap lists translated events and
cycles with ``lastmod``, and each page's head links its translations."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import CyclePageFactory
from tests.i18n.helpers import translate
from tests.sites import default_language, other_language
from wagtail_rencontres.models import CycleSession

pytestmark = pytest.mark.django_db

SOURCE, TARGET = default_language(), other_language()


@pytest.fixture
def bilingual(translated_agenda, agenda, make_event, translation_locale):
    """An event and a cycle in the site's default language, and their translations."""
    event = make_event(dt.date(2027, 7, 1), title="Forum interculturalité")
    cycle = CyclePageFactory(parent=agenda, title="Cycle santé")
    CycleSession.objects.create(cycle=cycle, event=event, sort_order=0)
    for page in (event, cycle):
        page.save_revision().publish()  # as editors publish: last_published_at is set
    return event, cycle, translate(event, translation_locale), translate(cycle, translation_locale)


def sitemap(client):
    """``{location: lastmod}`` of the sitemap's entries."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    return dict(re.findall(r"<url><loc>([^<]*)</loc>(?:<lastmod>([^<]*)</lastmod>)?", body))


def test_sitemap_lists_events_and_cycles_of_every_language_with_lastmod(client, bilingual):
    entries = sitemap(client)
    for page in bilingual:
        page.refresh_from_db()
        # Django's sitemap writes the date in the site's TIME_ZONE.
        published_on = timezone.localtime(page.last_published_at).date()
        assert entries[page.get_full_url()] == published_on.isoformat()


def test_sitemap_leaves_out_drafts_and_private_pages(client, bilingual, make_event):
    draft = make_event(title="Brouillon")
    draft.unpublish()
    private = make_event(title="Privée")
    private.view_restrictions.create(restriction_type="password", password="x")
    entries = sitemap(client)
    assert draft.get_full_url() not in entries
    assert private.get_full_url() not in entries


def links(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.mark.parametrize("base", ["base.html", "wagtail_rencontres/base.html"])
def test_each_page_links_its_translations(client, settings, bilingual, base):
    settings.WAGTAILRENCONTRES_BASE_TEMPLATE = base
    event, cycle, event_translation, cycle_translation = bilingual
    for source, translation in ((event, event_translation), (cycle, cycle_translation)):
        expected = {
            SOURCE: source.get_full_url(),
            TARGET: translation.get_full_url(),
            "x-default": source.get_full_url(),
        }
        for page in (source, translation):
            html = client.get(page.get_url()).content.decode()
            assert links(html) == expected


def test_page_without_public_translation_has_no_alternates(client, agenda, make_event):
    event = make_event(title="Seule")
    assert links(client.get(event.get_url()).content.decode()) == {}


def test_sitemap_queries_do_not_grow_with_the_events(client, bilingual, make_event):
    sitemap(client)  # warms Wagtail's cache of site root paths
    with CaptureQueriesContext(connection) as few:
        sitemap(client)
    for day in range(1, 6):
        make_event(dt.date(2027, 9, day)).save_revision().publish()
    with CaptureQueriesContext(connection) as many:
        entries = sitemap(client)
    assert len(entries) == 8 + 5  # two homes, agendas, events and cycles, then five events
    assert len(many) == len(few)
