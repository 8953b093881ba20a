"""Abstract bases of the orderable relations of event and cycle pages.

The concrete relations live in :mod:`wagtail_rencontres.relations.models`,
pointed at the page models the site uses. A site may subclass these bases for
relations of its own of the same shape.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
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
