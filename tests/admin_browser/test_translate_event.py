"""A translator puts a French event and its programme into English, in Chromium.

The demo's PQN-A study day (a published French event whose programme holds one
day of nine timed sessions, some with speakers) has no English copy. From the
page's "Translate this page" action, the translator submits it for English;
in wagtail-localize's React editor she translates the title (tab "Contenu") and
one session's title (tab "Programme"), saving each segment, then publishes. No
request may fail on the server, and the console shows no error.

The English page is then read back from the database, the public site and the
typed API: live, with both translated strings, the other strings falling back
to French, and the programme's days, sessions, ids, times, formats and speakers
exactly those of the French source.
"""

import json
import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from tests.admin_browser import admin
from wagtail_rencontres.services import queries

pytestmark = pytest.mark.browser

SLUG = "participation-citoyenne-quartiers-prioritaires"
TITLE_FR = "Renforcer la participation citoyenne dans les quartiers prioritaires"
TITLE_EN = "Strengthening citizen participation in priority neighbourhoods"
SESSION_FR = "Débats et conférence inversée"
SESSION_EN = "Debates and reverse conference"
EXPECTED_CONSOLE_ERRORS = (
    # Chromium asks every site for /favicon.ico; the example site has none (a 404).
    "/favicon.ico)",
)


@pytest.fixture
def translator(demo, settings):
    return admin.quiet_admin_user(settings, "traductrice")


def watch_server_errors(page):
    """The list, kept up to date, of the page's requests answered with a 5xx status."""
    errors = []

    def check(response):
        if response.status >= 500:
            errors.append(f"HTTP {response.status}: {response.request.method} {response.url}")

    page.on("response", check)
    return errors


def submit_for_english(page, url, event):
    """The page's "Translate this page" action, for English: it leads to the translation editor."""
    page.goto(f"{url}/admin/pages/{event.pk}/edit/")
    # The header's "Actions" menu (the format chooser has an "Actions" button too).
    page.get_by_role("navigation", name="Actions", exact=True).get_by_role(
        "button", name="Actions"
    ).click()
    page.get_by_role("link", name="Traduire cette page").click()
    expect(page.get_by_role("heading", name=re.compile("Traduire la page"))).to_be_visible()
    page.get_by_role("checkbox", name="English").check()
    admin.submit(page, page.get_by_role("button", name="Soumettre"))
    expect(page.locator(".messages .success")).to_contain_text("English")
    # wagtail-localize's React editor, its segments grouped under the page's tabs.
    expect(page.get_by_role("tab", name="Programme")).to_be_visible()


def translate_segment(page, tab, source, text):
    """Translate the segment showing ``source`` in the editor's ``tab``, and save it."""
    page.get_by_role("tab", name=tab).click()
    panel = page.get_by_role("tabpanel", name=tab)
    # A segment is a list item: its source text, its translation, then its buttons.
    segment = panel.get_by_text(source, exact=True).locator("xpath=ancestor::li[1]")
    segment.get_by_role("button", name="Traduire").click()
    segment.get_by_role("textbox").fill(text)
    with page.expect_response(
        lambda response: response.request.method == "PUT" and "/strings/" in response.url
    ) as saved:
        segment.get_by_role("button", name="Enregistrer").click()
    assert saved.value.status in (200, 201), f"saving {source!r}: HTTP {saved.value.status}"
    expect(segment).to_have_class("complete")
    expect(segment.get_by_text(text, exact=True)).to_be_visible()


def expect_programme_segments(page, titles):
    """The editor's "Programme" tab offers every session title of the source for translation."""
    page.get_by_role("tab", name="Programme").click()
    panel = page.get_by_role("tabpanel", name="Programme")
    for title in titles:
        expect(panel.get_by_text(title, exact=True), f"no segment for {title!r}").to_be_visible()
    untranslated = panel.get_by_role("button", name="Traduire")
    expect(untranslated, "one segment per session title").to_have_count(len(titles))


def publish_in_english(page):
    # "Publier dans" + "English": wagtail-localize's French catalogue drops the space.
    button = page.get_by_role("button", name=re.compile(r"^Publier dans\s*English$"))
    with page.expect_navigation():
        button.click()
    # Published under its new title, the other strings still in French: a warning, no error.
    expect(page.locator(".messages li").first).to_contain_text(TITLE_EN)
    expect(page.locator(".messages .error")).to_have_count(0)


def structure(programme):
    """What a translation must not change: days, ids, times, formats, speakers, audiences."""
    return [
        (
            day.id,
            day.value["date"],
            [
                (
                    session.id,
                    session.value["start_time"],
                    session.value["end_time"],
                    session.value["format"],
                    session.value["remote"],
                    [(ref["speaker"].pk, ref["remote"]) for ref in session.value["speakers"]],
                    [audience.pk for audience in session.value["restricted_audiences"]],
                )
                for session in day.value["sessions"].bound_blocks
            ],
        )
        for day in programme
    ]


def session_titles(programme):
    return [session["title"] for day in programme for session in day.value["sessions"]]


def shown_times(programme):
    """How many times the public programme shows: each day's date, each session's start and end."""
    sessions = [session for day in programme for session in day.value["sessions"]]
    return len(programme) + len(sessions) + sum(s["end_time"] is not None for s in sessions)


def translated(titles):
    """The French session titles with the one session translated."""
    return [SESSION_EN if title == SESSION_FR else title for title in titles]


def public_programme(page, url, path):
    """The public page's heading and its programme: the times shown and the session titles."""
    response = page.goto(f"{url}{path}")
    assert response.status == 200, f"{path}: HTTP {response.status}"
    programme = page.get_by_role("region", name="Programme")
    return (
        page.get_by_role("heading", level=1).inner_text(),
        programme.locator("time").evaluate_all("els => els.map((el) => el.dateTime)"),
        [
            " ".join(title.split())  # typographic spaces (typo_fr) as plain spaces
            for title in programme.get_by_role("heading", level=4).all_inner_texts()
        ],
    )


def api_event(page, url, pk):
    response = page.goto(f"{url}/api/rencontres/events/{pk}")
    assert response.status == 200, f"API event {pk}: HTTP {response.status}"
    return json.loads(page.locator("body").inner_text())


def api_structure(data):
    return [
        (
            day["date"],
            [
                (
                    session["id"],
                    session["start"],
                    session["end"],
                    session["format"],
                    session["speakers"],
                )
                for session in day["sessions"]
            ],
        )
        for day in data["programme"]["days"]
    ]


# serialized_rollback: the flush after a transactional test would take the
# locales and root page the later browser tests need with it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_translate_event_with_programme(translator, demo, live_server, chromium, tmp_path):
    english = Locale.objects.get(language_code="en")
    event = demo.events[SLUG]
    assert event.live and event.locale.language_code == "fr" and event.title == TITLE_FR
    assert not event.get_translations().filter(locale=english).exists(), "already in English"
    assert SESSION_FR in session_titles(event.programme)

    url = live_server.url
    with admin.admin_page(chromium, tmp_path, EXPECTED_CONSOLE_ERRORS) as (page, console):
        server_errors = watch_server_errors(page)
        admin.log_in(page, url, translator)
        submit_for_english(page, url, event)
        copy = event.get_translation(english).specific
        # The editor edits the English page. wagtail-localize gives it the source's live
        # status (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE, True by default): it is
        # already live, every string in French, until the translator publishes.
        assert page.url.endswith(f"/admin/pages/{copy.pk}/edit/")
        assert (copy.live, copy.title) == (True, TITLE_FR)
        submitted_revision = copy.live_revision_id

        expect_programme_segments(page, session_titles(event.programme))
        translate_segment(page, "Contenu", TITLE_FR, TITLE_EN)
        translate_segment(page, "Programme", SESSION_FR, SESSION_EN)
        admin.screenshot(page, "translation-programme")
        publish_in_english(page)

        copy = queries.event_model().objects.get(pk=copy.pk)
        fr_page = public_programme(page, url, event.url)
        en_page = public_programme(page, url, copy.url)
        fr_api = api_event(page, url, event.pk)
        en_api = api_event(page, url, copy.pk)
    assert server_errors == [], "\n".join(server_errors)
    assert console.errors == [], "\n".join(console.errors)

    # The database: the English page is live, with its two strings translated.
    assert copy.live and not copy.has_unpublished_changes
    assert copy.live_revision_id != submitted_revision
    assert copy.locale == english
    assert copy.title == TITLE_EN
    assert session_titles(copy.programme) == translated(session_titles(event.programme))
    assert structure(copy.programme) == structure(event.programme)
    assert (copy.start, copy.end) == (event.start, event.end)

    # The public pages: same times, the translated title and session, the rest in French.
    fr_heading, fr_times, fr_titles = fr_page
    en_heading, en_times, en_titles = en_page
    assert (fr_heading, en_heading) == (TITLE_FR, TITLE_EN)
    assert len(fr_times) == shown_times(event.programme)
    assert en_times == fr_times
    assert len(en_titles) == len(session_titles(event.programme))
    assert en_titles == translated(fr_titles)

    # The typed API: the English event, in its locale, with the same programme.
    assert (en_api["locale"], en_api["title"]) == ("en", TITLE_EN)
    assert api_structure(en_api) == api_structure(fr_api)
    en_sessions = [s["title"] for day in en_api["programme"]["days"] for s in day["sessions"]]
    fr_sessions = [s["title"] for day in fr_api["programme"]["days"] for s in day["sessions"]]
    assert en_sessions == translated(fr_sessions)
