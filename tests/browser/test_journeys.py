"""Journeys through the demo site in Chromium, as a visitor makes them, with axe on each state.

The demo loads once; each journey is a subtest, reported on its own:
(a) agenda → filter → event → register → ICS; (b) the same registration
with the keyboard alone; (c) the same through the headless demo;
(d) switching language; (e) the headless demo's preview of a draft.
A journey's registrations use their own emails.
"""

import re
from urllib.parse import quote

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.browser.journeys import active, assert_no_violations, tab_to
from wagtail_rencontres.models import Registration
from wagtail_rencontres.services import preview, queries
from wagtail_rencontres.services import registration as service

pytestmark = pytest.mark.browser

EVENT_PATH = "/fr/agenda/lutte-contre-les-discriminations-qpv/"
EVENT_TITLE = "Lutter contre les discriminations en quartier prioritaire"
THEME = "lutte-contre-les-discriminations"
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def fill_person(page, n):
    page.fill("#id_first_name", "Camille")
    page.fill("#id_last_name", f"Martin{n}")
    page.fill("#id_email", f"camille{n}@example.org")
    page.fill("#id_organisation", "Ville de Dijon")
    page.check("#id_consent")


def journey_agenda_to_ics(page, url, axe_source):
    page.goto(f"{url}/fr/agenda/")
    # The agenda's own filter form, folded in a <details>; its GET keeps the filters in the URL.
    page.get_by_text("Filtrer les événements", exact=True).click()
    page.get_by_label("Thématique", exact=True).select_option(THEME)
    with page.expect_navigation():
        page.get_by_role("button", name="Afficher les événements").click()
    assert re.search(rf"[?&]theme={THEME}(&|$)", page.url)
    assert page.locator("details.rencontres-filters[open]").count() == 1
    assert_no_violations(page, axe_source, "agenda filtered")
    page.get_by_role("link", name=EVENT_TITLE).first.click()
    page.wait_for_url(f"**{EVENT_PATH}")
    fill_person(page, 1)
    page.get_by_role("button", name="S'inscrire").click()
    page.wait_for_url(f"**{EVENT_PATH}?registration=confirmed#registration-result")
    assert active(page, "el.id") == "registration-result"
    assert page.locator("form.rencontres-registration-form").count() == 0
    assert_no_violations(page, axe_source, "confirmation")
    with page.expect_download() as download:
        page.locator("a[href$='.ics']").first.click()
    calendar = download.value.path().read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Lutter contre les discriminations" in calendar


def journey_keyboard(page, url, axe_source):
    page.goto(f"{url}{EVENT_PATH}")
    tab_to(page, "el.type === 'submit' && el.closest('form.rencontres-registration-form')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The empty submit: focus is on the error summary, which links to each field.
    assert active(page, "el.id") == "registration-errors"
    assert_no_violations(page, axe_source, "form with errors")
    page.keyboard.press("Tab")
    assert active(page, "el.getAttribute('href')") == "#id_first_name"
    page.keyboard.press("Enter")
    assert active(page, "el.id") == "id_first_name"
    for value in ("Dominique", "Bernard2", "dominique2@example.org", "Métropole"):
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    tab_to(page, "el.name === 'consent'")
    page.keyboard.press("Space")
    tab_to(page, "el.type === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_url("**?registration=confirmed#registration-result")
    assert active(page, "el.id") == "registration-result"
    assert Registration.objects.filter(email="dominique2@example.org").count() == 1


def journey_self_service(page, url, axe_source):
    registration = Registration.objects.get(email="camille1@example.org")
    path = "/" + service.self_service_url(registration).split("/", 3)[3]
    page.goto(f"{url}{path}")
    assert_no_violations(page, axe_source, "self-service")
    page.fill("#id_email", "")
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer").click()
    assert active(page, "el.id") == "self-service-errors"
    assert_no_violations(page, axe_source, "self-service with errors")
    with page.expect_navigation():
        page.get_by_role("button", name="Annuler mon inscription").click()
    assert active(page, "el.id") == "self-service-result"
    assert_no_violations(page, axe_source, "self-service after cancelling")


def journey_headless(page, url, axe_source):
    # On a phone (WCAG 1.4.10 reflow at 320 px): no horizontal scroll, filters folded.
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{url}/headless/")
    page.wait_for_selector(".hl-cards")
    assert page.evaluate(OVERFLOW) == 0
    assert page.locator("details.hl-filters-box[open]").count() == 0
    assert_no_violations(page, axe_source, "headless agenda at 320 px")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{url}/headless/")
    page.wait_for_selector(".hl-cards")
    assert_no_violations(page, axe_source, "headless agenda")
    page.select_option("#hl-filter-theme", THEME)
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url(f"**/headless/#/?when=upcoming&theme={THEME}")
    # Waits until the filtered list replaces the first one.
    expect(page.locator(".hl-card h2")).to_have_text([EVENT_TITLE])
    page.get_by_role("link", name=EVENT_TITLE).click()
    page.wait_for_selector(".hl-form")
    assert active(page, "el.tagName + ':' + el.textContent") == f"H1:{EVENT_TITLE}"
    assert page.locator(".hl-timeline").count() == 1
    assert_no_violations(page, axe_source, "headless event")
    page.get_by_role("button", name="S'inscrire").click()
    page.wait_for_selector(".hl-error-summary")
    assert active(page, "el.className") == "hl-error-summary"
    assert page.locator("#hl-f-email-error").count() == 1
    assert page.get_by_label("Courriel (obligatoire)").get_attribute("aria-invalid") == "true"
    assert_no_violations(page, axe_source, "headless form with errors")
    page.fill("#hl-f-first_name", "Alix")
    page.fill("#hl-f-last_name", "Headless")
    page.fill("#hl-f-email", "alix3@example.org")
    page.fill("#hl-f-organisation", "Région")
    page.check("#hl-f-consent")
    page.get_by_role("button", name="S'inscrire").click()
    page.wait_for_selector(".hl-confirmation")
    assert active(page, "el.className") == "hl-confirmation"
    assert_no_violations(page, axe_source, "headless confirmation")
    assert Registration.objects.filter(email="alix3@example.org").count() == 1


def journey_language(page, url):
    page.goto(f"{url}/fr/")
    assert page.evaluate("document.documentElement.lang") == "fr"
    page.locator("a[hreflang='en']").first.click()
    page.wait_for_url("**/en/**")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator("a[hreflang='fr']").first.click()
    page.wait_for_url("**/fr/**")
    assert page.evaluate("document.documentElement.lang") == "fr"


def journey_headless_preview(page, url, axe_source, settings):
    slug = EVENT_PATH.split("/")[-2]
    event = queries.event_model().objects.get(slug=slug, locale__language_code="fr")
    event.title = "Brouillon : lutter contre les discriminations"
    revision = event.save_revision()
    token = preview.make_token(event.pk, revision.pk)
    page.goto(f"{url}/headless/#/preview?token={quote(token, safe='')}")
    expect(page.locator("h1")).to_have_text("Brouillon : lutter contre les discriminations")
    assert page.locator(".hl-preview").count() == 1
    assert page.locator(".hl-timeline").count() == 1
    # A draft is shown, never registered for.
    assert page.locator(".hl-form").count() == 0
    assert_no_violations(page, axe_source, "headless preview")
    page.goto(f"{url}/headless/#/preview?token={quote(token[:-2], safe='')}")
    expect(page.locator("h1")).to_have_text("Aperçu indisponible")
    assert "n'est pas valide ou a expiré" in page.locator("[role=alert]").inner_text()
    settings.WAGTAILRENCONTRES_HEADLESS_PREVIEW_MAX_AGE = -1  # every token has expired
    page.goto(f"{url}/headless/#/preview?token={quote(token, safe='')}")
    expect(page.locator("h1")).to_have_text("Aperçu indisponible")
    assert_no_violations(page, axe_source, "headless preview, expired token")
    # The live event is untouched.
    assert queries.event_model().objects.get(pk=event.pk).title == EVENT_TITLE


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_journeys(demo, live_server, browser_page, axe_source, subtests, settings):
    cache.clear()  # the registration rate limit
    url = live_server.url
    with subtests.test(journey="agenda, filter, event, register, ICS"):
        journey_agenda_to_ics(browser_page, url, axe_source)
    with subtests.test(journey="keyboard alone"):
        journey_keyboard(browser_page, url, axe_source)
    with subtests.test(journey="self-service"):
        journey_self_service(browser_page, url, axe_source)
    with subtests.test(journey="headless demo"):
        journey_headless(browser_page, url, axe_source)
    with subtests.test(journey="language"):
        journey_language(browser_page, url)
    with subtests.test(journey="headless preview of a draft"):
        journey_headless_preview(browser_page, url, axe_source, settings)
