"""Cycle pages: a series of event sessions, with registrations of their own."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail_localize.fields import SynchronizedField

from wagtail_rencontres.admin_forms import LocalTimePageForm
from wagtail_rencontres.blocks import DocumentsBlock
from wagtail_rencontres.models.mixins import default_timezone
from wagtail_rencontres.pages.base import (
    RICH_TEXT_FEATURES,
    LocalizedChoicesMixin,
    add_base_template,
    partners_panel,
)
from wagtail_rencontres.pages.registration import (
    REGISTRATION_SYNCHRONIZED_FIELDS,
    RegistrationPageMixin,
)
from wagtail_rencontres.pages.search import CycleSearchMixin
from wagtail_rencontres.services import capacity, queries, representation
from wagtail_rencontres.validators import validate_timezone


class CyclePageMixin(LocalizedChoicesMixin, CycleSearchMixin, RegistrationPageMixin, models.Model):
    """A series of event sessions, such as a training cycle over a year.

    A cycle may take registrations of its own, with the same settings as an
    event: one registration covers every session. Cycle registrants appear
    on each session's registration list and, when a session has a capacity,
    take one of its places (see :mod:`wagtail_rencontres.services.capacity`).
    """

    subtitle = models.TextField(
        verbose_name=_("subtitle (chapô)"),
        blank=True,
        help_text=_("One or two sentences introducing the cycle."),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page and in listings."),
    )
    description = RichTextField(
        verbose_name=_("description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the cycle is about, for whom, and how it unfolds."),
    )
    timezone = models.CharField(
        verbose_name=_("timezone"),
        max_length=64,
        default=default_timezone,
        validators=[validate_timezone],
        help_text=_(
            "IANA name, for example Europe/Paris. The cycle's registration dates are typed "
            "in this timezone; each session keeps its own."
        ),
    )
    themes = ParentalManyToManyField(
        "wagtail_rencontres.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("Subjects of the cycle, used for filters."),
    )
    audiences = ParentalManyToManyField(
        "wagtail_rencontres.Audience",
        verbose_name=_("target audiences"),
        blank=True,
        related_name="+",
        help_text=_("Who the cycle is meant for, used for filters."),
    )
    funding_statement = models.TextField(
        verbose_name=_("funding statement"),
        blank=True,
        help_text=_("Mention required by co-funders, shown with their logos."),
    )
    documents = StreamField(
        DocumentsBlock(),
        verbose_name=_("documents and links"),
        blank=True,
        default=list,
        help_text=_("Leaflet, presentation, links."),
    )

    content_panels = [
        FieldPanel("subtitle"),
        FieldPanel("image"),
        FieldPanel("description"),
        FieldPanel("themes"),
        FieldPanel("audiences"),
        InlinePanel("sessions", label=_("Sessions"), heading=_("Sessions of the cycle")),
        partners_panel(),
        FieldPanel("funding_statement"),
        FieldPanel("documents"),
    ]
    registration_panels = [FieldPanel("timezone"), *RegistrationPageMixin.registration_panels]

    base_form_class = LocalTimePageForm

    # wagtail-localize: see EventPageMixin; sessions point at the source events, shown
    # in the cycle's locale when translated.
    override_translatable_fields = [
        SynchronizedField("image"),
        SynchronizedField("timezone", overridable=False),
        SynchronizedField("themes", overridable=False),
        SynchronizedField("audiences", overridable=False),
        SynchronizedField("sessions", overridable=False),
        SynchronizedField("partners", overridable=False),
        *REGISTRATION_SYNCHRONIZED_FIELDS,
    ]

    @classmethod
    def build_edit_handler(cls, base_panels, promote_panels, settings_panels):
        """Content, registration, promote and settings tabs."""
        return TabbedInterface(
            [
                ObjectList(base_panels, heading=_("Content")),
                ObjectList(cls.registration_panels, heading=_("Registration")),
                ObjectList(promote_panels, heading=_("Promote")),
                ObjectList(settings_panels, heading=_("Settings")),
            ]
        )

    @property
    def registration_ends_at(self):
        """The end of the cycle's last published session: registering makes sense until then."""
        return self.sessions.model.objects.filter(
            cycle_id=capacity.owner_id(self), event__live=True
        ).aggregate(last=Max("event__end"))["last"]

    def clean(self):
        super().clean()
        errors = self.registration_errors()
        if errors:
            raise ValidationError(errors)

    def get_sessions(self):
        """Linked events, in the editor's order, that visitors may see."""
        return queries.cycle_sessions(self)

    def get_context(self, request, *args, **kwargs):
        context = add_base_template(super().get_context(request, *args, **kwargs))
        # The venue's locale comes along: cards name the venue in their language.
        sessions = list(self.get_sessions().select_related("venue__locale"))
        context["session_cards"] = representation.event_cards(sessions, request)
        context["sessions"] = sessions
        return context

    class Meta:
        abstract = True
