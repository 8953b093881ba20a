"""Venues: where events take place."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Venue(TranslatableMixin, index.Indexed, models.Model):
    """A place where events happen, with enough detail for maps and schema.org."""

    name = models.CharField(
        verbose_name=_("name"), max_length=255, help_text=_("For example Maison Diocésaine.")
    )
    street_address = models.CharField(
        verbose_name=_("street address"),
        max_length=255,
        blank=True,
        help_text=_("Number and street, for example 9 bis, boulevard Voltaire."),
    )
    postcode = models.CharField(
        verbose_name=_("postcode"), max_length=16, blank=True, help_text=_("For example 21000.")
    )
    city = models.CharField(
        verbose_name=_("city"), max_length=120, blank=True, help_text=_("For example Dijon.")
    )
    department = models.CharField(
        verbose_name=_("département"),
        max_length=120,
        blank=True,
        help_text=_("For example Côte-d'Or."),
    )
    department_code = models.CharField(
        verbose_name=_("département code"),
        max_length=3,
        blank=True,
        help_text=_("For example 21, 2A or 974."),
    )
    region = models.CharField(
        verbose_name=_("region"),
        max_length=120,
        blank=True,
        help_text=_("For example Bourgogne-Franche-Comté."),
    )
    country = models.CharField(
        verbose_name=_("country"),
        max_length=2,
        default="FR",
        help_text=_("ISO 3166-1 alpha-2 code, for example FR or BE."),
    )
    latitude = models.DecimalField(
        verbose_name=_("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Decimal degrees, for example 47.3220, for maps."),
    )
    longitude = models.DecimalField(
        verbose_name=_("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Decimal degrees, for example 5.0415, for maps."),
    )
    access = models.TextField(
        verbose_name=_("access"),
        blank=True,
        help_text=_("How to get there: public transport, parking…"),
    )
    accessibility = models.TextField(
        verbose_name=_("accessibility"),
        blank=True,
        help_text=_("Step-free access, hearing loop, adapted toilets…"),
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("department"), FieldPanel("department_code")]),
                FieldRowPanel([FieldPanel("region"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address"),
        ),
        FieldPanel("access"),
        FieldPanel("accessibility"),
    ]

    # The address is the same place in every language; names, access directions and
    # accessibility notes are translated.
    override_translatable_fields = [
        SynchronizedField("postcode", overridable=False),
        SynchronizedField("department_code", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
    ]

    # Indexed by the package's receivers, with what shows the record, in a
    # background task: a save or deletion never waits for the search server.
    search_auto_update = False
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("city"),
        index.SearchField("street_address"),
        index.AutocompleteField("name"),
        index.AutocompleteField("city"),
        index.FilterField("city"),
        index.FilterField("department"),
        index.FilterField("region"),
        index.FilterField("locale_id"),
    ]

    def __str__(self):
        return f"{self.name}, {self.city}" if self.city else self.name

    def clean(self):
        errors = {}
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            errors["latitude"] = _("Latitude must be between -90 and 90.")
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            errors["longitude"] = _("Longitude must be between -180 and 180.")
        if (self.latitude is None) != (self.longitude is None):
            errors.setdefault("longitude", _("Give both latitude and longitude, or neither."))
        if errors:
            raise ValidationError(errors)

    @property
    def address_lines(self):
        locality = " ".join(part for part in (self.postcode, self.city) if part)
        return [line for line in (self.street_address, locality) if line]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
