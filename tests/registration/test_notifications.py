"""Registration becoming full, open or closed is announced to webhook receivers once."""

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from tests.notifications.conftest import receiver  # noqa: F401 - the fixture
from wagtail_rencontres.enums import RegistrationMode
from wagtail_rencontres.models import ChangeStamp
from wagtail_rencontres.services import freshness
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


def test_opening_and_deadline_are_announced_once_when_they_pass(
    receiver,  # noqa: F811
    open_event,
    on_commit,
):
    now = timezone.now()
    opens, closes = now + dt.timedelta(hours=1), now + dt.timedelta(hours=2)
    event = open_event(registration_opens_at=opens, registration_closes_at=closes)
    open_event(registration_mode=RegistrationMode.NONE, registration_opens_at=opens)
    freshness.move(boundaries=True)
    assert ChangeStamp.objects.get().next_boundary == opens

    for moment in (opens + dt.timedelta(seconds=1), opens + dt.timedelta(minutes=5)):
        with mock.patch("django.utils.timezone.now", return_value=moment), on_commit():
            freshness.changed_at()
    assert states(receiver) == ["open"]

    with mock.patch("django.utils.timezone.now", return_value=closes), on_commit():
        freshness.changed_at()
    assert states(receiver) == ["open"]  # at the deadline itself, registration is still open
    after = closes + dt.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=after), on_commit():
        freshness.changed_at()
    assert states(receiver) == ["open", "closed"]
    assert {payload["data"]["id"] for payload in receiver.payloads()} == {event.pk}
