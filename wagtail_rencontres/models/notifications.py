"""Change notifications (webhooks): what changed, and each POST of it to a receiver.

Kept by :mod:`wagtail_rencontres.services.webhooks`; shown read-only in the admin.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_rencontres.enums import DeliveryStatus


class ChangeNotification(models.Model):
    """One change to a page, announced to every configured receiver.

    Its id is the ``sequence`` of the payload: it only grows, so a receiver
    can tell which of two notifications about a page is the later one.
    """

    uuid = models.UUIDField(
        verbose_name=_("message id"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("The webhook-id header of every delivery of this notification."),
    )
    type = models.CharField(
        verbose_name=_("type"), max_length=60, help_text=_("For example event.published.")
    )
    page_id = models.PositiveIntegerField(
        verbose_name=_("page id"),
        db_index=True,
        help_text=_("The page that changed; it may have been deleted since."),
    )
    payload = models.JSONField(verbose_name=_("payload"), help_text=_("The JSON body sent."))
    created_at = models.DateTimeField(verbose_name=_("created at"), auto_now_add=True)

    def __str__(self):
        return f"{self.type} #{self.pk}"

    class Meta:
        verbose_name = _("change notification")
        verbose_name_plural = _("change notifications")
        ordering = ["-pk"]


class WebhookDelivery(models.Model):
    """The POST of one notification to one receiver, with its attempts."""

    notification = models.ForeignKey(
        ChangeNotification,
        help_text=_("The change this POST announces."),
        verbose_name=_("notification"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    url = models.URLField(
        verbose_name=_("receiver URL"), max_length=2000, help_text=_("Where the payload is sent.")
    )
    status = models.CharField(
        help_text=_("Pending, delivered, or failed after its last attempt."),
        verbose_name=_("status"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(
        help_text=_("How many times the payload was sent."), verbose_name=_("attempts"), default=0
    )
    response_status = models.PositiveSmallIntegerField(
        verbose_name=_("response status"),
        null=True,
        blank=True,
        help_text=_("The HTTP status of the last answer."),
    )
    error = models.TextField(
        verbose_name=_("error"), blank=True, help_text=_("Why the last attempt failed.")
    )
    delivered_at = models.DateTimeField(
        help_text=_("When the receiver accepted the payload."),
        verbose_name=_("delivered at"),
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(verbose_name=_("created at"), auto_now_add=True)

    def __str__(self):
        return f"{self.notification} → {self.url}"

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-pk"]
