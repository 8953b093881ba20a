"""Registration becoming full, or open again, is announced to webhook receivers once."""

import pytest

from tests.notifications.conftest import receiver  # noqa: F401 - the fixture
from wagtail_rencontres.services import registration as service

pytestmark = pytest.mark.django_db

CHANGED = "event.registration_changed"


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def states(receiver):  # noqa: F811 - the fixture's value
    return [
        payload["data"]["registration"]
        for payload in receiver.payloads()
        if payload["type"] == CHANGED
    ]


def test_the_registration_taking_the_last_place_announces_full(
    receiver,  # noqa: F811
    open_event,
    register,
    on_commit,
):
    event = open_event(registration_capacity=2)
    with on_commit():
        register(event, 1)
    assert states(receiver) == []

    with on_commit():
        register(event, 2)
    assert states(receiver) == ["full"]
    assert receiver.payloads()[0]["data"]["id"] == event.pk

    with on_commit():
        register(event, 3)  # the waiting list: still full, nothing new
    assert states(receiver) == ["full"]


def test_a_cancellation_freeing_a_place_announces_open(
    receiver,  # noqa: F811
    open_event,
    register,
    on_commit,
):
    event = open_event(registration_capacity=1, registration_waitlist=False)
    with on_commit():
        first = register(event, 1)
    with on_commit():
        service.cancel(first)

    assert states(receiver) == ["full", "open"]


def test_a_place_taken_from_the_waiting_list_keeps_the_event_full(
    receiver,  # noqa: F811
    open_event,
    register,
    on_commit,
):
    event = open_event(registration_capacity=1)
    with on_commit():
        first = register(event, 1)
        register(event, 2)  # waiting
    with on_commit():
        service.cancel(first)  # the waiting registrant gets the place

    assert states(receiver) == ["full"]


def test_unlimited_events_announce_nothing(receiver, open_event, register, on_commit):  # noqa: F811
    event = open_event()
    with on_commit():
        first = register(event, 1)
        service.cancel(first)

    assert receiver.requests == []
