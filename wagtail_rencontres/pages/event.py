"""Event pages (*rencontres*): dates, place, programme, registration, resources."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail_localize.fields import SynchronizedField

from wagtail_rencontres.admin_forms import LocalTimePageForm
from wagtail_rencontres.blocks import (
    BodyBlock,
    DocumentsBlock,
    ObjectivesBlock,
    ProgrammeBlock,
    ResourcesBlock,
)
from wagtail_rencontres.enums import AttendanceMode, EventStatus
from wagtail_rencontres.models.mixins import default_timezone, listing_indexes
from wagtail_rencontres.pages.base import (
    RICH_TEXT_FEATURES,
    BatchedPublicationMixin,
    EventServingMixin,
    LocalizedChoicesMixin,
    partners_panel,
    survey_panel,
)
from wagtail_rencontres.pages.registration import (
    REGISTRATION_SYNCHRONIZED_FIELDS,
    RegistrationPageMixin,
)
from wagtail_rencontres.pages.search import EventSearchMixin
from wagtail_rencontres.services import dates, i18n, programme, sync
from wagtail_rencontres.validators import programme_days_error, validate_timezone


class EventPageMixin(
    BatchedPublicationMixin,
    EventServingMixin,
    LocalizedChoicesMixin,
    EventSearchMixin,
    RegistrationPageMixin,
    models.Model,
):
    """Everything an event page (*rencontre*) is and does."""

    # Content
    subtitle = models.TextField(
        verbose_name=_("subtitle (chapô)"),
        blank=True,
        help_text=_("One or two sentences introducing the event, shown under the title."),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown at the top of the page and in listings; its alt text comes from the image title."
        ),
    )
    format = models.ForeignKey(
        "wagtail_rencontres.EventFormat",
        verbose_name=_("format"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Journée thématique, rencontre régionale, forum… Managed under Rencontres."),
    )
    themes = ParentalManyToManyField(
        "wagtail_rencontres.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("Subjects of the event, used for filters."),
    )
    audiences = ParentalManyToManyField(
        "wagtail_rencontres.Audience",
        verbose_name=_("target audiences"),
        blank=True,
        related_name="+",
        help_text=_("Who the event is meant for, used for filters."),
    )
    audience_text = RichTextField(
        verbose_name=_("who is it for?"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Free text describing the audience, beyond the list of audiences."),
    )
    objectives = StreamField(
        ObjectivesBlock(),
        verbose_name=_("objectives"),
        blank=True,
        default=list,
        help_text=_("One block per objective, shown as a list."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        default=list,
        help_text=_("Presentation of the event: context, stakes, speakers' approach."),
    )

    # Dates
    start = models.DateTimeField(
        verbose_name=_("start"),
        help_text=_("Date and time in the event's timezone."),
    )
    end = models.DateTimeField(
        verbose_name=_("end"),
        help_text=_("Date and time in the event's timezone. May be on another day."),
    )
    timezone = models.CharField(
        verbose_name=_("timezone"),
        max_length=64,
        default=default_timezone,
        validators=[validate_timezone],
        help_text=_("IANA name, for example Europe/Paris or America/Cayenne."),
    )
    all_day = models.BooleanField(
        verbose_name=_("all day"),
        default=False,
        help_text=_("Hide the times: the event fills whole days, from the start to the end date."),
    )
    status = models.CharField(
        verbose_name=_("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Kept apart from publication: a cancelled event stays listed, flagged."),
    )
    previous_start = models.DateTimeField(
        verbose_name=_("previous start"),
        null=True,
        blank=True,
        help_text=_("For a rescheduled event: when it was first planned."),
    )
    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    sequence = models.PositiveIntegerField(
        verbose_name=_("revision sequence"),
        default=0,
        editable=False,
        help_text=_("ICS SEQUENCE: grows when the date, place or status changes."),
    )

    # Practical information
    attendance_mode = models.CharField(
        verbose_name=_("attendance mode"),
        max_length=10,
        choices=AttendanceMode.choices,
        default=AttendanceMode.OFFLINE,
        help_text=_("In person, online, or both."),
    )
    online_url = models.URLField(
        verbose_name=_("online link"),
        blank=True,
        help_text=_("Required for online and hybrid events."),
    )
    venue = models.ForeignKey(
        "wagtail_rencontres.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the event takes place. Leave empty for an online event."),
    )
    practical_info = RichTextField(
        verbose_name=_("practical information"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Lunch, accessibility, contact person…"),
    )
    funding_statement = models.TextField(
        verbose_name=_("funding statement"),
        blank=True,
        help_text=_(
            "Mention required by co-funders, for example “Ce projet est cofinancé par l'Union "
            "européenne”. Required when a co-funder is listed."
        ),
    )
    documents = StreamField(
        DocumentsBlock(),
        verbose_name=_("documents and links"),
        blank=True,
        default=list,
        help_text=_("Published before the event: “En savoir plus”, leaflet, invitation."),
    )

    # Programme
    programme = StreamField(
        ProgrammeBlock(),
        verbose_name=_("programme"),
        blank=True,
        default=list,
        help_text=_("Days of the event, each with its timed sessions."),
    )
    programme_to_come = models.BooleanField(
        verbose_name=_("detailed programme to come"),
        default=False,
        help_text=_("Shows “Programme détaillé à venir” instead of, or after, the programme."),
    )

    # After the event
    resources = StreamField(
        ResourcesBlock(),
        verbose_name=_("after-event resources"),
        blank=True,
        default=list,
        help_text=_("Slides, recordings, proceedings."),
    )

    content_panels = [
        FieldPanel("subtitle"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("format"), FieldPanel("status")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("timezone"), FieldPanel("all_day")]),
                FieldPanel("previous_start"),
            ],
            heading=_("Dates"),
        ),
        FieldPanel("themes"),
        FieldPanel("audiences"),
        FieldPanel("audience_text"),
        FieldPanel("objectives"),
        FieldPanel("body"),
    ]
    programme_panels = [FieldPanel("programme_to_come"), FieldPanel("programme")]
    practical_panels = [
        FieldRowPanel([FieldPanel("attendance_mode"), FieldPanel("online_url")]),
        FieldPanel("venue"),
        FieldPanel("practical_info"),
        partners_panel(),
        FieldPanel("funding_statement"),
        FieldPanel("documents"),
    ]
    after_panels = [FieldPanel("resources"), survey_panel()]

    base_form_class = LocalTimePageForm
    exclude_fields_in_copy = ["uuid", "sequence"]
    # Changing one of these makes calendar clients update their copy (ICS SEQUENCE).
    sequence_fields = (
        "start",
        "end",
        "all_day",
        "timezone",
        "venue_id",
        "status",
        "attendance_mode",
        "online_url",
    )

    # wagtail-localize: what a translation shares with its source instead of translating.
    # Chosen records (venue, format, themes, audiences, partners) stay the source's;
    # templates and services show their translation in the page's locale when one exists.
    override_translatable_fields = [
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("timezone", overridable=False),
        SynchronizedField("all_day", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("previous_start", overridable=False),
        SynchronizedField("attendance_mode", overridable=False),
        SynchronizedField("online_url"),
        SynchronizedField("venue", overridable=False),
        SynchronizedField("format", overridable=False),
        SynchronizedField("themes", overridable=False),
        SynchronizedField("audiences", overridable=False),
        SynchronizedField("image"),
        SynchronizedField("partners", overridable=False),
        SynchronizedField("programme_to_come", overridable=False),
        *REGISTRATION_SYNCHRONIZED_FIELDS,
    ]

    @classmethod
    def build_edit_handler(cls, base_panels, promote_panels, settings_panels):
        """Group panels in the tabs editors expect."""
        return TabbedInterface(
            [
                ObjectList(base_panels, heading=_("Content")),
                ObjectList(cls.programme_panels, heading=_("Programme")),
                ObjectList(cls.practical_panels, heading=_("Practical information")),
                ObjectList(cls.registration_panels, heading=_("Registration")),
                ObjectList(cls.after_panels, heading=_("After the event")),
                ObjectList(promote_panels, heading=_("Promote")),
                ObjectList(settings_panels, heading=_("Settings")),
            ]
        )

    # Derived values

    @property
    def local_start(self):
        return dates.to_local(self.start, self.timezone)

    @property
    def local_end(self):
        return dates.to_local(self.end, self.timezone)

    @property
    def local_previous_start(self):
        return dates.to_local(self.previous_start, self.timezone)

    @property
    def registration_ends_at(self):
        return self.end

    @property
    def registration_page_status(self):
        return self.status

    @property
    def is_multi_day(self):
        first, last = dates.local_days(self.start, self.end, self.timezone)
        return first != last

    @property
    def temporal_status(self):
        return dates.temporal_status(self.start, self.end)

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    # Chosen records in the page's locale (see services.i18n)

    @cached_property
    def localized_venue(self):
        return i18n.localized(self.venue, self.locale_id)

    @cached_property
    def localized_format(self):
        return i18n.localized(self.format, self.locale_id)

    def programme_days(self):
        """The programme's days (read once), restricted sessions as their public outline."""
        return programme.days_once(self)

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = ValidationError(
                _("The end must be after the start."), code="end_before_start"
            )
        if self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.MIXED) and not (
            self.online_url
        ):
            errors["online_url"] = ValidationError(
                _("Online and hybrid events need an online link."), code="online_url_required"
            )
        if self.status == EventStatus.RESCHEDULED and not self.previous_start:
            errors["previous_start"] = ValidationError(
                _("Give the previous start of a rescheduled event."), code="previous_start_required"
            )
        errors.update(self.registration_errors())
        if "end" not in errors and self.start and self.end and self.timezone:
            programme_error = self._programme_dates_error()
            if programme_error:
                errors["programme"] = programme_error
        if errors:
            raise ValidationError(errors)

    def _programme_dates_error(self):
        try:
            first, last = dates.local_days(self.start, self.end, self.timezone)
        except Exception:  # noqa: BLE001 - an invalid timezone is reported on its own field
            return None
        return programme_days_error(programme.day_dates(self), first, last)

    def save(self, *args, **kwargs):
        if self.all_day and self.start and self.end and self.timezone:
            self.start, self.end = dates.whole_days(self.start, self.end, self.timezone)
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or "sequence" in update_fields):
            self.sequence = sync.next_sequence(self)
        super().save(*args, **kwargs)

    class Meta:
        abstract = True
        # A class declaring its own Meta keeps them with ``Meta(EventPageMixin.Meta)``.
        indexes = listing_indexes()
