import datetime as dt
import uuid

import pytest

from tests.factories import AudienceFactory, SpeakerFactory, paris


def session(title, start, end, speakers=(), audiences=(), room="", description=""):
    return {
        "type": "item",
        "id": str(uuid.uuid4()),
        "value": {
            "start_time": start,
            "end_time": end,
            "title": title,
            "format": "talk",
            "description": description,
            "speakers": [
                {"type": "item", "id": str(uuid.uuid4()), "value": {"speaker": s.pk, "role": ""}}
                for s in speakers
            ],
            "room": room,
            "remote": False,
            "restricted_audiences": [
                {"type": "item", "id": str(uuid.uuid4()), "value": a.pk} for a in audiences
            ],
            "capacity": None,
        },
    }


def day(date, sessions):
    return {"type": "day", "value": {"date": date.isoformat(), "title": "", "sessions": sessions}}


@pytest.fixture
def programme_event(make_event):
    """An event with a public session (one speaker) and a restricted one (another speaker)."""

    def make(**fields):
        public_speaker = SpeakerFactory(first_name="Laure", last_name="Pitti")
        secret_speaker = SpeakerFactory(first_name="Secret", last_name="Person")
        elected = AudienceFactory(name="Élus")
        date = fields.pop("day", dt.date(2024, 11, 28))
        event = make_event(day=date, **fields)
        event.programme = [
            day(
                date,
                [
                    session("Conférence", "10:00", "11:00", speakers=[public_speaker]),
                    session(
                        "Atelier des élus",
                        "14:00",
                        "15:00",
                        speakers=[secret_speaker],
                        audiences=[elected],
                        room="Salle secrète",
                        description="<p>Ordre du jour confidentiel</p>",
                    ),
                ],
            )
        ]
        event.save_revision().publish()
        event.refresh_from_db()
        return event, public_speaker, secret_speaker

    return make


def when(hour, date=dt.date(2024, 11, 28)):
    return paris(date, hour)
