"""Translatable records shared between events: speakers, venues, organisations, taxonomies."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_rencontres.blocks.links import LinkBlock
from wagtail_rencontres.enums import OrganisationKind


class SlugMixin(models.Model):
    """Fill an empty slug from the name, unique per locale."""

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.name)[:70] or "item"
            slug, n = base, 2
            siblings = type(self).objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
            while siblings.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)

    class Meta:
        abstract = True


class AbstractTaxonomy(SlugMixin, TranslatableMixin, index.Indexed, models.Model):
    """An editor-managed term (theme, audience, event format)."""

    name = models.CharField(
        verbose_name=_("name"), max_length=255, help_text=_("As shown to visitors.")
    )
    slug = models.SlugField(
        verbose_name=_("slug"),
        max_length=80,
        blank=True,
        allow_unicode=False,
        help_text=_("Used in addresses and API filters. Filled from the name when left empty."),
    )
    description = models.TextField(
        verbose_name=_("description"),
        blank=True,
        help_text=_("Optional, shown on listing pages for this term."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    # The slug names the term in addresses and API filters in every language.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    def __str__(self):
        return self.name

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Theme(AbstractTaxonomy):
    """Subject of an event: health, education, participation, discriminations…"""

    class Meta(AbstractTaxonomy.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class Audience(AbstractTaxonomy):
    """Who an event or a session is meant for: elected officials, State staff…"""

    class Meta(AbstractTaxonomy.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class EventFormat(AbstractTaxonomy):
    """Kind of event: journée thématique, rencontre régionale, forum, webinaire…"""

    class Meta(AbstractTaxonomy.Meta):
        verbose_name = _("event format")
        verbose_name_plural = _("event formats")


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
        from django.core.exceptions import ValidationError

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


class Speaker(TranslatableMixin, index.Indexed, models.Model):
    """A person who speaks at events, with their role and organisation."""

    honorific = models.CharField(
        verbose_name=_("honorific"),
        max_length=20,
        blank=True,
        help_text=_("For example Mme, M. or Dr."),
    )
    first_name = models.CharField(
        verbose_name=_("first name"),
        max_length=120,
        help_text=_("As the speaker wishes it to appear."),
    )
    last_name = models.CharField(
        verbose_name=_("last name"), max_length=120, help_text=_("Used to sort speakers.")
    )
    job_title = models.CharField(
        verbose_name=_("role or job title"),
        max_length=255,
        blank=True,
        help_text=_("For example: sociologist, mayor of Plessé."),
    )
    organisation = models.ForeignKey(
        "wagtail_rencontres.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speakers",
        help_text=_("Chosen among the organisations managed under Rencontres."),
    )
    organisation_name = models.CharField(
        verbose_name=_("organisation (free text)"),
        max_length=255,
        blank=True,
        help_text=_("Used when the organisation is not recorded as an organisation."),
    )
    bio = RichTextField(
        verbose_name=_("short biography"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few lines shown on the speaker's page."),
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown with the speaker; leave empty when not agreed."),
    )
    links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("links"),
        blank=True,
        default=list,
        use_json_field=True,
        help_text=_("Website, publications, social networks."),
    )

    panels = [
        FieldRowPanel([FieldPanel("honorific"), FieldPanel("first_name"), FieldPanel("last_name")]),
        FieldPanel("job_title"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("organisation_name")]),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("links"),
    ]

    override_translatable_fields = [
        SynchronizedField("honorific"),
        SynchronizedField("first_name", overridable=False),
        SynchronizedField("last_name", overridable=False),
        SynchronizedField("organisation", overridable=False),
        SynchronizedField("photo"),
    ]

    search_fields = [
        index.SearchField("first_name", boost=2),
        index.SearchField("last_name", boost=3),
        index.SearchField("job_title"),
        index.SearchField("organisation_name"),
        index.SearchField("bio"),
        index.AutocompleteField("first_name"),
        index.AutocompleteField("last_name"),
        index.RelatedFields(
            "organisation", [index.SearchField("name"), index.SearchField("acronym")]
        ),
        index.SearchField("search_folded_text"),
        index.FilterField("locale_id"),
    ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def search_folded_text(self):
        """Name, role and organisation without accents, so "Helene" finds "Hélène"."""
        from wagtail_rencontres.services.search_text import fold

        return fold(" ".join([self.full_name, self.job_title, self.affiliation or ""]))

    @property
    def affiliation(self):
        """Organisation shown beside the name: the record's name, else the free text."""
        if self.organisation_id:
            return self.organisation.display_name
        return self.organisation_name

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["last_name", "first_name"]
