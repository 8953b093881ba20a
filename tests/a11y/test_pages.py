"""The demo site's public pages pass axe-core's WCAG 2.0/2.1 A and AA rules and reflow.

The demo takes a while to load, so one test loads it once and checks every page
as a subtest; each failing page is reported on its own.
"""

import pytest
from django.test import override_settings

from tests.a11y.conftest import describe_violations, keyboard_walk, run_axe

pytestmark = pytest.mark.browser

PAGES = [
    "/fr/",
    "/fr/agenda/",
    "/fr/agenda/?when=past",
    # Afternoon reserved to some audiences.
    "/fr/agenda/lutte-contre-les-discriminations-qpv/",
    # Timed programme (PQN-A).
    "/fr/agenda/participation-citoyenne-quartiers-prioritaires/",
    # "Programme to come".
    "/fr/agenda/pre-et-cites-educatives/",
    "/fr/agenda/cycle-intelligence-territoriale-2025/",
    # No English tree in the demo: Wagtail serves the French home under /en/.
    "/en/",
    # Agenda filters: open with a filter, with no result, and with errors.
    "/fr/agenda/?when=upcoming&theme=sante",
    "/fr/agenda/?when=past&theme=sante&department=Doubs",
    "/fr/agenda/?when=upcoming&theme=nope&date_from=2027-02-01&date_to=2027-01-01",
    # States set by STATES below: cancelled, full with a waiting list.
    "/fr/agenda/approches-communautaires-en-sante/",
    "/fr/agenda/place-des-femmes-espaces-publics/",
    "/fr/search/?q=participation",
]
# Demo events put in the states the event page shows with a banner.
STATES = {
    "approches-communautaires-en-sante": {"status": "cancelled"},
    "place-des-femmes-espaces-publics": {
        "status": "full",
        "registration_mode": "internal",
        "registration_capacity": 1,
        "registration_waitlist": True,
    },
}
# Keyboard: pages with links in the header and in the content.
KEYBOARD_PAGES = [
    "/fr/agenda/",
    "/fr/agenda/lutte-contre-les-discriminations-qpv/",
    "/fr/agenda/cycle-intelligence-territoriale-2025/",
]
PACKAGE_BASE_PAGES = [
    "/fr/agenda/",
    "/fr/agenda/lutte-contre-les-discriminations-qpv/",
    "/fr/agenda/cycle-intelligence-territoriale-2025/",
]
# WCAG 1.4.10 Reflow: 320 CSS px wide, and a 1280 px screen at 200 % zoom.
REFLOW_WIDTHS = [320, 640]


def set_states(demo):
    for slug, fields in STATES.items():
        event = demo.events[slug]
        for name, value in fields.items():
            setattr(event, name, value)
        event.save_revision().publish()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_pages_are_accessible(demo, live_server, browser_page, axe_source, subtests):
    set_states(demo)
    speaker = f"/fr/agenda/intervenants/{demo.speakers['norynberg'].pk}/"
    for path in [*PAGES, speaker]:
        with subtests.test(check="axe", path=path):
            browser_page.set_viewport_size({"width": 1280, "height": 900})
            response = browser_page.goto(live_server.url + path)
            assert response.status == 200
            violations = run_axe(browser_page, axe_source)
            assert violations == [], describe_violations(path, violations)
        for width in REFLOW_WIDTHS:
            with subtests.test(check="reflow", path=path, width=width):
                browser_page.set_viewport_size({"width": width, "height": 800})
                overflow = browser_page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow == 0
                violations = run_axe(browser_page, axe_source)
                assert violations == [], describe_violations(f"{path} at {width}px", violations)

    for path in KEYBOARD_PAGES:
        with subtests.test(check="keyboard", path=path):
            browser_page.set_viewport_size({"width": 1280, "height": 900})
            browser_page.goto(live_server.url + path)
            walk = keyboard_walk(browser_page)
            # Focus follows the document order and is always visible (2.4.3, 2.4.7).
            assert walk == [[index, True] for index in range(len(walk))]
            assert len(walk) >= 4  # at least the skip link and the header's controls
        with subtests.test(check="skip link", path=path):
            browser_page.goto(live_server.url + path)
            browser_page.keyboard.press("Tab")
            assert browser_page.evaluate("document.activeElement.className") == "skip-link"
            browser_page.keyboard.press("Enter")
            assert browser_page.evaluate("document.activeElement.id") == "main"

    with subtests.test(check="language", path="/en/"):
        # The English home page is a translation: page and chrome are both English.
        browser_page.goto(live_server.url + "/en/")
        assert browser_page.evaluate("document.documentElement.lang") == "en"
        assert browser_page.evaluate("document.querySelector('header').lang") == ""

    with subtests.test(check="page titles", path="/fr/agenda/"):
        titles = []
        for path in ("/fr/agenda/", "/fr/agenda/?when=past"):
            browser_page.goto(live_server.url + path)
            titles.append(browser_page.title())
        # Each view of the agenda has its own title (RGAA 8.6).
        assert titles[0] != titles[1]
        assert [title.split(" — ")[1] for title in titles] == ["Agenda des rencontres"] * 2

    # The package's own minimal base template, for sites that keep the default.
    with override_settings(WAGTAILRENCONTRES_BASE_TEMPLATE="wagtail_rencontres/base.html"):
        for path in PACKAGE_BASE_PAGES:
            with subtests.test(check="axe, package base template", path=path):
                browser_page.set_viewport_size({"width": 1280, "height": 900})
                browser_page.goto(live_server.url + path)
                assert browser_page.locator("header.site-header").count() == 0
                violations = run_axe(browser_page, axe_source)
                assert violations == [], describe_violations(path, violations)


def test_axe_reports_a_known_violation(browser_page, axe_source):
    """The checker itself works: a page without language and image text fails."""
    browser_page.set_content("<!DOCTYPE html><title>t</title><main><img src='x.png'></main>")
    violations = run_axe(browser_page, axe_source)
    assert [v["id"] for v in violations] == ["html-has-lang", "image-alt"]
