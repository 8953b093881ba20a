"""What the event page says in each state, and how it shows the programme."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone, translation

from tests.factories import (
    AudienceFactory,
    OrganisationFactory,
    SpeakerFactory,
    VenueFactory,
    paris,
)
from wagtail_rencontres.services.programme import format_label

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
DAY = dt.date(2027, 1, 21)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)


def item(value):
    return {"type": "item", "id": str(uuid.uuid4()), "value": value}


def session(title, start, fmt="talk", speakers=(), audiences=(), remote=False):
    return item(
        {
            "start_time": start,
            "end_time": None,
            "title": title,
            "format": fmt,
            "description": "",
            "speakers": [
                item({"speaker": s.pk, "role": "", "remote": is_remote})
                for s, is_remote in speakers
            ],
            "room": "",
            "remote": remote,
            "restricted_audiences": [item(a.pk) for a in audiences],
            "capacity": None,
        }
    )


def programme(*sessions):
    return [{"type": "day", "value": {"date": DAY.isoformat(), "title": "", "sessions": sessions}}]


@pytest.fixture
def event(make_event):
    return make_event(
        start=paris(DAY, 9),
        end=paris(DAY, 17),
        venue=VenueFactory(latitude=47.32, longitude=5.04),
        registration_mode="internal",
        registration_capacity=2,
        registration_closes_at=paris(dt.date(2027, 1, 14), 23),
    )


def html_of(client, page):
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_cancelled_event_says_so_and_takes_no_registration(event, client):
    event.status = "cancelled"
    html = html_of(client, event)
    assert "rencontres-banner--cancelled" in html
    # No "Register before …" nor form, no calendar links.
    assert 'id="registration"' not in html
    assert 'id="calendar-heading"' not in html


def test_past_event_says_it_is_over(make_event, client):
    past = make_event(start=paris(dt.date(2025, 3, 27), 9), end=paris(dt.date(2025, 3, 27), 17))
    html = html_of(client, past)
    assert "rencontres-banner--past" in html
    assert "https://calendar.google.com/" not in html


def test_past_event_gives_no_registration_deadline(make_event, client):
    past = make_event(
        start=paris(dt.date(2025, 3, 27), 9),
        end=paris(dt.date(2025, 3, 27), 17),
        registration_mode="internal",
        registration_closes_at=paris(dt.date(2025, 3, 20), 23),
    )
    with translation.override("fr"):
        html = html_of(client, past)
    assert "Inscription avant" not in html
    assert "Register before" not in html
    assert "rencontres-registration-closed" in html
    assert 'class="rencontres-form rencontres-registration-form"' not in html


def test_open_registration_gives_its_deadline(event, client):
    html = html_of(client, event)
    assert html.count("Register before") + html.count("Inscription avant") == 1


def test_full_event_has_its_banner(event, client):
    event.status = "full"
    event.registration_waitlist = True
    html = html_of(client, event)
    assert "rencontres-banner--full" in html


def test_upcoming_event_offers_calendar_links(event, client):
    html = html_of(client, event)
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
    assert "https://outlook.live.com/calendar/0/deeplink/compose?" in html


def test_practical_information_links_the_venue_on_openstreetmap(event, client):
    html = html_of(client, event)
    assert (
        'href="https://www.openstreetmap.org/?mlat=47.32&amp;mlon=5.04#map=17/47.32/5.04"' in html
    )


def test_hybrid_event_shows_its_online_link(event, client):
    event.attendance_mode = "mixed"
    event.online_url = "https://visio.example.org/r"
    html = html_of(client, event)
    assert 'href="https://visio.example.org/r"' in html


def test_parallel_workshops_share_a_slot(event, client):
    event.programme = programme(
        session("Accueil café", "09:00", fmt="welcome"),
        session("Atelier A", "14:00", fmt="workshop"),
        session("Atelier B", "14:00", fmt="workshop"),
    )
    html = html_of(client, event)
    assert html.count('class="rencontres-slot rencontres-slot--parallel"') == 1
    assert html.count('class="rencontres-slot"') == 1


def test_format_does_not_repeat_the_title(event, client, settings):
    # "Accueil café" is an "Accueil": in the page's language, the title says the format.
    with translation.override(settings.LANGUAGE_CODE):
        title = f"{format_label('welcome')} café"
    event.programme = programme(session(title, "09:00", fmt="welcome"))
    html = html_of(client, event)
    assert "rencontres-session-format" not in html


def test_remote_participation_is_shown_per_speaker(event, client):
    here, away = SpeakerFactory(last_name="Ici"), SpeakerFactory(last_name="Loin")
    event.programme = programme(
        session("Témoignages", "12:00", speakers=[(here, False), (away, True)])
    )
    html = html_of(client, event)
    speakers = html.split('<ul class="rencontres-speakers">')[1].split("</ul>")[0]
    lines = speakers.split("<li>")[1:]
    assert ["rencontres-badge" in line for line in lines] == [False, True]


def test_restricted_session_is_marked_and_its_speakers_hidden(event, client):
    secret = SpeakerFactory(last_name="Secret")
    event.programme = programme(
        session(
            "Atelier des élus", "14:00", speakers=[(secret, False)], audiences=[AudienceFactory()]
        )
    )
    html = html_of(client, event)
    assert "rencontres-session rencontres-session--talk is-restricted" in html
    assert "rencontres-restricted" in html
    assert "Secret" not in html


def test_speaker_cards_name_role_and_organisation(event, client):
    speaker = SpeakerFactory(
        first_name="Laure", last_name="Pitti", organisation=OrganisationFactory(name="Ined")
    )
    event.programme = programme(session("Conférence", "10:00", speakers=[(speaker, False)]))
    html = html_of(client, event)
    cards = html.split('<ul class="rencontres-speaker-cards">')[1].split("</ul>")[0]
    assert "Laure Pitti</a></strong>" in cards
    assert "Sociologue" in cards
    assert "Ined" in cards


def test_partners_are_grouped_by_role_with_the_funding_statement(event, client):
    partner_model = type(event)._meta.get_field("partners").related_model
    for name, role in [("Centre", "organiser"), ("Union européenne", "funder")]:
        partner_model(page=event, organisation=OrganisationFactory(name=name), role=role).save()
    event.funding_statement = "Ce projet est cofinancé par l'Union européenne."
    html = html_of(client, event)
    section = html.split('class="rencontres-partners"')[1].split("</section>")[0]
    assert '<ul class="rencontres-partners__organiser">' in section
    funders = section.split('<ul class="rencontres-partners__funder">')[1].split("</ul>")[0]
    assert "Union européenne" in funders
    assert section.index("rencontres-partners__funder") < section.index("rencontres-funding")
