"""Events as the budgets measure them: on-site registration with a capacity, a full
programme with speakers, themes and partners, so that every per-event cost shows."""

import datetime as dt
import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import OrganisationFactory, SpeakerFactory, ThemeFactory, VenueFactory

# Shared fixtures: translated events for the registration budget.
from tests.i18n.conftest import translated_agenda, translation_locale  # noqa: F401
from tests.registration.conftest import person
from wagtail_rencontres.enums import RegistrationMode
from wagtail_rencontres.models import EventPartner
from wagtail_rencontres.services import registration as service

FUTURE_DAY = (timezone.now() + dt.timedelta(days=40)).date()


def programme(day, sessions, speakers):
    """One day of ``sessions`` talks, each with two of ``speakers`` (StreamField JSON)."""
    items = []
    for n in range(sessions):
        hour = 8 + (n * 10) // 60
        minute = (n * 10) % 60
        items.append(
            {
                "type": "item",
                "id": str(uuid.uuid4()),
                "value": {
                    "start_time": f"{hour:02d}:{minute:02d}",
                    "end_time": f"{hour:02d}:{minute + 9:02d}",
                    "title": f"Session {n}",
                    "format": "talk",
                    "description": f"<p>Session {n}</p>",
                    "speakers": [
                        {
                            "type": "item",
                            "id": str(uuid.uuid4()),
                            "value": {"speaker": speaker.pk, "role": ""},
                        }
                        for speaker in (
                            speakers[(2 * n) % len(speakers)],
                            speakers[(2 * n + 1) % len(speakers)],
                        )
                    ],
                    "room": "",
                    "remote": False,
                    "restricted_audiences": [],
                    "capacity": None,
                },
            }
        )
    return json.dumps(
        [
            {
                "type": "day",
                "id": str(uuid.uuid4()),
                "value": {"date": day.isoformat(), "title": "", "sessions": items},
            }
        ]
    )


@pytest.fixture
def records(db):
    """Shared records: a venue, themes, organisations and speakers."""
    return {
        "venue": VenueFactory(),
        "themes": [ThemeFactory() for _ in range(3)],
        "organisations": [OrganisationFactory() for _ in range(3)],
        "speakers": [SpeakerFactory() for _ in range(8)],
    }


@pytest.fixture
def full_event(make_event, records):
    """full_event(n, sessions=…): the n-th live event, on-site registration with a
    capacity, a programme of ``sessions`` talks, three themes and three partners
    (``publish=True``: published as an editor does, with a revision)."""

    def make(n=0, sessions=4, publish=False, **fields):
        day = FUTURE_DAY + dt.timedelta(days=n)
        fields.setdefault("registration_mode", RegistrationMode.INTERNAL)
        fields.setdefault("registration_capacity", 30)
        event = make_event(
            day,
            9,
            17,
            title=f"Rencontre {n}",
            venue=records["venue"],
            programme=programme(day, sessions, records["speakers"]),
            **fields,
        )
        event.themes.set(records["themes"])
        for organisation in records["organisations"]:
            EventPartner.objects.create(page=event, organisation=organisation)
        if publish:
            event.save_revision().publish()
        else:
            event.save()
        event.refresh_from_db()
        return event

    return make


@pytest.fixture
def register():
    """register(event, n): the n-th visitor registers, as the form would take them."""

    def do(event, n=1):
        form = service.form_class(event)(data=person(n))
        assert form.is_valid(), form.errors
        return service.register(event, form.cleaned_data).registration

    return do


def get_ok(client, url):
    """``client.get(url)``, which must answer 200."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def count_queries(call):
    """The SQL statements ``call()`` runs, after one warming call (per-process caches)."""
    call()
    with CaptureQueriesContext(connection) as queries:
        call()
    return [query["sql"] for query in queries.captured_queries]
