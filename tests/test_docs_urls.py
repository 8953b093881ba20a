"""Every local URL that the tutorial and the how-to guides show answers.

The URLs are read from the Markdown: absolute URLs on the hosts the docs use
for the reader's own site (``http://127.0.0.1:8000``, ``http://localhost``,
``https://example.org``) and code spans holding a path (``/api/rencontres/docs``,
``GET /api/rencontres/search?q=Nory``). Paths with a placeholder (``…``,
``{event_id}``, ``${event.id}``) and the example answers of ``json`` blocks
are skipped. Each URL is fetched, following redirects, and must end in 200:
the tutorial's on a site whose ``urls.py`` is the tutorial's own
(``tests/urls_tutorial.py``) and whose base template is the one of
``wagtail start``; the guides' on the example site. Both hold the demo content.
"""

import re
from pathlib import Path

import pytest
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent
TUTORIALS = sorted((ROOT / "docs" / "tutorial").glob("*.md"))
HOW_TOS = sorted((ROOT / "docs" / "how-to").glob("*.md"))

LOCAL_URL = re.compile(
    r"\b(?:https?|webcal)://(?:127\.0\.0\.1:8000|localhost(?::8000)?|example\.org)"
    r"(?P<path>/[^\s\"'`<>)]*)?"
)
PATH_SPAN = re.compile(r"`(?:GET )?(?P<path>/[^`\s]*)`")
FENCE = re.compile(r"^```(?P<lang>\w*)[^\n]*\n.*?^```[ \t]*$", re.MULTILINE | re.DOTALL)
PLACEHOLDER = re.compile(r"…|\{|\$|<")

# Paths the docs show that are not URLs of the reader's site, and why.
NOT_SITE_URLS = {
    "/": "search.md: `GET /` of the Elasticsearch stand-in plugin",
    "/usr/bin/chromium": "accessibility.md: a file path",
}
# URLs given as a base that code appends paths to, not as a page to open.
BASE_URLS = {"/api/rencontres"}


def local_paths(markdown):
    """The local URL paths (with their query) that a page shows, in order, once each."""
    kept = FENCE.sub(lambda fence: "" if fence.group("lang") == "json" else fence.group(), markdown)
    found = [match.group("path") or "/" for match in LOCAL_URL.finditer(kept)]
    prose = FENCE.sub("", kept)
    found += [match.group("path") for match in PATH_SPAN.finditer(prose)]
    paths = []
    for path in found:
        path = path.rstrip(".,;:")
        if PLACEHOLDER.search(path) or path in NOT_SITE_URLS or path in BASE_URLS:
            continue
        if path not in paths:
            paths.append(path)
    return paths


def paths_of(pages):
    return sorted({path for page in pages for path in local_paths(page.read_text("utf-8"))})


def final_status(client, path):
    response = client.get(path, follow=True)
    return response.status_code, [url for url, _status in response.redirect_chain]


def test_local_paths_reads_urls_and_code_spans_and_skips_placeholders():
    markdown = (
        "Open <http://127.0.0.1:8000/admin/> or `/api/rencontres/docs`.\n\n"
        '```sh\ncurl "http://127.0.0.1:8000/api/rencontres/events/?when=upcoming"\n```\n\n'
        '```json\n{"detail_url": "http://localhost/api/v2/pages/5/"}\n```\n\n'
        "`GET /api/rencontres/search?q=…`, `/fr/…`, `GET /events/{event_id}`, "
        "https://example.org/rencontres/ics/events/${event.id}.ics, "
        "webcal://example.org/rencontres/ics/events.ics?when=upcoming\n"
    )

    assert local_paths(markdown) == [
        "/admin/",
        "/api/rencontres/events/?when=upcoming",
        "/rencontres/ics/events.ics?when=upcoming",
        "/api/rencontres/docs",
    ]


def test_the_docs_show_the_urls_this_test_checks():
    """A guard on the extraction: the main URLs of the tutorial and guides are found."""
    assert paths_of(TUTORIALS) == [
        "/admin/",
        "/api/rencontres/docs",
        "/api/rencontres/events",
        "/api/rencontres/events/?when=upcoming&expand=programme",
        "/api/rencontres/openapi.json",
        "/api/v2/pages/?type=wagtail_rencontres.EventPage&fields=*",
    ]
    assert {
        "/api/rencontres/openapi.json",
        "/rencontres/ics/events.ics?when=upcoming",
        "/api/rencontres/autocomplete?q=Nory",
        "/fr/",
        "/en/",
    } <= set(paths_of(HOW_TOS))


@pytest.mark.urls("tests.urls_tutorial")
@override_settings(WAGTAILRENCONTRES_BASE_TEMPLATE="wagtail_start_base.html")
def test_tutorial_urls_answer_on_a_site_set_up_as_the_tutorial_says(demo, admin_client):
    answers = {path: final_status(admin_client, path) for path in paths_of(TUTORIALS)}

    assert {path: status for path, (status, _chain) in answers.items() if status != 200} == {}


def test_tutorial_admin_url_leads_a_visitor_to_the_login_page(demo, client):
    assert final_status(client, "/admin/") == (200, ["/admin/login/?next=/admin/"])


def test_how_to_urls_answer_on_the_example_site(demo, client):
    answers = {path: final_status(client, path) for path in paths_of(HOW_TOS)}

    assert {path: status for path, (status, _chain) in answers.items() if status != 200} == {}
