"""Without ``locale``, the search API answers in the request's language, one copy per item."""

import pytest
from wagtail.models import Locale

from tests.i18n.helpers import tr, translate
from tests.sites import default_language, other_language

pytestmark = pytest.mark.urls("tests.search.urls")

TITLE = "Égalité femmes-hommes dans les espaces publics"


@pytest.fixture
def translated(catalogue, agenda, search_index):
    """The "espaces" event translated into the site's other language; "embauche" is not."""
    locale = Locale.objects.get_or_create(language_code=other_language())[0]
    translate(agenda.get_parent().specific, locale)
    translate(agenda, locale)
    translation = translate(catalogue["espaces"], locale)
    search_index.refresh()
    return translation


def events(client, language, **params):
    response = client.get(
        "/api/search", {"q": "politique ville", "type": "event", **params},
        HTTP_ACCEPT_LANGUAGE=language,
    )  # fmt: skip
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == len(data["results"])
    return sorted(hit["title"] for hit in data["results"])


def test_search_answers_in_the_request_language_with_one_copy_per_item(client, translated):
    untranslated = "Prévenir les discriminations à l'embauche"
    assert events(client, default_language()) == sorted([TITLE, untranslated])
    assert events(client, other_language()) == sorted([untranslated, tr(TITLE)])


def test_an_explicit_locale_keeps_that_locale_only(client, translated):
    assert events(client, default_language(), locale=other_language()) == [tr(TITLE)]
