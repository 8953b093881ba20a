"""Screenshots of the demo site for the documentation, at 1280 px and 375 px wide.

Not a test that CI collects (its name does not start with ``test_``): run
``python scripts/screenshots.py``, which loads the demo into a test database,
serves it and saves ``docs/assets/screenshots/<page>-<width>.png``.
"""

from pathlib import Path

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.browser

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "assets" / "screenshots"
WIDTHS = {1280: 900, 375: 812}
EVENT = "/fr/agenda/lutte-contre-les-discriminations-qpv/"
EVENT_TITLE = "Lutter contre les discriminations en quartier prioritaire"


def agenda(page, url):
    page.goto(f"{url}/fr/agenda/")


def event(page, url):
    page.goto(f"{url}{EVENT}")


def form_with_errors(page, url):
    page.goto(f"{url}{EVENT}")
    with page.expect_navigation():
        page.locator("form.rencontres-registration-form button[type=submit]").click()
    page.wait_for_selector("#registration-errors")


def headless(page, url):
    page.goto(f"{url}/headless/")
    page.wait_for_selector(".hl-cards")


def headless_event(page, url):
    page.goto(f"{url}/headless/")
    page.locator(".hl-card a").first.wait_for()
    page.get_by_role("link", name=EVENT_TITLE).click()
    page.wait_for_selector(".hl-form")


SHOTS = {
    "agenda": agenda,
    "event": event,
    "form-with-errors": form_with_errors,
    "headless-agenda": headless,
    "headless-event": headless_event,
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_screenshots(demo, live_server, chromium):
    cache.clear()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for width, height in WIDTHS.items():
        context = chromium.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
        page = context.new_page()
        for name, reach in SHOTS.items():
            reach(page, live_server.url)
            # The state the shot shows is where focus is (the error summary), else the top.
            page.screenshot(path=OUTPUT / f"{name}-{width}.png", animations="disabled")
        context.close()
    assert sorted(path.name for path in OUTPUT.glob("*.png")) == sorted(
        f"{name}-{width}.png" for name in SHOTS for width in WIDTHS
    )
