"""Relations of the event and cycle page models the site uses.

Each points at ``WAGTAILRENCONTRES_EVENTPAGE_MODEL`` or
``WAGTAILRENCONTRES_CYCLEPAGE_MODEL`` (the shipped pages by default), so a site's
own event and cycle classes get partners, registration questions, cycle sessions
and the speaker index without declaring anything. Import them from
:mod:`wagtail_rencontres.models`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable

from wagtail_rencontres import conf
from wagtail_rencontres.models.registration import AbstractRegistrationQuestion
from wagtail_rencontres.models.relations import AbstractPartner
from wagtail_rencontres.models.survey import AbstractSurveyQuestion


class EventPartner(AbstractPartner):
    page = ParentalKey(
        conf.page_model_string("EventPage"), related_name="partners", on_delete=models.CASCADE
    )

    class Meta(AbstractPartner.Meta):
        verbose_name = _("organiser or partner")
        verbose_name_plural = _("organisers and partners")


class CyclePartner(AbstractPartner):
    page = ParentalKey(
        conf.page_model_string("CyclePage"), related_name="partners", on_delete=models.CASCADE
    )

    class Meta(AbstractPartner.Meta):
        verbose_name = _("organiser or partner")
        verbose_name_plural = _("organisers and partners")


class CycleSession(Orderable):
    """An event page that belongs to a cycle, in the editor's order."""

    cycle = ParentalKey(
        conf.page_model_string("CyclePage"), related_name="sessions", on_delete=models.CASCADE
    )
    event = models.ForeignKey(
        conf.page_model_string("EventPage"),
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="cycle_sessions",
        help_text=_("An event page that is a session of this cycle."),
    )
    label = models.CharField(
        verbose_name=_("label"),
        max_length=120,
        blank=True,
        help_text=_("Optional, for example “Session 1” or “First sequence”."),
    )

    panels = [
        PageChooserPanel("event", page_type=conf.page_model_string("EventPage")),
        FieldPanel("label"),
    ]

    def __str__(self):
        return str(self.event)

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        unique_together = [("cycle", "event")]


class RegistrationFormField(AbstractRegistrationQuestion):
    """An extra question asked on one event's registration form."""

    page = ParentalKey(
        conf.page_model_string("EventPage"),
        on_delete=models.CASCADE,
        related_name="registration_fields",
    )


class CycleRegistrationFormField(AbstractRegistrationQuestion):
    """An extra question asked on one cycle's registration form."""

    page = ParentalKey(
        conf.page_model_string("CyclePage"),
        on_delete=models.CASCADE,
        related_name="registration_fields",
    )


class SurveyQuestion(AbstractSurveyQuestion):
    """A question of one event's satisfaction survey."""

    page = ParentalKey(
        conf.page_model_string("EventPage"),
        on_delete=models.CASCADE,
        related_name="survey_questions",
    )


class EventSpeaker(models.Model):
    """A speaker of a public programme session of an event.

    Denormalised from the programme StreamField so that "a speaker's events"
    and the ``speaker`` filter run in the database. Speakers of restricted
    sessions are not indexed: they are not public.
    """

    event = models.ForeignKey(
        conf.page_model_string("EventPage"),
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="speaker_links",
    )
    speaker = models.ForeignKey(
        "wagtail_rencontres.Speaker",
        verbose_name=_("speaker"),
        on_delete=models.CASCADE,
        related_name="event_links",
    )

    def __str__(self):
        return f"{self.speaker} @ {self.event}"

    class Meta:
        verbose_name = _("event speaker")
        verbose_name_plural = _("event speakers")
        unique_together = [("event", "speaker")]
