"""Taxonomies editors manage and pick on events and cycles: themes, audiences, formats."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


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

    # Indexed by the package's receivers, with what shows the record, in a
    # background task: a save or deletion never waits for the search server.
    search_auto_update = False
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
