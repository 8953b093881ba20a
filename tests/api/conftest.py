import datetime as dt
import uuid

import pytest

from tests.factories import AudienceFactory, SpeakerFactory, paris
from wagtail_rencontres import conf
from wagtail_rencontres.enums import RegistrationMode
from wagtail_rencontres.models import Organisation, Speaker, Venue
from wagtail_rencontres.services import registration as registration_service


def session(title, start, end, speakers=(), audiences=(), room="", description="", remote=False):
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
            "remote": remote,
            "restricted_audiences": [
                {"type": "item", "id": str(uuid.uuid4()), "value": a.pk} for a in audiences
            ],
            "capacity": None,
        },
    }


def day(date, sessions):
    return {"type": "day", "value": {"date": date.isoformat(), "title": "", "sessions": sessions}}


def register_someone(event):
    """Register one person to ``event`` through the registration service, as the form does."""
    data = {
        "first_name": "Camille",
        "last_name": "Martin",
        "email": "camille@example.org",
        "organisation": "Ville de Dijon",
        "function": "Cheffe de projet",
        "consent": True,
    }
    form = registration_service.form_class(event)(data=data)
    assert form.is_valid(), form.errors
    registration_service.register(event, form.cleaned_data)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run ``change`` and what its transaction does on commit, as a real commit would
    (moving the change stamp, which the API's validators and response cache read)."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


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


@pytest.fixture
def ids(demo):
    """Ids of one of each kind of demo record, for filling routes."""
    event = (
        conf.page_model("EventPage")
        .objects.live()
        .filter(registration_mode=RegistrationMode.INTERNAL)
        .order_by("pk")[0]
    )
    return {
        "path": event.get_url(),
        "event_id": event.pk,
        "cycle_id": conf.page_model("CyclePage")
        .objects.live()
        .filter(locale=event.locale)
        .first()
        .pk,
        "speaker_id": Speaker.objects.filter(locale=event.locale).first().pk,
        "venue_id": Venue.objects.filter(locale=event.locale).first().pk,
        "organisation_id": Organisation.objects.filter(locale=event.locale).first().pk,
    }
