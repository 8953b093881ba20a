"""The admin's theme and audience checkboxes offer the page's locale's terms only."""

import re

import pytest
from django.urls import reverse

from tests.factories import AudienceFactory, CyclePageFactory, ThemeFactory
from tests.i18n.helpers import tr, translate
from tests.sites import page_type_label

pytestmark = pytest.mark.django_db


def options(html, name):
    """``[(label, checked)]`` of the ``name`` picker, a list of checkboxes."""
    boxes = re.findall(
        rf'<input type="checkbox" name="{name}" value="\d+"[^>]*?( checked)?>\s*([^<]*)</label>',
        html,
    )
    assert boxes, f"no {name} checkboxes"
    return [(label.strip(), bool(checked)) for checked, label in boxes]


def get_html(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def edit_html(admin_client, page):
    return get_html(admin_client, reverse("wagtailadmin_pages:edit", args=[page.pk]))


@pytest.fixture
def terms(translation_locale):
    """Terms in the default language, partly translated, and a theme only in the other one."""
    health = ThemeFactory(name="Santé")
    employment = ThemeFactory(name="Emploi")
    elected = AudienceFactory(name="Élus")
    return {
        "health": health,
        "employment": employment,
        "elected": elected,
        "translated_health": translate(health, translation_locale),
        "translated_elected": translate(elected, translation_locale),
        "housing": ThemeFactory(name="Housing", locale=translation_locale),
    }


def test_source_event_offers_its_locale_terms(admin_client, make_event, terms):
    event = make_event(themes=[terms["health"]], audiences=[terms["elected"]])

    html = edit_html(admin_client, event)

    assert options(html, "themes") == [("Emploi", False), ("Santé", True)]
    assert options(html, "audiences") == [("Élus", True)]


def test_translated_event_offers_its_locale_terms(
    admin_client, translated_agenda, make_event, terms
):
    event = make_event(parent=translated_agenda, themes=[terms["translated_health"]])

    html = edit_html(admin_client, event)

    assert options(html, "themes") == [(tr("Santé"), True), ("Housing", False)]
    assert options(html, "audiences") == [(tr("Élus"), False)]


def test_new_event_offers_its_locale_terms(admin_client, translated_agenda, terms):
    app_label, model_name = page_type_label("EventPage").lower().split(".")
    url = reverse("wagtailadmin_pages:add", args=(app_label, model_name, translated_agenda.pk))

    html = get_html(admin_client, url)

    assert options(html, "themes") == [(tr("Santé"), False), ("Housing", False)]
    assert options(html, "audiences") == [(tr("Élus"), False)]


def test_translated_cycle_offers_its_locale_terms(admin_client, translated_agenda, terms):
    cycle = CyclePageFactory(parent=translated_agenda, audiences=[terms["translated_elected"]])

    html = edit_html(admin_client, cycle)

    assert options(html, "themes") == [(tr("Santé"), False), ("Housing", False)]
    assert options(html, "audiences") == [(tr("Élus"), True)]


def test_terms_chosen_in_another_locale_show_translated_or_stay(
    admin_client, translated_agenda, make_event, terms
):
    # Chosen before pickers were limited: a translated term shows as its translation,
    # an untranslated one stays offered so that saving keeps it.
    event = make_event(parent=translated_agenda, themes=[terms["health"], terms["employment"]])

    html = edit_html(admin_client, event)

    # In name order: "EN Santé" comes before "Emploi", "FR Santé" after it.
    assert options(html, "themes") == sorted(
        [(tr("Santé"), True), ("Emploi", True), ("Housing", False)]
    )
