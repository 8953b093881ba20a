"""Satisfaction survey: who was invited (and whether they answered), and anonymous answers.

Two models that never point at each other. :class:`SurveyInvitation` ties a
registration to an event and says whether its single-use link was used;
:class:`SurveyResponse` holds the answers with the event and the day only.
Nothing links a response to a registrant: no foreign key, no log entry, no
timestamp finer than the day.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormField

from wagtail_rencontres.models.registration import Registration


class AbstractSurveyQuestion(AbstractFormField):
    """A question of an event's satisfaction survey (a Wagtail form builder field).

    A radio or drop-down question whose choices are all whole numbers (``1,2,3,4,5``)
    is a scale: its answers are averaged.
    """

    class Meta(AbstractFormField.Meta):
        abstract = True
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")


class SurveyInvitation(models.Model):
    """A present registrant's single-use survey link for one event; erased with their data."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="survey_invitations",
        help_text=_("The registrant invited; erased when the registration is anonymised."),
    )
    event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The event the survey is about."),
    )
    token = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    sent_at = models.DateTimeField(
        verbose_name=_("sent"), null=True, blank=True, help_text=_("When the link was mailed.")
    )
    used = models.BooleanField(
        verbose_name=_("answered"),
        default=False,
        help_text=_("The link has served: it opens no second response."),
    )

    def __str__(self):
        return f"{self.registration_id} @ {self.event_id}"

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "event"], name="rencontres_survey_invitation_unique"
            )
        ]


class SurveyResponse(models.Model):
    """One anonymous set of answers to an event's survey, keyed by the questions' clean names."""

    event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The event the survey is about."),
    )
    submitted_on = models.DateField(
        verbose_name=_("submitted on"), help_text=_("The day only, so that no time betrays who.")
    )
    answers = models.JSONField(
        verbose_name=_("answers"),
        default=dict,
        help_text=_("The answers, by question, with nothing that names who gave them."),
    )

    def __str__(self):
        return f"{self.event_id} {self.submitted_on:%Y-%m-%d}"

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        # Not by pk: ids would give the order of submission.
        ordering = ["submitted_on"]
