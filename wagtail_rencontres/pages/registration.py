"""Registration on a page (an event or a cycle): its settings, state and public routes.

The engine lives in :mod:`wagtail_rencontres.services.registration`; the
routes render :mod:`.registration_views`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail_localize.fields import SynchronizedField

from wagtail_rencontres.enums import EventStatus, RegistrationMode
from wagtail_rencontres.models.mixins import default_timezone
from wagtail_rencontres.pages import registration_views, survey_views
from wagtail_rencontres.services import clock, dates
from wagtail_rencontres.services import registration as registration_service

#: Registration settings a translation shares with its source (one list, one capacity).
REGISTRATION_SYNCHRONIZED_FIELDS = [
    SynchronizedField("registration_mode", overridable=False),
    SynchronizedField("registration_url"),
    SynchronizedField("registration_opens_at", overridable=False),
    SynchronizedField("registration_closes_at", overridable=False),
    SynchronizedField("registration_capacity", overridable=False),
    SynchronizedField("registration_waitlist", overridable=False),
    SynchronizedField("registration_requires_approval", overridable=False),
]


class RegistrationPageMixin(RoutablePageMixin, models.Model):
    """Registration settings and public registration routes of a page (an event or a cycle).

    A page taking registrations also needs a ``registration_fields`` relation
    (its extra questions). Subclasses say until when registration makes sense
    (:attr:`registration_ends_at`) and which status closes it
    (:attr:`registration_page_status`).
    """

    registration_mode = models.CharField(
        verbose_name=_("registration"),
        max_length=10,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
        help_text=_("None, the form on this site, or a link to an external form."),
    )
    registration_url = models.URLField(
        verbose_name=_("external registration link"),
        blank=True,
        help_text=_("For external registration: the organiser's form."),
    )
    registration_link_label = models.CharField(
        verbose_name=_("external link label"),
        max_length=120,
        blank=True,
        help_text=_("For example “S'inscrire sur le site de PQN-A”."),
    )
    registration_opens_at = models.DateTimeField(
        verbose_name=_("registration opens"),
        null=True,
        blank=True,
        help_text=_("Date and time in the event's timezone. Leave empty to open now."),
    )
    registration_closes_at = models.DateTimeField(
        verbose_name=_("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Date and time in the event's timezone after which nobody can register."),
    )
    registration_capacity = models.PositiveIntegerField(
        verbose_name=_("places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for unlimited places. Every confirmed seat counts."),
    )
    registration_waitlist = models.BooleanField(
        verbose_name=_("waiting list"),
        default=True,
        help_text=_("When full, further registrations go to a waiting list."),
    )
    registration_requires_approval = models.BooleanField(
        verbose_name=_("approve registrations to restricted sessions"),
        default=False,
        help_text=_(
            "Registrations choosing a session restricted to some audiences wait for an "
            "editor's approval."
        ),
    )
    registration_consent_text = models.TextField(
        verbose_name=_("consent text"),
        blank=True,
        help_text=_(
            "Text of the consent checkbox. Each change is a new version; registrations keep "
            "the version they accepted. Leave empty for the site default."
        ),
    )

    #: The fields that decide whether a place may be taken, those the page has:
    #: read again under its row lock (:func:`~wagtail_rencontres.services.capacity.locked_event`).
    #: An event's places depend on its dates, status and programme (workshops) too.
    registration_state_fields = (
        "registration_mode",
        "registration_opens_at",
        "registration_closes_at",
        "registration_capacity",
        "registration_waitlist",
        "registration_requires_approval",
        "registration_consent_text",
        "start",
        "end",
        "timezone",
        "status",
        "programme",
    )

    registration_panels = [
        FieldPanel("registration_mode"),
        FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
        FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_link_label")]),
        FieldRowPanel([FieldPanel("registration_capacity"), FieldPanel("registration_waitlist")]),
        FieldPanel("registration_requires_approval"),
        FieldPanel("registration_consent_text"),
        InlinePanel(
            "registration_fields",
            label=_("Extra question"),
            heading=_("Extra questions of the registration form"),
        ),
    ]

    def registration_errors(self):
        """Validation errors of the registration settings, keyed by field."""
        errors = {}
        if self.registration_mode == RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = ValidationError(
                _("External registration needs a link."), code="registration_url_required"
            )
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = ValidationError(
                _("The deadline must be after the opening."), code="deadline_before_opening"
            )
        return errors

    @property
    def registration_timezone(self):
        return getattr(self, "timezone", None) or default_timezone()

    @property
    def local_registration_closes_at(self):
        return dates.to_local(self.registration_closes_at, self.registration_timezone)

    @property
    def registration_ends_at(self):
        """After this moment nobody can register (``None``: no such limit)."""
        return None

    @property
    def registration_page_status(self):
        """The page's :class:`~wagtail_rencontres.enums.EventStatus`, or ``""`` when it has none."""
        return ""

    @property
    def registration_is_open(self):
        """Whether registration is accepted now, by this site or an external one."""
        if self.registration_mode == RegistrationMode.NONE:
            return False
        if self.registration_page_status in (
            EventStatus.CANCELLED,
            EventStatus.FULL,
            EventStatus.POSTPONED,
        ):
            return False
        now = clock.now()
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        if self.registration_closes_at and now > self.registration_closes_at:
            return False
        ends_at = self.registration_ends_at
        return ends_at is None or now <= ends_at

    def registration_state(self):
        """Public registration summary shared by templates, the API and JSON-LD.

        Keys: ``mode``, ``opens_at``, ``closes_at``, ``is_open``, ``places_left``
        (``None`` when unlimited or unknown), ``waitlist_open``, ``external_url``,
        ``external_label``, plus ``capacity`` and ``closed_reason`` (a
        :class:`~wagtail_rencontres.enums.RegistrationClosedReason` value or
        ``""``) and its translated ``closed_message``. No personal data.
        """
        return registration_service.state(self)

    # Registration pages: the form on the page itself, and the self-service page

    @path("")
    def registration_page_view(self, request, *args, **kwargs):
        """The page; it also receives the registration form's POST."""
        return registration_views.event_page(self, request, *args, **kwargs)

    @re_path(r"^registration/(?P<token>[\w-]+)/$", name="registration_self_service")
    def registration_self_service_view(self, request, token):
        """A registrant's own page, reached through the signed link of their mails."""
        return registration_views.self_service(self, request, token)

    @re_path(
        r"^registration/(?P<token>[\w-]+)/certificate/$",
        name="registration_self_service_certificate",
    )
    def registration_certificate_view(self, request, token):
        """A registrant's attendance certificate (PDF), once the event is over."""
        return registration_views.self_service_certificate(self, request, token)

    @re_path(r"^survey/(?P<token>[\w-]+)/$", name="survey")
    def survey_view(self, request, token):
        """The satisfaction survey, reached through the single-use link of its mail."""
        return survey_views.survey_page(self, request, token)

    class Meta:
        abstract = True
