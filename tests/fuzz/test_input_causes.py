"""One test per cause of a 5xx the property tests found, with the answer it now gets."""

import html
import json
import re

import pytest
from django.core.validators import MaxValueValidator
from django.forms import ModelMultipleChoiceField
from django.utils import translation

from tests.sites import default_language, site_text
from wagtail_rencontres.forms import SearchForm

pytestmark = pytest.mark.urls("tests.fuzz.urls")

HUGE = "99999999999999999999999999"
NUL_REFUSED = "Le caractère nul n’est pas autorisé."


def alert(response):
    """The field label and message of the page's one error, as shown."""
    text = response.content.decode().split('<p role="alert">')[1].split("</p>")[0]
    label, message = re.split(r"\s?: ", html.unescape(text), maxsplit=1)
    return [label, message]


def test_v2_offset_beyond_64_bits_is_a_field_keyed_400(client, make_event):
    make_event()
    response = client.get(f"/api/v2/events/?offset={HUGE}")
    assert response.status_code == 400
    assert json.loads(response.content) == {
        "offset": [site_text("Indiquez un nombre entre 0 et 2147483647.")]
    }


def test_v2_limit_beyond_64_bits_is_a_field_keyed_400(client, make_event):
    make_event()
    response = client.get(f"/api/v2/events/?limit={HUGE}")
    assert response.status_code == 400
    assert json.loads(response.content) == {
        "limit": [site_text("Indiquez un nombre entre 0 et 2147483647.")]
    }


def test_v2_paging_within_bounds_still_pages(client, make_event):
    make_event(title="Premier")
    make_event(title="Second", start_hour=10)
    data = json.loads(client.get("/api/v2/events/?limit=1&offset=1").content)
    assert [item["title"] for item in data["items"]] == ["Second"]


def test_v2_detail_id_beyond_64_bits_is_a_404(client, db):
    response = client.get(f"/api/v2/events/{HUGE}/")
    assert response.status_code == 404


@pytest.mark.parametrize("kind", ["events", "cycles", "speakers"])
def test_feed_of_an_id_beyond_64_bits_is_a_404(client, db, kind):
    assert client.get(f"/rencontres/ics/{kind}/{HUGE}.ics").status_code == 404


def test_search_page_refuses_a_nul_character_in_the_words(client, db):
    response = client.get("/search/", {"q": "a\x00b"})
    assert response.status_code == 400
    assert alert(response) == [site_text("Mots"), site_text(NUL_REFUSED)]


def test_search_page_refuses_a_nul_character_in_a_facet(client, db):
    response = client.get("/search/", {"q": "ville", "theme": "\x00"})
    assert response.status_code == 400
    assert alert(response) == [site_text("Thématiques"), site_text(NUL_REFUSED)]


def test_search_page_refuses_a_page_number_beyond_its_last_possible_page(client, db):
    response = client.get("/search/", {"q": "ville", "page": HUGE})
    assert response.status_code == 400
    with translation.override(default_language()):
        expected = MaxValueValidator.message % {"limit_value": SearchForm.MAX_PAGE}
    assert alert(response) == [site_text("Page"), expected]


@pytest.mark.parametrize("year", [HUGE, "1"])
def test_search_page_refuses_a_year_outside_1900_2999(client, db, year):
    response = client.get("/search/", {"q": "ville", "year": year})
    assert response.status_code == 400
    assert alert(response)[0] == site_text("Années")


def test_search_page_keeps_valid_facets_and_page(client, db):
    response = client.get("/search/", {"q": "ville", "year": "2026", "page": "1"})
    assert response.status_code == 200


def test_admin_events_listing_refuses_an_owner_id_beyond_64_bits(admin_client, make_event):
    make_event()
    response = admin_client.get("/admin/rencontres_events/", {"owner": HUGE})
    assert response.status_code == 200
    with translation.override(default_language()):
        expected = ModelMultipleChoiceField.default_error_messages["invalid_pk_value"] % {
            "pk": HUGE
        }
    assert response.context["filters"].errors["owner"] == [expected]


def test_admin_events_listing_refuses_dates_outside_1900_2999(admin_client, make_event):
    make_event()
    response = admin_client.get(
        "/admin/rencontres_events/", {"latest_revision_created_at_from": "0001-01-01"}
    )
    assert response.status_code == 200
    assert response.context["filters"].errors["latest_revision_created_at"] == [
        site_text("Indiquez des dates entre 1900 et 2999.")
    ]


def test_admin_events_listing_with_a_nul_locale_is_a_404(admin_client, make_event):
    make_event()
    response = admin_client.get("/admin/rencontres_events/", {"locale": "f\x00r"})
    assert response.status_code == 404
