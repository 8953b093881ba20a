"""The admin's theme and audience pickers offer the page's locale's terms only."""

import re

import pytest
from django.urls import reverse

from tests.factories import AudienceFactory, CyclePageFactory, ThemeFactory
from tests.i18n.helpers import translate

pytestmark = pytest.mark.django_db

OPTION = re.compile(r'<option value="\d+"( selected)?>([^<]*)</option>')


def options(html, name):
    """``[(label, selected)]`` of the ``name`` picker."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [(label, bool(selected)) for selected, label in OPTION.findall(select)]


def get_html(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def edit_html(admin_client, page):
    return get_html(admin_client, reverse("wagtailadmin_pages:edit", args=[page.pk]))


@pytest.fixture
def terms(english):
    """French terms, partly translated, and an English-only theme."""
    health = ThemeFactory(name="Santé")
    employment = ThemeFactory(name="Emploi")
    elected = AudienceFactory(name="Élus")
    return {
        "health": health,
        "employment": employment,
        "elected": elected,
        "en_health": translate(health, english),
        "en_elected": translate(elected, english),
        "housing": ThemeFactory(name="Housing", locale=english),
    }


def test_french_event_offers_french_terms(admin_client, make_event, terms):
    event = make_event(themes=[terms["health"]], audiences=[terms["elected"]])

    html = edit_html(admin_client, event)

    assert options(html, "themes") == [("Emploi", False), ("Santé", True)]
    assert options(html, "audiences") == [("Élus", True)]


def test_english_event_offers_english_terms(admin_client, english_agenda, make_event, terms):
    event = make_event(parent=english_agenda, themes=[terms["en_health"]])

    html = edit_html(admin_client, event)

    assert options(html, "themes") == [("EN Santé", True), ("Housing", False)]
    assert options(html, "audiences") == [("EN Élus", False)]


def test_new_event_offers_its_locale_terms(admin_client, english_agenda, terms):
    url = reverse(
        "wagtailadmin_pages:add", args=("wagtail_rencontres", "eventpage", english_agenda.pk)
    )

    html = get_html(admin_client, url)

    assert options(html, "themes") == [("EN Santé", False), ("Housing", False)]
    assert options(html, "audiences") == [("EN Élus", False)]


def test_english_cycle_offers_english_terms(admin_client, english_agenda, terms):
    cycle = CyclePageFactory(parent=english_agenda, audiences=[terms["en_elected"]])

    html = edit_html(admin_client, cycle)

    assert options(html, "themes") == [("EN Santé", False), ("Housing", False)]
    assert options(html, "audiences") == [("EN Élus", True)]


def test_terms_chosen_in_another_locale_show_translated_or_stay(
    admin_client, english_agenda, make_event, terms
):
    # Chosen before pickers were limited: a translated term shows as its translation,
    # an untranslated one stays offered so that saving keeps it.
    event = make_event(parent=english_agenda, themes=[terms["health"], terms["employment"]])

    html = edit_html(admin_client, event)

    assert options(html, "themes") == [("EN Santé", True), ("Emploi", True), ("Housing", False)]
