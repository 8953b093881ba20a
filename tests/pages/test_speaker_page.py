"""A speaker's page under an agenda: public speakers only, with their events."""

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AudienceFactory, OrganisationFactory, SpeakerFactory, paris

pytestmark = pytest.mark.django_db


def programme(day, speaker, restricted=False):
    audiences = [{"type": "item", "id": "a", "value": AudienceFactory().pk}] if restricted else []
    session = {
        "start_time": "10:00",
        "end_time": None,
        "title": "Conférence",
        "format": "talk",
        "description": "",
        "speakers": [{"type": "item", "id": "s", "value": {"speaker": speaker.pk, "role": ""}}],
        "room": "",
        "remote": False,
        "restricted_audiences": audiences,
        "capacity": None,
    }
    value = {
        "date": day.isoformat(),
        "title": "",
        "sessions": [{"type": "item", "id": str(uuid.uuid4()), "value": session}],
    }
    return [{"type": "day", "value": value}]


@pytest.fixture
def speaker():
    return SpeakerFactory(
        first_name="Laure", last_name="Pitti", organisation=OrganisationFactory(name="Ined")
    )


def event_with(make_event, speaker, restricted=False, title="Rencontre"):
    day = dt.date(2027, 1, 21)
    event = make_event(start=paris(day, 9), end=paris(day, 17), title=title)
    event.programme = programme(day, speaker, restricted)
    event.save_revision().publish()
    return event


def test_speaker_page_shows_the_speaker_and_their_events(make_event, agenda, speaker, client):
    event = event_with(make_event, speaker)
    response = client.get(f"{agenda.url}intervenants/{speaker.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Laure Pitti</h1>" in html
    assert "Ined" in html
    assert [card["id"] for card in response.context["cards"]] == [event.pk]


def test_event_page_links_its_speakers_to_their_page(make_event, agenda, speaker, client):
    event = event_with(make_event, speaker)
    html = client.get(event.url).content.decode()
    assert f'<a href="{agenda.url}intervenants/{speaker.pk}/">Laure Pitti</a>' in html


@pytest.mark.parametrize("path", ["0/", "99999999999999999999/", "x/", "1/extra/"])
def test_unknown_speaker_paths_are_404(agenda, client, path):
    assert client.get(f"{agenda.url}intervenants/{path}").status_code == 404


def test_speaker_of_a_restricted_session_only_has_no_page(make_event, agenda, speaker, client):
    event_with(make_event, speaker, restricted=True)
    assert client.get(f"{agenda.url}intervenants/{speaker.pk}/").status_code == 404


def test_speaker_page_queries_do_not_grow_with_events(make_event, agenda, speaker, client):
    url = f"{agenda.url}intervenants/{speaker.pk}/"
    event_with(make_event, speaker)
    client.get(url)  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for n in range(3):
        event_with(make_event, speaker, title=f"Rencontre {n}")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(one)
