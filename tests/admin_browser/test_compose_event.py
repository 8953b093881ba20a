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

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.admin_browser import admin
from tests.factories import OrganisationFactory, SpeakerFactory

pytestmark = pytest.mark.browser

TITLE = "Journée régionale de la participation citoyenne"
EXPECTED_CONSOLE_ERRORS = (
    # Wagtail 8's autosave posts the form while a field is half typed and gets its
    # validation errors back as a 400; the browser logs every 4xx fetch.
    "the server responded with a status of 400 (Bad Request)",
)


def event_day(today):
    """A Thursday about four months ahead, so the event is upcoming whenever the suite runs."""
    day = today + dt.timedelta(days=120)
    return day + dt.timedelta(days=(3 - day.weekday()) % 7)


@pytest.fixture
def editor(transactional_db, settings):
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    get_user_model().objects.create_superuser("editrice", "editrice@example.org", admin.PASSWORD)
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
    """Create the event, its programme and partner; save a draft with times still empty."""
    page.goto(f"{url}/admin/pages/{agenda.pk}/")
    admin.screenshot(page, "01-pages")
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
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.locator(".messages .success")).to_be_visible()
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
    speaker = admin.add_list_item(page, f"{sessions['reverse_conference']}-speakers")
    admin.create_in_chooser(
        page,
        f"{speaker}-speaker",
        {"first_name": "Patrick", "last_name": "Norynberg", "job_title": "Expert, participation"},
        shot="03-chooser-create",
    )
    testimonies = sessions["testimonies"]
    for name in ("Mézière", "Besnard"):
        speaker = admin.add_list_item(page, f"{testimonies}-speakers")
        admin.choose(page, f"{speaker}-speaker", name)
    page.check(f"[name='{testimonies}-remote']")
    admin.screenshot(page, "02-programme")

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


@pytest.mark.django_db(transaction=True)
def test_compose_event(editor, agenda, live_server, chromium):
    day = event_day(dt.date.today())
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(admin.TIMEOUT_MS)
    console = admin.Console(page, allowed=EXPECTED_CONSOLE_ERRORS)
    url = live_server.url
    try:
        admin.log_in(page, url, editor)
        admin.screenshot(page, "00-dashboard")
        sessions = compose(page, url, agenda, day)
        complete(page, sessions, day)
        page.get_by_role("button", name="Enregistrer le brouillon").click()
        expect(page.locator(".messages .success")).to_be_visible()
    finally:
        context.close()
    assert console.errors == []
