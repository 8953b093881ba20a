"""Queries per list request stay the same whatever the page size and the programmes' size."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from tests.perf.conftest import count_queries, get_ok, programme
from tests.sites import default_language, other_language, page_type_label

TYPED = "/api/rencontres/events?limit={limit}"
TYPED_PROGRAMME = "/api/rencontres/events?expand=programme&limit={limit}"
V2_ALL_FIELDS = "/api/v2/events/?fields=*&limit={limit}"
AGENDA = "agenda"

# The counts today (SQLite and PostgreSQL), to notice a new query per request too.
CEILINGS = {TYPED: 6, TYPED_PROGRAMME: 8, V2_ALL_FIELDS: 15, AGENDA: 14}


def list_url(url, agenda, limit, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 50
    if url == AGENDA:
        settings.WAGTAILRENCONTRES_AGENDA_PAGE_SIZE = limit
        return agenda.url
    return url.format(limit=limit)


@pytest.mark.parametrize("url", CEILINGS)
def test_queries_do_not_grow_with_the_page_size(client, full_event, agenda, settings, url):
    for n in range(50):
        full_event(n)
    counts = {
        limit: len(
            count_queries(
                lambda limit=limit: get_ok(client, list_url(url, agenda, limit, settings))
            )
        )
        for limit in (1, 10, 50)
    }
    assert counts[1] == counts[10] == counts[50], counts
    assert counts[50] <= CEILINGS[url]


@pytest.mark.parametrize("url", CEILINGS)
def test_queries_do_not_grow_with_the_programme(client, full_event, records, agenda, settings, url):
    events = [full_event(n, sessions=1) for n in range(5)]
    target = list_url(url, agenda, 10, settings)
    one_session = len(count_queries(lambda: get_ok(client, target)))
    for event in events:
        event.programme = programme(event.start.date(), 16, records["speakers"])
        event.save()
    sixteen_sessions = count_queries(lambda: get_ok(client, target))
    assert len(sixteen_sessions) == one_session


def test_lists_count_the_seats_of_a_translation_on_its_source(client, full_event, register):
    event = full_event(0)
    locale, _created = Locale.objects.get_or_create(language_code=other_language())
    translation = event.copy_for_translation(locale, copy_parents=True)
    translation.save_revision().publish()
    for n in range(3):
        register(event, n)
    places = {
        item["id"]: item["registration"]["places_left"]
        for item in client.get(TYPED.format(limit=10)).json()["results"]
    }
    assert places == {event.pk: 27, translation.pk: 27}


@pytest.fixture
def database_cache(db, settings):
    """The cache in a database table, as the benchmark site has it: a cache read is a query."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "perf_cache",
        }
    }
    call_command("createcachetable", verbosity=0)


def v2_counts(client, url):
    """Queries of the v2 listing ``url`` at limits 1, 10 and 20, of events with full programmes."""
    return {
        limit: len(count_queries(lambda limit=limit: get_ok(client, url.format(limit=limit))))
        for limit in (1, 10, 20)
    }


def test_v2_events_list_reads_the_site_once(client, full_event, database_cache):
    # Wagtail's html_url reads the site root paths (from the cache) once per page.
    for n in range(20):
        full_event(n, sessions=16)
    url = f"/api/v2/events/?when=upcoming&locale={default_language()}&fields=*&limit={{limit}}"
    counts = v2_counts(client, url)
    assert counts[1] == counts[10] == counts[20], counts


def test_v2_pages_list_of_events_represents_them_together(client, full_event):
    for n in range(20):
        full_event(n, sessions=16)
    url = f"/api/v2/pages/?type={page_type_label('EventPage')}&fields=*&limit={{limit}}"
    counts = v2_counts(client, url)
    assert counts[1] == counts[10] == counts[20], counts
