"""An editor composes the PQN-A study day in the real Wagtail admin, in Chromium.

The site holds an agenda, an organisation and two speakers before the
journey (records shared by events); everything else is entered through the
admin's pages alone: the event, its timed programme, a new speaker and a new
venue from the choosers' "Create" tab, a partner, a registration deadline.
Then it is saved as a draft with times missing, previewed, published, read
back on the site and the API, copied for next year, and its registrations
and sign-in sheet opened.
"""

import datetime as dt
import json
import re

import pytest
from playwright.sync_api import expect

from tests.admin_browser import admin
from tests.factories import OrganisationFactory, SpeakerFactory
from wagtail_rencontres.models import Registration
from wagtail_rencontres.services import queries

pytestmark = pytest.mark.browser

TITLE = "Journée régionale de la participation citoyenne"
EXPECTED_CONSOLE_ERRORS = (
    # Chromium asks every site for /favicon.ico; the example site has none (a 404).
    "/favicon.ico)",
)


def event_day(today):
    """A Thursday about four months ahead, so the event is upcoming whenever the suite runs."""
    day = today + dt.timedelta(days=120)
    return day + dt.timedelta(days=(3 - day.weekday()) % 7)


@pytest.fixture
def editor(transactional_db, settings):
    admin.quiet_admin_user(settings, "editrice")
    OrganisationFactory(name="Pays et Quartiers de Nouvelle-Aquitaine", acronym="PQN-A")
    SpeakerFactory(first_name="Aurélie", last_name="Mézière", job_title="Maire de Plessé")
    SpeakerFactory(first_name="Alexandra", last_name="Besnard", job_title="Maire adjointe")
    return "editrice"


#: The seed's programme: (start, end, title, format).
PROGRAMME = [
    ("09:00", "09:20", "Accueil café", "welcome"),
    ("10:00", "12:00", "Débats et conférence inversée", "reverse_conference"),
    ("12:00", "12:30", "Témoignages inspirants de deux élues", "testimonies"),
    ("14:00", "15:45", "Ateliers des solutions", "workshop"),
]
DAY = "programme-0-value"


def compose(page, url, agenda, day):
    """Create the event and its programme; save a draft with the session times still empty."""
    page.goto(f"{url}/admin/pages/add/wagtail_rencontres/eventpage/{agenda.pk}/")
    page.fill("#id_title", TITLE)
    admin.fill_date(page, "#id_start", f"{day:%Y-%m-%d} 09:00")
    admin.fill_date(page, "#id_end", f"{day:%Y-%m-%d} 16:30")

    page.get_by_role("tab", name="Programme").click()
    page.uncheck("#id_programme_to_come")
    page.locator("#programme-root .c-sf-add-button").first.click()
    admin.fill_date(page, f"#{DAY}-date", f"{day:%Y-%m-%d}")
    sessions = {}
    for _start, _end, title, kind in PROGRAMME:
        prefix = admin.add_list_item(page, f"{DAY}-sessions")
        page.fill(f"[name='{prefix}-title']", title)
        page.select_option(f"[name='{prefix}-format']", kind)
        sessions[kind] = prefix
    # Midway: a draft with every session time still empty must save (Wagtail 8 lets drafts skip
    # required fields; this used to be a 500).
    admin.save_draft(page)
    return sessions


def complete(page, sessions, day):
    """Times, speakers (one created from the chooser), venue, partner, registration deadline."""
    page.get_by_role("tab", name="Programme").click()
    for (start, end, _title, _kind), prefix in zip(PROGRAMME, sessions.values(), strict=True):
        section = page.locator(f"[name='{prefix}-title']").locator("xpath=ancestor::section[1]")
        if section.locator("[data-panel-toggle]").first.get_attribute("aria-expanded") == "false":
            section.locator("[data-panel-toggle]").first.click()
        admin.fill_date(page, f"[name='{prefix}-start_time']", start)
        admin.fill_date(page, f"[name='{prefix}-end_time']", end)
    # Compact sessions: the room waits behind "Settings"; the lists' last "+" says what it adds.
    reverse_conference = sessions["reverse_conference"]
    expect(page.locator(f"[name='{reverse_conference}-room']")).to_be_hidden()
    expect(admin.last_add_button(page, f"{reverse_conference}-speakers")).to_have_text(
        "Ajouter un·e intervenant·e"
    )
    expect(admin.last_add_button(page, f"{DAY}-sessions")).to_have_text("Ajouter une séquence")
    # The last time typed leaves its picker open: hide it from the screenshot.
    page.evaluate("document.querySelectorAll('.xdsoft_datetimepicker').forEach(p => p.remove())")
    admin.last_add_button(page, f"{reverse_conference}-speakers").scroll_into_view_if_needed()
    admin.screenshot(page, "session")
    speaker = admin.add_list_item(page, f"{reverse_conference}-speakers")
    admin.create_in_chooser(
        page,
        f"{speaker}-speaker",
        {"first_name": "Patrick", "last_name": "Norynberg", "job_title": "Expert, participation"},
        shot="chooser-create",
    )
    testimonies = sessions["testimonies"]
    for name in ("Mézière", "Besnard"):
        speaker = admin.add_list_item(page, f"{testimonies}-speakers")
        admin.choose(page, f"{speaker}-speaker", name)
    # The room, remote flag, restriction and places sit behind the session's "Settings".
    admin.open_block_settings(page, f"{testimonies}-remote")
    page.check(f"[name='{testimonies}-remote']")

    page.get_by_role("tab", name="Informations pratiques").click()
    admin.create_in_chooser(
        page,
        "venue",
        {"name": "Maison de quartier des Couronneries", "postcode": "86000", "city": "Poitiers"},
    )
    page.get_by_role("button", name="Ajouter un(e) organisme").click()
    admin.choose(page, "partners-0-organisation", "PQN-A")

    page.get_by_role("tab", name="Inscription").click()
    page.select_option("#id_registration_mode", "internal")
    deadline = day - dt.timedelta(days=13)
    admin.fill_date(page, "#id_registration_closes_at", f"{deadline:%Y-%m-%d} 23:59")


def preview(page):
    """Open the preview panel; the event's title and programme show in its frame."""
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(frame.get_by_text("Débats et conférence inversée").first).to_be_visible()
    admin.screenshot(page, "preview")
    page.locator("[data-side-panel-toggle='preview']").click()


def publish(page):
    page.get_by_role("button", name=re.compile("Plus d.actions")).last.click()
    admin.submit(page, page.locator("button[name='action-publish']"))


def read_back(page, url, event, day):
    """The public page and the typed API show what was typed, in the event's timezone."""
    page.goto(f"{url}{event.url}")
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    for _start, _end, title, _kind in PROGRAMME:
        expect(page.get_by_text(title).first).to_be_visible()
    expect(page.get_by_text("Norynberg").first).to_be_visible()
    page.goto(f"{url}/api/rencontres/events?when=upcoming&expand=programme")
    listed = json.loads(page.locator("body").inner_text())["results"]
    assert [item["title"] for item in listed] == [TITLE]
    assert listed[0]["start"] == f"{day:%Y-%m-%d}T09:00:00+0{1 + is_summer(day)}:00"
    assert listed[0]["venue"]["name"] == "Maison de quartier des Couronneries"
    assert [partner["organisation"]["name"] for partner in listed[0]["partners"]] == [
        "Pays et Quartiers de Nouvelle-Aquitaine"
    ]


def is_summer(day):
    from zoneinfo import ZoneInfo

    moment = dt.datetime(day.year, day.month, day.day, 9, tzinfo=ZoneInfo("Europe/Paris"))
    return int(moment.utcoffset() == dt.timedelta(hours=2))


def register(page, url, event):
    """A visitor registers on the public page, so that the sign-in sheet has a line."""
    page.goto(f"{url}{event.url}")
    page.fill("#id_first_name", "Camille")
    page.fill("#id_last_name", "Martin")
    page.fill("#id_email", "camille@example.org")
    page.fill("#id_organisation", "Ville de Poitiers")
    page.check("#id_consent")
    page.get_by_role("button", name="S'inscrire").click()
    page.wait_for_url("**?registration=confirmed*")


def copy_next_year(page, url, event, day):
    """The "Copy for next year" form proposes the same weekday 52 weeks later."""
    page.goto(f"{url}/admin/pages/{event.pk}/edit/")
    page.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Copier pour l'an prochain").click()
    next_day = day + dt.timedelta(weeks=52)
    expect(page.get_by_label("Nouvelle date de début")).to_have_value(f"{next_day:%Y-%m-%d}")
    admin.screenshot(page, "copy")
    admin.submit(page, page.get_by_role("button", name="Copier", exact=True))
    return next_day


def registrations(page, url, event):
    """The registrations list, its CSV export and the sign-in sheet (feuille d'émargement)."""
    page.goto(f"{url}/admin/pages/{event.pk}/edit/")
    page.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Inscriptions").click()
    expect(page.get_by_text("camille@example.org")).to_be_visible()
    admin.screenshot(page, "registrations")
    with page.expect_download() as download:
        page.get_by_role("link", name="Exporter en CSV").click()
    assert "camille@example.org" in download.value.path().read_text(encoding="utf-8-sig")
    page.get_by_role("link", name="Feuille d'émargement").click()
    expect(page.get_by_text("Martin").first).to_be_visible()


# serialized_rollback: the flush after a transactional test would take the
# locales and root page the later browser tests need with it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_compose_event(editor, agenda, live_server, chromium, tmp_path):
    day = event_day(dt.date.today())
    url = live_server.url
    with admin.admin_page(chromium, tmp_path, EXPECTED_CONSOLE_ERRORS) as (page, console):
        admin.log_in(page, url, editor)
        admin.screenshot(page, "dashboard")
        sessions = compose(page, url, agenda, day)
        complete(page, sessions, day)
        admin.save_draft(page)
        # Saved, the sessions are collapsed under their time and title.
        page.get_by_role("tab", name="Programme").click()
        admin.screenshot(page, "programme")
        preview(page)
        publish(page)
        event = queries.event_model().objects.get(title=TITLE)
        read_back(page, url, event, day)
        register(page, url, event)
        next_day = copy_next_year(page, url, event, day)
        registrations(page, url, event)
    assert console.errors == [], "\n".join(console.errors)
    # The copy: a draft, every date a year on, wall-clock times kept, nobody registered.
    copy = queries.event_model().objects.exclude(pk=event.pk).get()
    assert copy.live is False
    assert (copy.local_start.date(), copy.local_start.time()) == (next_day, dt.time(9))
    assert copy.programme[0].value["date"] == next_day
    closes = copy.local_registration_closes_at
    assert (closes.date(), closes.time()) == (next_day - dt.timedelta(days=13), dt.time(23, 59))
    assert Registration.objects.filter(page=copy).count() == 0
    assert Registration.objects.filter(page=event).count() == 1
