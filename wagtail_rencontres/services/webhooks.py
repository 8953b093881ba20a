"""Change notifications: a signed JSON POST to each receiver of ``WAGTAILRENCONTRES_WEBHOOKS``.

The convention is Standard Webhooks: the body is ``{"type", "timestamp",
"data"}``; the headers ``webhook-id`` (the same on every attempt),
``webhook-timestamp`` (seconds, the attempt's) and ``webhook-signature``
(``v1,`` and the base64 HMAC-SHA256 of ``id.timestamp.body`` keyed with the
receiver's secret, ``whsec_`` and base64 bytes).

:func:`announce` records the notification and one delivery per receiver in
the current transaction, and queues the deliveries when it commits (nothing
is sent for a change rolled back). :func:`send_webhook` is the django-tasks
task of one delivery: a failure (no answer, or any status but 2xx) is tried
again later and later (:func:`retry_delay`) up to :data:`MAX_ATTEMPTS`, on
task backends that can defer a task. Every attempt is recorded on its
:class:`~wagtail_rencontres.models.WebhookDelivery`, which the admin lists:
editors see what failed without reading logs.

The payload names the page (kind, id, locale, API path) and never its
content: a receiver reads the public API again, which applies the privacy
rules. ``data.sequence`` grows with every notification, so a receiver keeps
the highest one seen per page and ignores an older one delivered late.
"""

import base64
import datetime as dt
import hashlib
import hmac
import json
import logging
import time

import requests
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from wagtail_rencontres import conf
from wagtail_rencontres.enums import DeliveryStatus
from wagtail_rencontres.models import ChangeNotification, WebhookDelivery

logger = logging.getLogger("wagtail_rencontres.webhooks")

SECRET_PREFIX = "whsec_"  # noqa: S105 - the prefix of secrets, not one
#: Attempts of one delivery; the waits between them grow fourfold from 30 seconds.
MAX_ATTEMPTS = 6
FIRST_RETRY = dt.timedelta(seconds=30)
#: Seconds to wait for a receiver's answer.
TIMEOUT = 10


def receivers():
    """The configured receivers, ``{url: secret}``."""
    return {hook["url"]: hook["secret"] for hook in conf.get_setting("WEBHOOKS")}


def secret_key(secret):
    """The HMAC key of a ``whsec_…`` secret (the prefix is optional)."""
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)


def signature(secret, message_id, timestamp, body):
    """The ``webhook-signature`` header of ``body`` (bytes)."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def retry_delay(attempts):
    """The wait after the ``attempts``-th failed attempt: 30 s, 2 min, 8 min, 32 min, 2 h 8 min."""
    return FIRST_RETRY * 4 ** (attempts - 1)


def announce(kind, action, page_id, data):
    """Record a notification ``<kind>.<action>`` about ``page_id`` and queue its deliveries.

    ``data`` is the payload's ``data`` (``sequence`` is added). Does nothing
    without receivers. Returns the notification, or ``None``.
    """
    urls = list(receivers())
    if not urls:
        return None
    notification = ChangeNotification.objects.create(
        type=f"{kind}.{action}", page_id=page_id, payload={}
    )
    notification.payload = {
        "type": notification.type,
        "timestamp": notification.created_at.isoformat(),
        "data": {**data, "sequence": notification.pk},
    }
    notification.save(update_fields=["payload"])
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(notification=notification, url=url) for url in urls
    )
    for delivery in deliveries:
        transaction.on_commit(lambda pk=delivery.pk: enqueue(pk), robust=True)
    return notification


def enqueue(delivery_id, run_after=None):
    """Queue the task of one delivery; False when the task backend refused it."""
    send = send_webhook if run_after is None else send_webhook.using(run_after=run_after)
    try:
        send.enqueue(delivery_id)
    except Exception:  # the delivery stays pending, visible in the admin
        logger.exception("Could not queue webhook delivery %s", delivery_id)
        return False
    return True


def deliver(delivery_id):
    """One attempt of a delivery; a failure is recorded and retried. Returns the status."""
    delivery = WebhookDelivery.objects.select_related("notification").get(pk=delivery_id)
    if delivery.status == DeliveryStatus.DELIVERED:
        return delivery.status
    delivery.attempts += 1
    secret = receivers().get(delivery.url)
    if secret is None:
        return _failed(delivery, None, "The receiver is no longer configured.", retry=False)
    notification = delivery.notification
    body = json.dumps(notification.payload, separators=(",", ":")).encode()
    message_id = f"msg_{notification.uuid.hex}"
    timestamp = int(time.time())
    headers = {
        "content-type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret, message_id, timestamp, body),
    }
    try:
        response = requests.post(
            delivery.url, data=body, headers=headers, timeout=TIMEOUT, allow_redirects=False
        )
    except requests.RequestException as error:
        return _failed(delivery, None, f"{type(error).__name__}: {error}")
    if not 200 <= response.status_code < 300:
        return _failed(delivery, response.status_code, f"HTTP {response.status_code}")
    delivery.status = DeliveryStatus.DELIVERED
    delivery.response_status = response.status_code
    delivery.error = ""
    delivery.delivered_at = timezone.now()
    delivery.save(update_fields=["attempts", "status", "response_status", "error", "delivered_at"])
    return delivery.status


def _failed(delivery, response_status, error, retry=True):
    logger.warning(
        "Webhook delivery %s to %s failed (attempt %s): %s",
        delivery.pk,
        delivery.url,
        delivery.attempts,
        error,
    )
    delivery.status = DeliveryStatus.FAILED
    delivery.response_status = response_status
    delivery.error = error[:2000]
    delivery.save(update_fields=["attempts", "status", "response_status", "error"])
    if retry:
        schedule_retry(delivery)
    return delivery.status


def schedule_retry(delivery):
    """Queue the next attempt after its wait; False when attempts are spent or cannot wait.

    Backends that run tasks at once (the immediate backend) cannot wait: the
    delivery then stays failed.
    """
    if delivery.attempts >= MAX_ATTEMPTS:
        logger.error("Webhook delivery %s failed %s times", delivery.pk, delivery.attempts)
        return False
    if not send_webhook.get_backend().supports_defer:
        return False
    return enqueue(delivery.pk, run_after=timezone.now() + retry_delay(delivery.attempts))


@task()
def send_webhook(delivery_id):
    """POST one change notification to one receiver; a failure is recorded and retried later."""
    return deliver(delivery_id)
