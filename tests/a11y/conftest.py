"""Fixtures for the accessibility checks: one Chromium per session, axe-core.

The browser is Debian's ``chromium`` (``/usr/bin/chromium``, or the path in
``RENCONTRES_CHROMIUM``), driven by Playwright; no browser is downloaded.
axe-core comes from npm (``bash tests/a11y/fetch-axe.sh`` puts it in
``.cache/a11y/``, and the first test run does it when npm is there) or from
the file named by ``AXE_CORE_JS``.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("RENCONTRES_CHROMIUM", "/usr/bin/chromium"))
AXE_CANDIDATES = [
    ROOT / ".cache" / "a11y" / "node_modules" / "axe-core" / "axe.min.js",
    ROOT / "node_modules" / "axe-core" / "axe.min.js",
]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# WCAG 2.0 and 2.1, levels A and AA (the RGAA builds on them).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_path():
    if os.environ.get("AXE_CORE_JS"):
        return Path(os.environ["AXE_CORE_JS"])
    return next((path for path in AXE_CANDIDATES if path.is_file()), AXE_CANDIDATES[0])


@pytest.fixture(scope="session")
def axe_source():
    path = axe_path()
    if not path.is_file() and "AXE_CORE_JS" not in os.environ and shutil.which("npm"):
        # Fetched once from the npm registry, then cached in .cache/a11y/.
        subprocess.run(  # noqa: S603
            ["bash", str(ROOT / "tests" / "a11y" / "fetch-axe.sh")],  # noqa: S607
            check=False,
            timeout=300,
        )
    if not path.is_file():
        pytest.skip(f"axe-core not found at {path}: run `bash tests/a11y/fetch-axe.sh`")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.is_file():
        pytest.skip(f"Chromium not found at {CHROMIUM}: `apt-get install -y chromium`")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop in this thread; the ORM calls
    # made by the fixtures and the database teardown are still synchronous.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_page(chromium):
    """A fresh tab (own cookies) at a desktop size."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


def logged_in_context(chromium, live_server, user, width=1280, height=900):
    """A browser context (French, ``width`` × ``height``) carrying a session of ``user``."""
    client = Client()
    client.force_login(user)
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context


def doc_screenshot(page, name):
    """Save ``page`` as ``<name>.png`` in the folder ``RENCONTRES_DOC_SCREENSHOTS`` names.

    Nothing happens without the variable. The how-to guides' screenshots of
    the survey are taken this way, from the pages these tests check::

        RENCONTRES_DOC_SCREENSHOTS=docs/how-to/img pytest tests/a11y/test_survey.py
    """
    folder = os.environ.get("RENCONTRES_DOC_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def run_axe(page, axe_source):
    """Run axe-core on the open page with the WCAG 2.0/2.1 A and AA rules."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return results.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                targets: v.nodes.map((n) => n.target.join(" ")),
            }));
        }""",
        WCAG_TAGS,
    )


def describe_violations(url, violations):
    lines = [f"{len(violations)} axe violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} [{violation['impact']}] {violation['help']}")
        lines.extend(f"    {target}" for target in violation["targets"])
    return "\n".join(lines)


FOCUSABLE = (
    "a[href], area[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), "
    "select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])"
)


def keyboard_walk(page):
    """Tab through the page; return the focus order and whether each focus is visible.

    Each focusable element is numbered in document order first, so the result
    is ``[(number, visible), ...]`` and a correct page gives ``0, 1, 2 ...``.
    """
    count = page.evaluate(
        """(selector) => {
            // tabindex="-1" takes an element out of the Tab order on purpose
            // (the registration form's honeypot field).
            // checkVisibility() also leaves out the content of closed <details>.
            const elements = [...document.querySelectorAll(selector)]
                .filter((el) => el.getClientRects().length > 0 && el.checkVisibility())
                .filter((el) => el.getAttribute("tabindex") !== "-1");
            elements.forEach((el, index) => { el.dataset.a11yOrder = index; });
            return elements.length;
        }""",
        FOCUSABLE,
    )
    walk = []
    for _ in range(count):
        page.keyboard.press("Tab")
        walk.append(
            page.evaluate(
                """() => {
                    const el = document.activeElement;
                    const style = getComputedStyle(el);
                    const outline = style.outlineStyle !== "none"
                        && parseFloat(style.outlineWidth) >= 2;
                    const visible = outline || style.boxShadow !== "none";
                    return [Number(el.dataset.a11yOrder ?? -1), visible];
                }"""
            )
        )
    return walk


@pytest.fixture
def demo(transactional_db):
    """The demo site, committed: the live server's thread reads it from its own connection."""
    from tests.conftest import load_demo

    return load_demo()
