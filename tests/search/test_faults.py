"""Search survives a search server that is down or frozen, and a stale index.

The frozen server is a loopback socket that accepts connections and never
answers, configured as the Elasticsearch backend's URL. Tasks go to the
database backend of django-tasks and run as its worker runs them
(:mod:`tests.tasks`). These tests run unchanged on every search backend of
the suite: they swap in the frozen server where they need it.
"""

import logging
import socket
import threading
import time

import pytest
from django.conf import settings as django_settings
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from tests.factories import EventPageFactory, OrganisationFactory, SpeakerFactory, VenueFactory
from tests.search.backends import unavailable
from tests.search.conftest import programme, session
from tests.search.test_search import DEAD_BACKEND
from tests.tasks import DATABASE_TASKS, run_ready_tasks, time_passes
from wagtail_rencontres.services import search
from wagtail_rencontres.services.search import backlog, indexing

REINDEX = "reindex"
UNINDEX = "unindex"


@pytest.fixture
def frozen_server():
    """A search backend configuration whose server accepts connections and never answers."""
    pytest.importorskip("elasticsearch", reason="the testing extra installs the client")
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # A free port, so that suites running side by side (CI runs the
    # Elasticsearch and OpenSearch ones at once) each get their own.
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    port = listener.getsockname()[1]
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])  # kept open, never answered
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()

    def backends(timeout):
        return {
            "default": {
                "BACKEND": "wagtail.search.backends.elasticsearch8",
                "URLS": [f"http://127.0.0.1:{port}"],
                "INDEX_PREFIX": "rencontres_frozen_",
                "TIMEOUT": timeout,
                "OPTIONS": {"max_retries": 0},
            }
        }

    yield backends
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


def indexing_tasks(names):
    """The package's indexing tasks among ``names``, sorted (Wagtail queues its own too)."""
    return sorted(name for name in names if name in (REINDEX, UNINDEX))


def timed(action):
    started = time.monotonic()
    action()
    return time.monotonic() - started


def test_saves_do_not_wait_for_a_frozen_search_server(
    agenda, settings, frozen_server, search_index, caplog
):
    venue = VenueFactory(name="Halle Voltaire")
    speaker = SpeakerFactory(last_name="Zérobataille", organisation=OrganisationFactory())
    partner = OrganisationFactory(name="Fédération des centres sociaux")
    event = EventPageFactory(parent=agenda, title="Quartiers résilients", venue=venue, live=False)
    event.programme = programme(
        event.start.date(),
        [session(event.start.time(), event.end.time(), "Ouverture", speakers=[speaker])],
    )
    event.partners.create(organisation=partner)
    event.save_revision()
    live_backends = django_settings.WAGTAILSEARCH_BACKENDS
    settings.TASKS = DATABASE_TASKS
    # A reindexing in the request would wait 5 s for the frozen server.
    settings.WAGTAILSEARCH_BACKENDS = frozen_server(timeout=5)

    # Each save or deletion returns in under a second: it only queues tasks.
    assert timed(lambda: event.get_latest_revision().publish()) < 1
    venue.name = "Halle Voltaire rénovée"
    assert timed(venue.save) < 1
    speaker.job_title = "Géographe"
    assert timed(speaker.save) < 1
    partner.name = "Fédération des centres sociaux de France"
    assert timed(partner.save) < 1
    gone = SpeakerFactory(last_name="Évanoui")
    assert timed(gone.delete) < 1
    event.refresh_from_db()
    assert event.live is True

    tasks = DBTaskResult.objects.filter(
        task_path__in=[indexing.reindex.module_path, indexing.unindex.module_path]
    )
    # The publication; the venue, speaker and partner, and the event showing each of them;
    # the new speaker (no event shows it), and its removal.
    assert tasks.count() == 9

    # The worker meets the frozen server: each task fails cleanly and is retried later.
    settings.WAGTAILSEARCH_BACKENDS = frozen_server(timeout=1)
    caplog.set_level(logging.WARNING, logger="wagtail_rencontres.services.search")
    assert indexing_tasks(run_ready_tasks()) == [REINDEX] * 8 + [UNINDEX]
    assert tasks.filter(status="SUCCESSFUL").count() == 9
    retries = tasks.filter(status="READY")
    assert retries.count() == 8  # the deleted speaker left nothing to index
    assert {retry.args_kwargs["kwargs"]["attempt"] for retry in retries} == {2}
    assert any("Reindexing" in record.getMessage() for record in caplog.records)
    assert run_ready_tasks() == []  # not due yet

    # The server is back: the retries index the event as it is now.
    settings.WAGTAILSEARCH_BACKENDS = live_backends
    time_passes()
    assert indexing_tasks(run_ready_tasks()) == [REINDEX] * 7 + [UNINDEX]
    search_index.refresh()
    hits = search.search("Zérobataille Géographe", types=["event"]).hits
    assert [hit.title for hit in hits] == ["Quartiers résilients"]
    assert search.search("Évanoui").hits == []


def test_reindexing_gives_up_after_the_last_attempt(agenda, settings, frozen_server, caplog):
    event = EventPageFactory(parent=agenda, title="Quartiers résilients")
    settings.TASKS = DATABASE_TASKS
    settings.WAGTAILSEARCH_BACKENDS = frozen_server(timeout=1)
    indexing.enqueue_reindex(type(event), [event.pk])
    for _attempt in range(indexing.MAX_ATTEMPTS):
        assert run_ready_tasks() == [REINDEX]
        time_passes()
    assert run_ready_tasks() == []
    assert any("update_index" in record.getMessage() for record in caplog.records)


@pytest.mark.urls("tests.search.urls")
@pytest.mark.parametrize("path", ["/api/search", "/api/autocomplete"])
def test_api_search_answers_503_when_the_server_is_frozen(client, db, frozen_server, path):
    with override_settings(WAGTAILSEARCH_BACKENDS=frozen_server(timeout=1)):
        response = client.get(path, {"q": "égalité"})
    assert response.status_code == 503
    assert response.json() == unavailable()


def test_search_page_answers_503_when_the_server_is_frozen(client, db, frozen_server):
    with override_settings(WAGTAILSEARCH_BACKENDS=frozen_server(timeout=1)):
        response = client.get("/en/search/", {"q": "égalité"})
    assert response.status_code == 503
    assert (
        '<p role="alert">The search service is unavailable at the moment. '
        "Please try again later.</p>" in response.content.decode()
    )


def missed_unpublish(page, search_index):
    """Unpublish ``page`` while the search server is away: its entry still says live."""
    with override_settings(WAGTAILSEARCH_BACKENDS=DEAD_BACKEND):
        page.unpublish()
    search_index.refresh()


def test_counts_and_facets_agree_with_the_hits_after_a_missed_unpublish(catalogue, search_index):
    """A search server filters on the live flag it indexed, the hits on the database's.

    The failed reindexing leaves a note (:mod:`~wagtail_rencontres.services.search.backlog`),
    by which a search server's count and facets leave the event out. Database
    backends filter on the tables themselves and agree by construction.
    """
    espaces, embauche = catalogue["espaces"], catalogue["embauche"]
    missed_unpublish(embauche, search_index)
    assert backlog.pending(type(embauche)) == [embauche.pk]

    results = search.search("politique ville", types=["event"])

    assert [hit.object.pk for hit in results.hits] == [espaces.pk]
    assert results.count == 1
    assert results.counts == {"event": 1, "cycle": 0, "speaker": 0}
    assert {
        name: sum(item["count"] for item in items) for name, items in results.facets.items()
    } == {
        "themes": 1,
        "formats": 1,
        "regions": 1,
        "years": 1,
    }
    assert results.facets["years"] == [{"value": 2024, "label": "2024", "count": 1}]


def test_cycle_counts_agree_with_the_hits_after_a_missed_unpublish(catalogue, search_index):
    cycle = catalogue["cycle"]
    missed_unpublish(cycle, search_index)

    results = search.search("politique ville")

    assert results.counts["cycle"] == 0
    assert results.count == len(results.hits)
    assert "cycle" not in {hit.type for hit in results.hits}


def test_a_missed_deletion_is_not_counted(catalogue, search_index):
    espaces, embauche = catalogue["espaces"], catalogue["embauche"]
    with override_settings(WAGTAILSEARCH_BACKENDS=DEAD_BACKEND):
        embauche.delete()
    search_index.refresh()

    results = search.search("politique ville", types=["event"])

    assert [hit.object.pk for hit in results.hits] == [espaces.pk]
    assert results.count == 1
    assert sum(item["count"] for item in results.facets["years"]) == 1
