import datetime as dt
import json

import pytest
from django.utils import timezone

from tests.factories import AudienceFactory, paris
from wagtail_rencontres.enums import RegistrationMode

FUTURE_DAY = (timezone.now() + dt.timedelta(days=40)).date()


def workshop(session_id, title, start, end, capacity=None, audiences=()):
    return {
        "type": "item",
        "id": session_id,
        "value": {
            "start_time": start,
            "end_time": end,
            "title": title,
            "format": "workshop",
            "description": f"<p>Détails {session_id}</p>",
            "speakers": [],
            "room": f"Salle {session_id}",
            "remote": False,
            "restricted_audiences": [
                {"type": "item", "id": f"{session_id}-a{pk}", "value": pk} for pk in audiences
            ],
            "capacity": capacity,
        },
    }


def programme(*sessions, day=FUTURE_DAY):
    return json.dumps(
        [
            {
                "type": "day",
                "id": "day-1",
                "value": {"date": day.isoformat(), "title": "", "sessions": list(sessions)},
            }
        ]
    )


@pytest.fixture(autouse=True)
def clear_cache():
    """The rate limit lives in the cache: start every test with a clean one."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def open_event(make_event):
    """A future event with the internal form open: open_event(registration_capacity=2, …)."""

    def make(**fields):
        fields.setdefault("registration_mode", RegistrationMode.INTERNAL)
        return make_event(FUTURE_DAY, 9, 17, **fields)

    return make


@pytest.fixture
def elected(db):
    return AudienceFactory(name="Élus")


@pytest.fixture
def workshop_event(open_event, elected):
    """Two parallel workshops (A: 1 place, B: restricted to elected members) and a third later."""
    return open_event(
        registration_capacity=10,
        programme=programme(
            workshop("ws-a", "Atelier A", "10:00", "12:00", capacity=1),
            workshop("ws-b", "Atelier B", "10:00", "12:00", capacity=5, audiences=[elected.pk]),
            workshop("ws-c", "Atelier C", "14:00", "16:00", capacity=5),
        ),
    )


def person(n=1, **extra):
    data = {
        "first_name": f"Camille{n}",
        "last_name": f"Martin{n}",
        "email": f"camille{n}@example.org",
        "organisation": "Ville de Dijon",
        "function": "Cheffe de projet",
        "consent": True,
    }
    data.update(extra)
    return data


@pytest.fixture
def register():
    """register(event, n, **extra): validate the form like a visitor, then register."""
    from wagtail_rencontres.services import registration as service

    def do(event, n=1, **extra):
        form = service.form_class(event)(data=person(n, **extra))
        assert form.is_valid(), form.errors
        return service.register(event, form.cleaned_data).registration

    return do


@pytest.fixture
def open_cycle(agenda, open_event):
    """A cycle open for registration with the given sessions: open_cycle([event, …], **fields)."""
    from tests.factories import CyclePageFactory
    from wagtail_rencontres.models import CycleSession

    def make(sessions=(), **fields):
        fields.setdefault("registration_mode", RegistrationMode.INTERNAL)
        cycle = CyclePageFactory(parent=agenda, **fields)
        for position, event in enumerate(sessions):
            CycleSession.objects.create(cycle=cycle, event=event, sort_order=position)
        return cycle

    return make


__all__ = ["paris"]
