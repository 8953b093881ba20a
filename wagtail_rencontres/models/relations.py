"""Orderable relations of event and cycle pages.

Each relation exists as an abstract model (usable by a site that builds its
own page classes from the mixins) and a concrete one for the shipped pages.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable

from wagtail_rencontres.enums import PartnerRole


class AbstractPartner(Orderable):
    """An organisation taking part in an event or cycle, with its role."""

    organisation = models.ForeignKey(
        "wagtail_rencontres.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Chosen among the organisations managed under Rencontres."),
    )
    role = models.CharField(
        verbose_name=_("role"),
        max_length=20,
        choices=PartnerRole.choices,
        default=PartnerRole.ORGANISER,
        help_text=_("Organiser, co-organiser, partner or co-funder."),
    )
    details = models.CharField(
        verbose_name=_("details"),
        max_length=255,
        blank=True,
        help_text=_("Optional precision shown beside the logo, for example “with the support of”."),
    )

    panels = [FieldPanel("organisation"), FieldPanel("role"), FieldPanel("details")]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"

    class Meta(Orderable.Meta):
        abstract = True


class EventPartner(AbstractPartner):
    page = ParentalKey(
        "wagtail_rencontres.EventPage", related_name="partners", on_delete=models.CASCADE
    )

    class Meta(AbstractPartner.Meta):
        verbose_name = _("organiser or partner")
        verbose_name_plural = _("organisers and partners")


class CyclePartner(AbstractPartner):
    page = ParentalKey(
        "wagtail_rencontres.CyclePage", related_name="partners", on_delete=models.CASCADE
    )

    class Meta(AbstractPartner.Meta):
        verbose_name = _("organiser or partner")
        verbose_name_plural = _("organisers and partners")


class CycleSession(Orderable):
    """An event page that belongs to a cycle, in the editor's order."""

    cycle = ParentalKey(
        "wagtail_rencontres.CyclePage", related_name="sessions", on_delete=models.CASCADE
    )
    event = models.ForeignKey(
        "wagtail_rencontres.EventPage",
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
        PageChooserPanel("event", page_type="wagtail_rencontres.EventPage"),
        FieldPanel("label"),
    ]

    def __str__(self):
        return str(self.event)

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        unique_together = [("cycle", "event")]
