"""GET /search and GET /autocomplete, mounted in a test-only NinjaAPI."""

import datetime as dt

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.factories import EventPageFactory, ThemeFactory, paris
from tests.search.backends import unavailable
from tests.search.test_search import DEAD_BACKEND
from tests.sites import site_text
from wagtail_rencontres.services.search import engine as search_engine

pytestmark = pytest.mark.urls("tests.search.urls")


def test_search_returns_typed_results_with_facets(client, catalogue):
    response = client.get("/api/search", {"q": "egalite", "type": "event"})
    assert response.status_code == 200
    data = response.json()
    event = catalogue["espaces"]
    assert data["count"] == 1
    assert data["next"] is None
    assert data["previous"] is None
    assert data["counts"] == {"event": 1, "cycle": 0, "speaker": 0}
    [hit] = data["results"]
    assert hit["type"] == "event"
    assert hit["id"] == event.pk
    assert hit["title"] == "Égalité femmes-hommes dans les espaces publics"
    assert hit["url"] == event.get_full_url()
    assert hit["start"] == "2024-11-28T09:00:00+01:00"
    assert hit["timezone"] == "Europe/Paris"
    assert hit["status"] == "scheduled"
    assert data["facets"]["themes"] == [
        {"value": "egalite", "label": "Égalité femmes-hommes", "count": 1}
    ]


def test_search_finds_speakers_with_their_page(client, catalogue, agenda):
    data = client.get("/api/search", {"q": "Norynberg", "type": "speaker"}).json()
    speaker_id = data["results"][0]["id"]
    page = f"{agenda.get_full_url()}intervenants/{speaker_id}/"
    assert [
        (hit["type"], hit["title"], hit["url"], hit["affiliation"]) for hit in data["results"]
    ] == [("speaker", "Sophie Norynberg", page, "uB")]
    assert client.get(page).status_code == 200


def test_search_paginates_with_next_and_previous(client, catalogue):
    data = client.get("/api/search", {"q": "politique ville", "limit": 1, "offset": 1}).json()
    assert data["count"] == 3
    assert len(data["results"]) == 1
    assert data["next"] == "http://testserver/api/search?q=politique+ville&limit=1&offset=2"
    assert data["previous"] == "http://testserver/api/search?q=politique+ville&limit=1&offset=0"


def test_search_filters_by_theme_and_year(client, catalogue):
    data = client.get("/api/search", {"q": "politique ville", "theme": "egalite", "year": "2024"})
    assert [hit["title"] for hit in data.json()["results"]] == [
        "Égalité femmes-hommes dans les espaces publics"
    ]


def test_search_rejects_bad_parameters_with_field_keyed_errors(client, db):
    response = client.get(
        "/api/search",
        {"type": "planet", "limit": "500", "year": "soon", "status": "late", "colour": "x"},
    )
    assert response.status_code == 400
    assert response.json() == {
        "colour": [site_text("Paramètre inconnu.")],
        "q": [site_text("Ce paramètre est obligatoire.")],
        "type": [site_text("Valeur inconnue planet. Valeurs possibles : event, cycle, speaker.")],
        "status": [
            site_text(
                "Valeur inconnue late. Valeurs possibles : scheduled, rescheduled, postponed, "
                "moved_online, full, cancelled."
            )
        ],
        "year": [site_text("Indiquez un nombre entier.")],
        "limit": [site_text("Indiquez un nombre entre 1 et 50.")],
    }


def test_autocomplete_suggests_titles_and_speakers(client, catalogue, agenda):
    data = client.get("/api/autocomplete", {"q": "Nory"}).json()
    assert [(hit["type"], hit["title"]) for hit in data["results"]] == [
        ("event", "Égalité femmes-hommes dans les espaces publics"),
        ("speaker", "Sophie Norynberg"),
    ]
    speaker = data["results"][1]
    assert speaker["url"] == f"{agenda.get_full_url()}intervenants/{speaker['id']}/"


def test_autocomplete_requires_q(client, db):
    response = client.get("/api/autocomplete", headers={"accept-language": "en"})
    assert response.status_code == 400
    assert response.json() == {"q": ["This parameter is required."]}


@pytest.mark.parametrize("path", ["/api/search", "/api/autocomplete"])
def test_a_down_search_engine_answers_503(client, db, path):
    with override_settings(WAGTAILSEARCH_BACKENDS=DEAD_BACKEND):
        response = client.get(path, {"q": "égalité"})
    assert response.status_code == 503
    assert response.json() == unavailable()


def test_search_queries_do_not_grow_with_its_hits(client, agenda, search_index, monkeypatch):
    """Hits build their URLs on the request's site: its root paths are read once."""
    theme = ThemeFactory(name="Santé", slug="sante")
    reads = []
    root_paths = Site.get_site_root_paths
    monkeypatch.setattr(
        Site, "get_site_root_paths", lambda: reads.append(1) or root_paths(), raising=True
    )

    def measure(count):
        for n in range(count):
            event = EventPageFactory(
                parent=agenda,
                title=f"Santé dans les quartiers prioritaires {count}-{n}",
                start=paris(dt.date(2030, 3, 1 + n), 9),
                end=paris(dt.date(2030, 3, 1 + n), 17),
            )
            event.themes.set([theme])
            event.save_revision().publish()
        search_index.refresh()
        params = {"q": "quartiers prioritaires", "theme": "sante", "type": "event"}
        client.get("/api/search", params)
        reads.clear()
        with CaptureQueriesContext(connection) as queries:
            data = client.get("/api/search", params).json()
        return len(queries), len(data["results"]), len(reads)

    few, one_hit, reads_one = measure(1)
    many, three_hits, reads_three = measure(2)
    assert (one_hit, three_hits) == (1, 3)
    assert many == few
    assert reads_one == reads_three == 1


def test_search_counts_at_most_max_matches_and_says_so(client, agenda, search_index, monkeypatch):
    """On a database backend, past MAX_MATCHES matches, the count and the facets
    are those of the first MAX_MATCHES, and ``count_is_exact`` is false: counting
    never runs the full-text search again. A search server counts and facets
    every match itself, in the request that gives the hits."""
    theme = ThemeFactory(name="Santé", slug="sante")
    for n in range(3):
        event = EventPageFactory(
            parent=agenda,
            title=f"Santé dans les quartiers prioritaires {n}",
            start=paris(dt.date(2030 + n, 3, 1), 9),
            end=paris(dt.date(2030 + n, 3, 1), 17),
        )
        event.themes.set([theme])
        event.save_revision().publish()
    search_index.refresh()
    params = {"q": "quartiers prioritaires", "type": "event"}
    data = client.get("/api/search", params).json()
    assert (data["count"], data["count_is_exact"]) == (3, True)
    assert [facet["count"] for facet in data["facets"]["years"]] == [1, 1, 1]

    monkeypatch.setattr(search_engine, "MAX_MATCHES", 1)
    data = client.get("/api/search", params).json()
    counted = 3 if search_engine.is_search_server(search_engine.current_backend()) else 1
    assert (data["count"], data["count_is_exact"]) == (counted, counted == 3)
    assert data["counts"]["event"] == counted
    assert data["facets"]["themes"] == [{"value": "sante", "label": "Santé", "count": counted}]
    assert sum(facet["count"] for facet in data["facets"]["years"]) == counted
    # The hits are ranked among every match, not only the counted ones.
    assert len(data["results"]) == 3

    monkeypatch.setattr(search_engine, "MAX_MATCHES", 3)
    data = client.get("/api/search", params).json()
    assert (data["count"], data["count_is_exact"]) == (3, True)


def test_a_database_backend_matches_the_text_once_per_type(client, catalogue):
    """One ranked full-text pass per result type gives its hits, count and facets:
    the text is never matched a second time to count. A search server answers
    each type in one request instead (``tests/search/test_server.py``)."""
    if search_engine.is_search_server(search_engine.current_backend()):
        pytest.skip("a search server answers each type in one request: test_server.py")
    client.get("/api/search", {"q": "politique ville"})
    with CaptureQueriesContext(connection) as queries:
        data = client.get("/api/search", {"q": "politique ville"}).json()
    full_text = [q["sql"] for q in queries if "indexentry" in q["sql"].lower()]
    assert data["counts"]["event"] == 2
    assert len(full_text) == len(search_engine.RESULT_TYPES)


def test_facets_take_the_keys_as_one_parameter_on_postgresql(client, catalogue):
    """Up to 10,000 keys as ``IN (%s, …)`` cost more to send and plan than the
    facets cost to count: PostgreSQL receives them as one array."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: other databases take the keys as a list")
    if search_engine.is_search_server(search_engine.current_backend()):
        pytest.skip("a search server counts the facets itself: test_server.py")
    with CaptureQueriesContext(connection) as queries:
        data = client.get("/api/search", {"q": "politique ville", "type": "event"}).json()
    facets = [q["sql"] for q in queries if "COUNT(DISTINCT" in q["sql"]]
    assert sum(item["count"] for item in data["facets"]["years"]) == 2
    assert len(facets) == 4
    assert all("unnest(" in sql for sql in facets)
