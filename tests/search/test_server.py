"""A search server's page of hits, count and facets, and the notes of pending index updates.

These run on every backend: the primary-key filters and the notes are the
package's own, and the searches agree with the database's set everywhere.
"""

import datetime as dt

import pytest
from django.db.models import Q
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale

from tests.factories import EventPageFactory, paris
from tests.i18n.helpers import translate
from tests.search.test_search import DEAD_BACKEND
from tests.sites import default_language, other_language
from tests.tasks import DATABASE_TASKS, run_ready_tasks
from wagtail_rencontres.services import queries, search
from wagtail_rencontres.services.search import backlog, engine, server

pytestmark = pytest.mark.urls("tests.search.urls")


def test_primary_key_filters_are_given_to_the_server(db):
    """Wagtail's backends leave out lookups on a page's pointer: the package sends them."""
    events = queries.event_model().objects.live()
    assert server.pk_filters(events) == ([], [])
    narrowed = events.filter(id__in=[4, 5]).exclude(id__in=[6])
    assert server.pk_filters(narrowed) == ([["4", "5"]], [["6"]])
    with pytest.raises(server.Untranslatable):
        server.pk_filters(events.filter(Q(id__in=[4]) | Q(title="Forum")))


def test_a_queued_reindexing_is_noted_until_a_task_succeeds(agenda, settings, search_index):
    settings.TASKS = DATABASE_TASKS
    event = EventPageFactory(parent=agenda, title="Forum des conseils citoyens", live=False)
    model = type(event)
    event.save_revision().publish()
    assert backlog.pending(model) == [event.pk]

    with override_settings(WAGTAILSEARCH_BACKENDS=DEAD_BACKEND):
        run_ready_tasks()
    assert backlog.pending(model) == [event.pk]  # failed: still out of date

    run_ready_tasks()  # nothing due: the retry waits
    backlog.settle(model._meta.label, [event.pk], timezone.now() - dt.timedelta(minutes=1))
    assert backlog.pending(model) == [event.pk]  # a task that started before the note
    backlog.settle(model._meta.label, [event.pk], timezone.now())
    assert backlog.pending(model) == []


def test_pages_are_full_when_other_copies_are_left_out(client, agenda, search_index):
    """One copy per item is chosen in the database; the server is told which to leave out,
    so that its page of hits holds only copies the page shows."""

    locale = Locale.objects.get_or_create(language_code=other_language())[0]
    translate(agenda.get_parent().specific, locale)
    translate(agenda, locale)
    for n in range(4):
        event = EventPageFactory(
            parent=agenda,
            title=f"Rencontre des conseils citoyens {n}",
            start=paris(dt.date(2030, 3, 2 + n), 9),
            end=paris(dt.date(2030, 3, 2 + n), 17),
        )
        event.save_revision().publish()
        translate(event, locale)
    search_index.refresh()
    seen = []
    for offset in range(4):
        response = client.get(
            "/api/search",
            {"q": "conseils citoyens", "type": "event", "limit": 1, "offset": offset},
            HTTP_ACCEPT_LANGUAGE=default_language(),
        )
        data = response.json()
        assert data["count"] == 4
        assert len(data["results"]) == 1
        seen.append(data["results"][0]["id"])
    assert len(set(seen)) == 4


def test_a_page_past_the_servers_window_is_empty_not_an_error(client, catalogue):
    response = client.get("/api/search", {"q": "politique ville", "offset": 20_000})
    assert response.status_code == 200
    data = response.json()
    assert data["results"] == []
    assert data["counts"]["event"] == 2


def test_too_many_notes_fall_back_to_the_database_path(catalogue, monkeypatch):
    """Past the server's limits (here, any note), the matches are read as ids and
    counted in the database. A database backend reads them in its one ranked
    pass, without :func:`engine.matching`."""
    espaces = catalogue["espaces"]
    backlog.note(type(espaces), [espaces.pk])
    monkeypatch.setattr(server, "MAX_WINDOW", 0)
    read = []
    matching = engine.matching
    monkeypatch.setattr(engine, "matching", lambda *a, **k: read.append(1) or matching(*a, **k))

    results = search.search("politique ville", types=["event"])

    assert results.count == len(results.hits) == 2
    assert sum(item["count"] for item in results.facets["years"]) == 2
    assert bool(read) == engine.is_search_server(engine.current_backend())
