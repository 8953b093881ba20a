"""Change notifications reach a real HTTP receiver: signed, retried after failures, ordered."""

import base64
import datetime as dt
import hashlib
import hmac
import time

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.api.conftest import day, session
from tests.factories import AgendaPageFactory, SpeakerFactory
from tests.notifications.conftest import SECRET
from tests.tasks import DATABASE_TASKS, run_ready_tasks, time_passes
from wagtail_rencontres.enums import DeliveryStatus
from wagtail_rencontres.models import ChangeNotification, WebhookDelivery
from wagtail_rencontres.services import webhooks

pytestmark = pytest.mark.django_db

SEND = "send_webhook"


def expected_signature(headers, body):
    """The signature as the Standard Webhooks reference libraries compute it."""
    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_publishing_posts_a_signed_payload(receiver, make_event, on_commit):
    event = make_event(title="Rencontre")
    with on_commit():
        event.save_revision().publish()

    assert len(receiver.requests) == 1
    headers, body = receiver.requests[0]
    notification = ChangeNotification.objects.get()
    assert headers["webhook-id"] == f"msg_{notification.uuid.hex}"
    assert abs(int(headers["webhook-timestamp"]) - time.time()) < 60
    assert headers["webhook-signature"] == expected_signature(headers, body)
    assert headers["Content-Type"] == "application/json"
    assert receiver.payloads()[0] == {
        "type": "event.published",
        "timestamp": notification.created_at.isoformat(),
        "data": {
            "kind": "event",
            "id": event.pk,
            "locale": event.locale.language_code,
            "api_path": f"/api/rencontres/events/{event.pk}",
            "sequence": notification.pk,
        },
    }
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (
        DeliveryStatus.DELIVERED,
        1,
        204,
    )


def test_a_forged_body_fails_the_signature(receiver, make_event, on_commit):
    event = make_event()
    with on_commit():
        event.save_revision().publish()
    headers, body = receiver.requests[0]

    assert headers["webhook-signature"] != expected_signature(headers, body.replace(b"}", b" }"))


def test_unpublish_move_delete_and_a_snippet_edit_are_announced_in_order(
    receiver, make_event, agenda, on_commit
):
    speaker = SpeakerFactory(first_name="Laure")
    event = make_event(title="Rencontre")
    event.programme = [
        day(event.start.date(), [session("Conférence", "10:00", "11:00", [speaker])])
    ]
    other_agenda = AgendaPageFactory(parent=agenda.get_parent(), title="Archives", slug="archives")
    with on_commit():
        event.save_revision().publish()
    with on_commit():
        speaker.first_name = "Laurence"
        speaker.save()
    with on_commit():
        event.move(other_agenda, pos="last-child")
    with on_commit():
        event.refresh_from_db()
        event.unpublish()
    with on_commit():
        event.save_revision().publish()
    with on_commit():
        event.delete()

    assert receiver.types() == [
        "event.published",
        "event.changed",
        "event.moved",
        "event.unpublished",
        "event.published",
        "event.unpublished",  # Wagtail unpublishes a live page before deleting it
        "event.deleted",
    ]
    sequences = [payload["data"]["sequence"] for payload in receiver.payloads()]
    assert sequences == sorted(sequences)
    assert len(set(sequences)) == len(sequences)
    assert {payload["data"]["id"] for payload in receiver.payloads()} == {event_id(receiver)}


def event_id(receiver):
    return receiver.payloads()[0]["data"]["id"]


def test_deliveries_failing_with_500_are_retried_later_and_later(
    receiver, make_event, on_commit, settings
):
    settings.TASKS = DATABASE_TASKS
    receiver.answers = [500, 503]
    event = make_event()
    with on_commit():
        event.save_revision().publish()

    assert run_ready_tasks().count(SEND) == 1
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (
        DeliveryStatus.FAILED,
        1,
        500,
    )
    retry = DBTaskResult.objects.get(status="READY", task_path__endswith=SEND)
    expected = timezone.now() + dt.timedelta(seconds=30)
    assert abs(retry.run_after - expected) < dt.timedelta(seconds=10)
    assert run_ready_tasks() == []  # not due yet

    time_passes()
    assert run_ready_tasks().count(SEND) == 1
    retry = DBTaskResult.objects.get(status="READY", task_path__endswith=SEND)
    expected = timezone.now() + dt.timedelta(minutes=2)
    assert abs(retry.run_after - expected) < dt.timedelta(seconds=10)

    time_passes()
    assert run_ready_tasks().count(SEND) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.error) == (
        DeliveryStatus.DELIVERED,
        3,
        "",
    )
    ids = {headers["webhook-id"] for headers, _body in receiver.requests}
    assert len(receiver.requests) == 3
    assert len(ids) == 1  # the same message, attempted three times
    for headers, body in receiver.requests:
        assert headers["webhook-signature"] == expected_signature(headers, body)
    time_passes()
    assert run_ready_tasks() == []


def test_retries_stop_after_the_last_attempt(receiver, make_event, on_commit, settings):
    settings.TASKS = DATABASE_TASKS
    receiver.answers = [500] * 10
    event = make_event()
    with on_commit():
        event.save_revision().publish()

    for _attempt in range(webhooks.MAX_ATTEMPTS):
        assert run_ready_tasks().count(SEND) == 1
        time_passes()
    assert run_ready_tasks() == []
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, webhooks.MAX_ATTEMPTS)
    assert len(receiver.requests) == webhooks.MAX_ATTEMPTS


def test_a_receiver_that_is_down_is_retried(settings, make_event, on_commit):
    settings.TASKS = DATABASE_TASKS
    settings.WAGTAILRENCONTRES_WEBHOOKS = [{"url": "http://127.0.0.1:9/hooks", "secret": SECRET}]
    event = make_event()
    with on_commit():
        event.save_revision().publish()

    assert run_ready_tasks().count(SEND) == 1
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.response_status) == (DeliveryStatus.FAILED, None)
    assert delivery.error.startswith("ConnectionError")
    assert DBTaskResult.objects.filter(status="READY", task_path__endswith=SEND).count() == 1


def test_a_late_retry_carries_its_older_sequence(receiver, make_event, on_commit, settings):
    """The first publication fails once; the second arrives first: the sequence orders them."""
    settings.TASKS = DATABASE_TASKS
    receiver.answers = [500]
    event = make_event()
    with on_commit():
        event.save_revision().publish()
    run_ready_tasks()
    with on_commit():
        event.save_revision().publish()
    run_ready_tasks()
    time_passes()
    run_ready_tasks()

    delivered = [payload["data"]["sequence"] for payload in receiver.payloads()]
    first, second = ChangeNotification.objects.order_by("pk").values_list("pk", flat=True)
    assert delivered == [first, second, first]  # failed, then the later one, then the retry
    assert first < second


def test_nothing_is_recorded_without_receivers(make_event, on_commit):
    event = make_event()
    with on_commit():
        event.save_revision().publish()

    assert ChangeNotification.objects.count() == 0


def test_signature_matches_the_standard_webhooks_example():
    """The example of the Standard Webhooks specification."""
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'

    signed = webhooks.signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body)

    assert signed == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
