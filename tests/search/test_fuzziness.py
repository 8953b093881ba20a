"""Typos: forgiven by search servers in words of five letters or more; the database backends
do not forgive them (docs/how-to/search.md)."""

from wagtail.search.query import And, Fuzzy, PlainText

from tests.search.conftest import engine_name
from wagtail_rencontres.services import search
from wagtail_rencontres.services.search.engine import fuzzy_query


def test_only_words_of_five_letters_or_more_are_forgiven():
    query = fuzzy_query("politque de la QPV")
    assert isinstance(query, And)
    assert [(type(part), part.query_string) for part in query.subqueries] == [
        (Fuzzy, "politque"),
        (PlainText, "QPV"),
    ]
    assert fuzzy_query("QPV de la") is None


def test_a_typo_finds_the_word_on_search_servers_only(catalogue):
    results = search.search("politque")
    titles = sorted(hit.title for hit in results.hits)
    if engine_name() in ("elasticsearch", "opensearch"):
        assert titles == [
            "Cycle égalité et territoires",
            "Prévenir les discriminations à l'embauche",
            "Égalité femmes-hommes dans les espaces publics",
        ]
        assert results.partial is False
    else:
        assert (results.count, titles) == (0, [])


def test_a_word_spelt_right_is_not_widened_by_fuzziness(catalogue):
    # Exact matches exist: the fuzzy query is never asked, on any backend.
    assert [hit.title for hit in search.search("Strasbourg").hits] == [
        "Prévenir les discriminations à l'embauche"
    ]
