"""Autocompletion: every typed word counts, the last one as a prefix, stop words left out."""

import pytest

from tests.search.conftest import engine_name
from wagtail_rencontres.services import search
from wagtail_rencontres.text import autocomplete_words

ESPACES = ("event", "Égalité femmes-hommes dans les espaces publics")
EMBAUCHE = ("event", "Prévenir les discriminations à l'embauche")


def suggested(query):
    return [(hit.type, hit.title) for hit in search.autocomplete(query)]


def test_every_typed_word_is_required(catalogue):
    # "Égalité" alone suggests one event; with "prév" no event holds both words.
    assert suggested("égalité espa") == [ESPACES]
    assert suggested("égalité prév") == []


def test_the_last_word_is_a_prefix(catalogue):
    # Past the elision too: "emb" begins "l'embauche".
    assert suggested("discriminations emb") == [EMBAUCHE]


def test_the_other_words_are_whole_words(catalogue):
    # Search servers complete every word on its edge n-grams: the package
    # matches the words before the last whole, as the database backends do.
    assert suggested("discrim embauche") == []
    assert suggested("égal espaces") == []
    assert suggested("discriminations embauche") == [EMBAUCHE]


def test_on_a_search_server_the_whole_words_are_stemmed(catalogue):
    if engine_name() not in ("elasticsearch", "opensearch"):
        pytest.skip("the database backends match the words before the last as typed")
    assert suggested("discrimination emb") == [EMBAUCHE]


def test_a_speaker_is_completed_on_the_last_word_only(catalogue):
    norynberg = ("speaker", "Sophie Norynberg")
    assert norynberg in suggested("Sophie Nory")
    assert norynberg not in suggested("Sop Norynberg")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Strasb", [EMBAUCHE]),  # the venue's city
        ("dijon égal", [ESPACES]),  # city and title
        ("Lutte contre", [EMBAUCHE]),  # a theme's name
        ("Norynberg esp", [ESPACES]),  # a speaker's name and the title
    ],
)
def test_events_are_found_by_city_theme_and_speaker(catalogue, query, expected):
    assert suggested(query) == expected


def test_stop_words_do_not_widen_the_suggestions(catalogue):
    # Both events say "politique de la ville" in their subtitle only, which
    # autocompletion does not cover: "de" and "la" must not match the titles.
    assert suggested("prévenir de la") == [EMBAUCHE]
    assert suggested("politique de la") == []


def test_autocomplete_words_drop_elisions_and_stop_words():
    assert autocomplete_words("Politique de la Ville") == "politique ville"
    assert autocomplete_words("l'égalité à Dijon") == "égalité dijon"
    assert autocomplete_words("de la") == "de la"
    assert autocomplete_words("  ") == ""


def test_autocomplete_of_nothing_but_punctuation_suggests_nothing(catalogue):
    assert suggested("«  » …") == []
