"""A session's speakers in the typed API: each says whether they take part remotely."""

import datetime as dt
import json

import pytest

import wagtail_rencontres.api
from tests.api.conftest import day, session
from tests.factories import SpeakerFactory

API = "/api/rencontres"
pytestmark = pytest.mark.urls("tests.api.urls")


def test_the_schema_declares_each_speakers_remote_flag():
    schema = wagtail_rencontres.api.api.get_openapi_schema(path_prefix=API)
    components = json.loads(json.dumps(schema))["components"]["schemas"]
    assert components["SessionSpeaker"]["properties"]["remote"] == {
        "default": False,
        "description": "This speaker takes part remotely.",
        "title": "Remote",
        "type": "boolean",
    }
    assert components["Session"]["properties"]["speakers"]["items"] == {
        "$ref": "#/components/schemas/SessionSpeaker"
    }


def test_one_remote_speaker_of_two_is_remote_alone(client, make_event):
    on_site = SpeakerFactory(first_name="Laure", last_name="Pitti")
    remote = SpeakerFactory(first_name="Ali", last_name="Distant")
    date = dt.date(2024, 11, 28)
    event = make_event(day=date)
    talk = session("Table ronde", "10:00", "11:00", speakers=[on_site, remote])
    talk["value"]["speakers"][1]["value"]["remote"] = True
    event.programme = [day(date, [talk])]
    event.save_revision().publish()

    data = client.get(f"{API}/events/{event.pk}").json()

    sent = data["programme"]["days"][0]["sessions"][0]
    assert sent["remote"] is False
    assert sent["speakers"] == [
        {"id": on_site.pk, "role": "", "remote": False},
        {"id": remote.pk, "role": "", "remote": True},
    ]
