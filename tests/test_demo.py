import datetime as dt
import importlib
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Site

from example_site.demo.demo_content import DEMO_HOSTNAME, DEMO_PORT
from wagtail_rencontres.enums import PartnerRole, RegistrationMode
from wagtail_rencontres.models import (
    CyclePage,
    EventPage,
    EventPartner,
    Organisation,
    Speaker,
    Venue,
)

pytestmark = pytest.mark.django_db

SEED_EVENTS = {
    "approches-communautaires-en-sante",
    "pre-et-cites-educatives",
    "intelligence-territoriale-premiere-sequence",
    "participation-citoyenne-quartiers-prioritaires",
    "jeunes-des-quartiers-orientation-insertion",
    "faire-vivre-les-contrats-de-ville-grand-est",
    "place-des-femmes-espaces-publics",
    "lutte-contre-les-discriminations-qpv",
    "forum-interculturalite-vivre-ensemble",
}


def test_demo_has_the_nine_seed_events_live(demo):
    french = EventPage.objects.live().filter(locale__language_code="fr")
    assert set(french.values_list("slug", flat=True)) == SEED_EVENTS


def test_demo_is_idempotent(demo):
    counts = (
        EventPage.objects.count(),
        CyclePage.objects.count(),
        Speaker.objects.count(),
        Venue.objects.count(),
        Organisation.objects.count(),
        EventPartner.objects.count(),
    )
    call_command("load_demo", stdout=None)  # a second load over the fixture's first
    assert (
        EventPage.objects.count(),
        CyclePage.objects.count(),
        Speaker.objects.count(),
        Venue.objects.count(),
        Organisation.objects.count(),
        EventPartner.objects.count(),
    ) == counts


def test_demo_keeps_real_past_dates(demo):
    event = EventPage.objects.get(slug="jeunes-des-quartiers-orientation-insertion")
    assert event.local_start.isoformat() == "2024-11-28T09:00:00+01:00"
    assert event.local_end.isoformat() == "2024-11-28T15:30:00+01:00"
    assert event.venue.city == "Saint-Ouen-sur-Seine"
    oriv = EventPage.objects.get(slug="faire-vivre-les-contrats-de-ville-grand-est")
    assert (oriv.local_start.date(), oriv.venue.name, oriv.venue.city) == (
        dt.date(2024, 11, 14),
        "Maison Régionale des Sports",
        "Tomblaine",
    )
    reso = EventPage.objects.get(slug="forum-interculturalite-vivre-ensemble")
    assert (reso.local_start.date(), reso.venue.city) == (dt.date(2024, 7, 4), "Rennes")


def test_demo_places_events_in_the_coming_months(demo):
    french = EventPage.objects.filter(locale__language_code="fr")
    assert french.filter(start__date__gt=dt.date(2026, 11, 25)).count() == 4
    assert french.filter(end__date__lt=dt.date(2026, 11, 25)).count() == 5


def test_demo_pqna_programme_is_timed_as_announced(demo):
    event = EventPage.objects.get(slug="participation-citoyenne-quartiers-prioritaires")
    sessions = event.programme_days()[0].sessions
    assert [s.start.strftime("%H:%M") for s in sessions] == [
        "09:00",
        "09:20",
        "09:35",
        "10:00",
        "12:00",
        "12:30",
        "14:00",
        "15:45",
        "16:00",
    ]
    assert sessions[0].title == "Accueil café"
    assert [ref.speaker.full_name for ref in sessions[3].speakers] == ["Patrick Norynberg"]
    testimonies = sessions[4]
    assert [ref.speaker.full_name for ref in testimonies.speakers] == [
        "Aurélie Mézière",
        "Alexandra Besnard",
    ]
    # One speaker of two takes part remotely: the speaker is marked, not the session.
    assert [ref.remote for ref in testimonies.speakers] == [False, True]
    assert testimonies.remote is False
    assert event.registration_mode == RegistrationMode.EXTERNAL
    assert event.local_registration_closes_at.date() == dt.date(2025, 3, 14)
    assert [obj.value for obj in event.objectives].__len__() == 4


def test_demo_restricted_afternoon(demo):
    event = EventPage.objects.get(slug="lutte-contre-les-discriminations-qpv")
    afternoon = event.programme_days()[0].sessions[-1]
    assert afternoon.restricted is True
    assert afternoon.restricted_to == ["Chefs de projet intercommunaux", "Services de l'État"]
    assert (afternoon.description, afternoon.room, afternoon.speakers) == (None, "", [])


def test_demo_fse_cycle_with_leaflet_and_funding_statement(demo):
    cycle = CyclePage.objects.get(slug="cycle-intelligence-territoriale-2025")
    assert [
        link.organisation.acronym for link in cycle.partners.filter(role=PartnerRole.FUNDER)
    ] == ["FSE+"]
    assert "FSE+ Emploi-Inclusion-Jeunesse-Compétences" in cycle.funding_statement
    assert cycle.documents[0].value["document"].title == "Plaquette de présentation du projet"
    session = cycle.sessions.get()
    assert session.event.venue.name == "Maison Diocésaine"
    assert session.event.venue.address_lines == ["9 bis, boulevard Voltaire", "21000 Dijon"]


def test_demo_programme_to_come(demo):
    event = EventPage.objects.get(slug="pre-et-cites-educatives")
    assert event.programme_to_come is True
    assert event.programme_days() == []


ROOT = Path(__file__).resolve().parent.parent


def test_run_script_readme_and_dev_settings_serve_the_demo_at_one_address(monkeypatch):
    """scripts/run-example-site.sh serves, README announces, the admin links to one address."""
    script = (ROOT / "scripts" / "run-example-site.sh").read_text(encoding="utf-8")
    host = re.search(r'^host="\$\{HOST:-([^}]+)\}"$', script, re.MULTILINE).group(1)
    port = re.search(r'^port="\$\{PORT:-([^}]+)\}"$', script, re.MULTILINE).group(1)
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    base = importlib.reload(importlib.import_module("example_site.settings.base"))
    dev = importlib.reload(importlib.import_module("example_site.settings.dev"))

    assert (host, int(port)) == (DEMO_HOSTNAME, DEMO_PORT) == ("127.0.0.1", 8000)
    assert base.WAGTAILADMIN_BASE_URL == dev.WAGTAILADMIN_BASE_URL == "http://127.0.0.1:8000"
    assert "<http://127.0.0.1:8000/>" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert DEMO_HOSTNAME in dev.ALLOWED_HOSTS


def test_demo_site_record_is_where_the_demo_is_served(demo):
    site = Site.objects.get(is_default_site=True)

    assert (site.hostname, site.port, site.root_url) == (
        "127.0.0.1",
        8000,
        "http://127.0.0.1:8000",
    )
    assert Site.objects.count() == 1


def test_demo_absolute_links_lead_to_the_served_demo(demo):
    event = EventPage.objects.live().get(slug="pre-et-cites-educatives", locale__language_code="fr")

    assert event.get_full_url() == "http://127.0.0.1:8000/fr/agenda/pre-et-cites-educatives/"
