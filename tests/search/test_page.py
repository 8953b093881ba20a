"""The example site's search page."""

from django.test import override_settings

from tests.search.test_search import DEAD_BACKEND
from tests.sites import default_language, site_text, url_prefix
from wagtail_rencontres.services import search
from wagtail_rencontres.services.search import engine


def test_search_page_lists_results_and_facets(client, catalogue):
    response = client.get(f"{url_prefix()}search/", {"q": "politique ville", "theme": "egalite"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Égalité femmes-hommes dans les espaces publics</a>" in html
    assert "Prévenir les discriminations" not in html
    assert (
        '<input type="checkbox" name="theme" value="egalite" checked> Égalité femmes-hommes (1)'
        in html
    )
    assert "Bourgogne-Franche-Comté (1)" in html
    assert "<mark>politique</mark>" in html


def test_search_page_without_query_shows_the_form_only(client, db):
    response = client.get("/fr/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert 'role="status"' not in response.content.decode()


def test_search_page_answers_503_when_the_engine_is_down(client, db):
    with override_settings(WAGTAILSEARCH_BACKENDS=DEAD_BACKEND):
        response = client.get("/en/search/", {"q": "égalité"})
    assert response.status_code == 503
    assert (
        '<p role="alert">The search service is unavailable at the moment. '
        "Please try again later.</p>" in response.content.decode()
    )


def test_search_page_without_results_says_so(client, catalogue):
    response = client.get(f"{url_prefix()}search/", {"q": "ornithorynque"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<p role="status">{site_text("Aucun résultat.")}</p>' in html
    assert "rencontres-search-results" not in html


def test_search_page_links_speakers_to_their_page(client, catalogue, agenda):
    response = client.get(f"{url_prefix()}search/", {"q": "Norynberg", "type": "speaker"})
    assert response.status_code == 200
    page = f"{agenda.get_full_url()}intervenants/{catalogue['norynberg'].pk}/"
    assert f'<a href="{page}">Sophie Norynberg</a>' in response.content.decode()


def test_a_speaker_without_an_agenda_in_their_language_has_no_link(catalogue, agenda):
    agenda.unpublish()
    results = search.search("Norynberg", types=["speaker"])
    assert [(hit.title, hit.url) for hit in results.hits] == [("Sophie Norynberg", None)]


def test_search_page_says_more_than_past_the_counted_matches(client, catalogue, monkeypatch):
    monkeypatch.setattr(engine, "MAX_MATCHES", 1)
    response = client.get(f"{url_prefix()}search/", {"q": "politique ville"})
    # A plural message: its French form is checked on a French site.
    if engine.is_search_server(engine.current_backend()):
        # A search server counts every match itself: two events and the cycle.
        expected = "3 résultats" if default_language() == "fr" else "3 results"
    else:
        # One of the two events is counted, and the cycle.
        expected = "Plus de 2 résultats" if default_language() == "fr" else "More than 2 results"
    assert f'<p role="status">{expected}</p>' in response.content.decode()
