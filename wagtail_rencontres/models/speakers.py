"""Speakers of programme sessions."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_rencontres.blocks.links import LinkBlock
from wagtail_rencontres.text import fold, french_words


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

    # Indexed by the package's receivers, with what shows the record, in a
    # background task: a save or deletion never waits for the search server.
    search_auto_update = False
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
        index.SearchField("search_french_words"),
        index.FilterField("locale_id"),
        # Search keeps to the public speakers, whose ids the database gives.
        index.FilterField("id"),
    ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def search_folded_text(self):
        """Name, role and organisation without accents, so "Helene" finds "Hélène"."""
        return fold(" ".join([self.full_name, self.job_title, self.affiliation or ""]))

    def search_french_words(self):
        """Every searched text normalised for SQLite's search (see :func:`.text.french_words`)."""
        parts = [self.full_name, self.job_title, self.organisation_name, strip_tags(self.bio or "")]
        if self.organisation_id:
            parts.extend([self.organisation.name, self.organisation.acronym])
        return french_words(" ".join(part for part in parts if part))

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
