"""Organisations: organisers, partners and co-funders, and the employers of speakers."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.images import get_image_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_rencontres.enums import OrganisationKind


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """An organiser, partner or funder, with its logo."""

    name = models.CharField(
        verbose_name=_("name"),
        max_length=255,
        help_text=_("Full name, for example Pays et Quartiers de Nouvelle-Aquitaine."),
    )
    acronym = models.CharField(
        verbose_name=_("acronym"),
        max_length=40,
        blank=True,
        help_text=_("Short name shown in listings, for example DREETS or ORIV."),
    )
    kind = models.CharField(
        verbose_name=_("kind"),
        max_length=32,
        choices=OrganisationKind.choices,
        default=OrganisationKind.OTHER,
        help_text=_("Used to group organisations and in schema.org data."),
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown with organisers, partners and co-funders."),
    )
    url = models.URLField(
        verbose_name=_("website"), blank=True, help_text=_("Address of the organisation's website.")
    )
    description = models.TextField(
        verbose_name=_("description"), blank=True, help_text=_("Optional short presentation.")
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("acronym")]),
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("url"),
        FieldPanel("description"),
    ]

    override_translatable_fields = [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("logo"),
        SynchronizedField("url"),
    ]

    # Indexed by the package's receivers, with what shows the record, in a
    # background task: a save or deletion never waits for the search server.
    search_auto_update = False
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("acronym", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.AutocompleteField("acronym"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def display_name(self):
        return self.acronym or self.name

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
