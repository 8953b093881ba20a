"""Searches that forgive: when no result holds every word, results holding some of them."""

import pytest

from tests.sites import site_text, url_prefix
from wagtail_rencontres.services import search
from wagtail_rencontres.text import french_words

ESPACES = "Égalité femmes-hommes dans les espaces publics"
EMBAUCHE = "Prévenir les discriminations à l'embauche"


def test_results_holding_every_word_are_not_partial(catalogue):
    results = search.search("espaces publics", types=["event"])
    assert [hit.title for hit in results.hits] == [ESPACES]
    assert results.partial is False
    assert results.notice == ""


def test_when_no_result_holds_every_word_any_word_is_searched_and_said(catalogue):
    results = search.search("genre embauche", types=["event"])
    assert sorted(hit.title for hit in results.hits) == sorted([ESPACES, EMBAUCHE])
    assert results.count == 2
    assert results.counts["event"] == 2
    assert results.partial is True
    assert results.notice == site_text("Résultats pour une partie des mots")


def test_results_holding_more_of_the_words_come_first(catalogue):
    results = search.search("genre marches exploratoires espaces embauche", types=["event"])
    assert [hit.title for hit in results.hits] == [ESPACES, EMBAUCHE]


def test_a_single_unknown_word_finds_nothing_and_is_not_partial(catalogue):
    results = search.search("ornithorynque", types=["event"])
    assert (results.count, results.partial) == (0, False)


@pytest.mark.urls("tests.search.urls")
def test_api_and_page_say_when_results_hold_some_of_the_words(client, catalogue):
    data = client.get("/api/search", {"q": "genre embauche", "type": "event"}).json()
    assert (data["count"], data["partial"]) == (2, True)
    assert data["notice"] == site_text("Résultats pour une partie des mots")
    html = client.get(f"{url_prefix()}search/", {"q": "genre embauche"}).content.decode()
    assert site_text("Résultats pour une partie des mots") in html


def test_french_normaliser_drops_elisions_accents_and_plural_and_feminine_endings():
    assert french_words("L'égalité des Femmes, jusqu’aux QPV") == "egalit des femm aux qpv"
    assert french_words("femme") == french_words("femmes") == "femm"


@pytest.mark.parametrize("query", ["femme", "l'égalité", "L’ÉGALITÉ", "egalites femme"])
def test_french_forms_of_a_word_find_the_event(catalogue, query):
    assert [hit.title for hit in search.search(query, types=["event"]).hits] == [ESPACES]
