"""Attendance: who was present, per registration, event (or cycle session) and local day.

One row per presence. The unique constraint makes two stewards tapping the
same person at once give one record. Attendance holds no personal data of its
own: once a registration is anonymised its presences stay, so that counts of
who came (by audience, by event, by day) survive the retention period.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_rencontres.models.registration import Registration


class Attendance(models.Model):
    """A registrant's presence at an event (for a cycle registration: a session) on a day."""

    registration = models.ForeignKey(
        Registration,
        help_text=_("The registration of the person present."),
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The event attended: for a cycle registration, the session's event."),
    )
    day = models.DateField(verbose_name=_("day"), help_text=_("Local day of the event."))
    checked_in_at = models.DateTimeField(
        help_text=_("When the person was marked present."), verbose_name=_("checked in at")
    )
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        help_text=_("Who marked the person present."),
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    def __str__(self):
        return f"{self.registration_id} @ {self.event_id} {self.day:%Y-%m-%d}"

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["day", "checked_in_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "event", "day"], name="rencontres_attendance_unique"
            )
        ]
        indexes = [models.Index(fields=["event", "day"], name="rencontres_attendance_day")]
