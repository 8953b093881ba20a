"""Abstract page behaviour, usable on a site's own base page.

A site whose base page is swapped (``WAGTAILCORE_PAGE_MODEL``) builds its
event page as ``class EventPage(EventPageMixin, MyBasePage)`` and keeps every
feature; the shipped concrete pages in :mod:`.pages` do the same on
``wagtail.models.Page``.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_rencontres import conf
from wagtail_rencontres.admin_forms import CyclePageForm, EventPageForm
from wagtail_rencontres.blocks import (
    BodyBlock,
    DocumentsBlock,
    ObjectivesBlock,
    ProgrammeBlock,
    ResourcesBlock,
)
from wagtail_rencontres.enums import (
    AttendanceMode,
    EventStatus,
    PartnerRole,
    RegistrationMode,
)
from wagtail_rencontres.services import dates, i18n, queries, search_text
from wagtail_rencontres.validators import day_outside_event_message, validate_timezone

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul"]


def default_timezone():
    return conf.get_setting("DEFAULT_TIMEZONE")


def add_base_template(context):
    """Let package templates extend the site's own base template."""
    context["rencontres_base_template"] = conf.get_setting("BASE_TEMPLATE")
    return context


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

    The engine lives in :mod:`wagtail_rencontres.services.registration`; a
    page taking registrations also needs a ``registration_fields`` relation
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
        now = timezone.now()
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
        from wagtail_rencontres.services import registration

        return registration.state(self)

    # Registration pages: the form on the page itself, and the self-service page

    @path("")
    def registration_page_view(self, request, *args, **kwargs):
        """The page; it also receives the registration form's POST."""
        from wagtail_rencontres import public_views

        return public_views.event_page(self, request, *args, **kwargs)

    @re_path(r"^registration/(?P<token>[\w-]+)/$", name="registration_self_service")
    def registration_self_service_view(self, request, token):
        """A registrant's own page, reached through the signed link of their mails."""
        from wagtail_rencontres import public_views

        return public_views.self_service(self, request, token)

    class Meta:
        abstract = True


class EventPageMixin(RegistrationPageMixin, models.Model):
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
        InlinePanel("partners", label=_("Organisers, partners and co-funders")),
        FieldPanel("funding_statement"),
        FieldPanel("documents"),
    ]
    after_panels = [FieldPanel("resources")]

    base_form_class = EventPageForm
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

    # The title is searched and boosted through ``Page.search_fields``. Text
    # built by methods holds only what the public page shows: restricted
    # sessions contribute their title, never their description, room or speakers.
    search_fields = [
        index.SearchField("subtitle", boost=1.5),
        index.SearchField("body"),
        index.SearchField("search_programme_text"),
        index.SearchField("search_speaker_text", boost=1.5),
        index.SearchField("search_place_text"),
        index.SearchField("search_organiser_text"),
        index.SearchField("search_taxonomy_text"),
        index.SearchField("search_folded_text"),
        index.AutocompleteField("search_speaker_names"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("status"),
        index.FilterField("format"),
        index.FilterField("venue"),
        index.FilterField("themes"),
        index.FilterField("audiences"),
        index.RelatedFields("themes", [index.FilterField("slug")]),
        index.RelatedFields("audiences", [index.FilterField("slug")]),
        index.RelatedFields(
            "venue", [index.FilterField("region"), index.FilterField("department_code")]
        ),
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

    @cached_property
    def localized_themes(self):
        return i18n.localized_many(self.themes.all(), self.locale_id)

    @cached_property
    def localized_audiences(self):
        return i18n.localized_many(self.audiences.all(), self.locale_id)

    @cached_property
    def localized_partners(self):
        return i18n.partner_links(self)

    @cached_property
    def partners_by_role(self):
        """Partner links grouped by role, in editor order: {role: [link, …]}."""
        grouped = {role: [] for role in PartnerRole.values}
        for link in self.localized_partners:
            grouped[link.role].append(link)
        return grouped

    def programme_days(self):
        """The programme as days of sessions, each session annotated for display.

        Restricted sessions keep only their public outline in ``public``
        mode; see :mod:`wagtail_rencontres.services.programme`.
        """
        from wagtail_rencontres.services import programme

        return programme.days(self)

    # Search documents (see wagtail_rencontres.services.search_text)

    def search_programme_text(self):
        return search_text.programme_text(self)

    def search_speaker_text(self):
        return search_text.speaker_text(self)

    def search_speaker_names(self):
        return search_text.speaker_names(self)

    def search_place_text(self):
        return search_text.place_text(self)

    def search_organiser_text(self):
        return search_text.organiser_text(self)

    def search_taxonomy_text(self):
        return search_text.taxonomy_text(self)

    def search_folded_text(self):
        return search_text.folded_event_text(self)

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
        from wagtail.blocks import StreamBlockValidationError
        from wagtail.blocks.struct_block import StructBlockValidationError

        try:
            first, last = dates.local_days(self.start, self.end, self.timezone)
        except Exception:  # noqa: BLE001 - an invalid timezone is reported on its own field
            return None
        block_errors = {}
        for position, child in enumerate(self.programme or []):
            day = child.value.get("date")
            if day is not None and not first <= day <= last:
                block_errors[position] = StructBlockValidationError(
                    block_errors={"date": day_outside_event_message(day, first, last)}
                )
        if block_errors:
            return StreamBlockValidationError(block_errors=block_errors)
        return None

    def save(self, *args, **kwargs):
        if self.all_day and self.start and self.end and self.timezone:
            # Whole days: from local midnight on the first day to the last second of the last.
            import datetime as dt

            first, last = dates.local_days(self.start, self.end, self.timezone)
            self.start = dates.make_local(first, dt.time(0, 0), self.timezone)
            self.end = dates.make_local(last, dt.time(23, 59, 59), self.timezone)
        self._bump_sequence(kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def _bump_sequence(self, update_fields):
        """Keep ``sequence`` growing: never below the stored value, +1 on a significant change.

        A page published from an older revision carries that revision's
        sequence, hence the comparison with the stored row.
        """
        if not self.pk or (update_fields is not None and "sequence" not in update_fields):
            return
        stored = (
            type(self).objects.filter(pk=self.pk).values("sequence", *self.sequence_fields).first()
        )
        if stored is None:
            return
        self.sequence = max(self.sequence or 0, stored["sequence"])
        if any(stored[name] != getattr(self, name) for name in self.sequence_fields):
            self.sequence += 1

    def get_context(self, request, *args, **kwargs):
        context = add_base_template(super().get_context(request, *args, **kwargs))
        context["programme_days"] = self.programme_days()
        context["cycles"] = queries.cycles_of_event(self)
        return context

    class Meta:
        abstract = True


class AgendaPageMixin(models.Model):
    """An index of the events below it, upcoming first, with past events on request."""

    intro = RichTextField(
        verbose_name=_("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown above the list of events."),
    )

    content_panels = [FieldPanel("intro")]

    search_fields = [index.SearchField("intro"), index.SearchField("search_folded_text")]

    def search_folded_text(self):
        return search_text.fold(" ".join([self.title, strip_tags(self.intro or "")]))

    def get_events(self):
        """Live, public events below this agenda in its locale, with what listings show."""
        return queries.events_below(self)

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = add_base_template(super().get_context(request, *args, **kwargs))
        when = request.GET.get("when", "upcoming")
        if when not in ("upcoming", "past"):
            when = "upcoming"
        events = queries.filter_when(self.get_events(), when)
        paginator = Paginator(events, conf.get_setting("AGENDA_PAGE_SIZE"))
        page_obj = paginator.get_page(request.GET.get("page"))
        # Each card speaks its event's language (an untranslated event keeps its own).
        events = i18n.localize_event_choices(page_obj.object_list)
        context.update({"when": when, "events": events, "page_obj": page_obj})
        return context

    class Meta:
        abstract = True


class CyclePageMixin(RegistrationPageMixin, models.Model):
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
        InlinePanel("partners", label=_("Organisers, partners and co-funders")),
        FieldPanel("funding_statement"),
        FieldPanel("documents"),
    ]

    base_form_class = CyclePageForm

    search_fields = [
        index.SearchField("subtitle", boost=1.5),
        index.SearchField("description"),
        index.SearchField("search_organiser_text"),
        index.SearchField("search_taxonomy_text"),
        index.SearchField("search_folded_text"),
        index.FilterField("themes"),
        index.FilterField("audiences"),
        index.RelatedFields("themes", [index.FilterField("slug")]),
        index.RelatedFields("audiences", [index.FilterField("slug")]),
    ]

    def search_organiser_text(self):
        return search_text.organiser_text(self)

    def search_taxonomy_text(self):
        return search_text.taxonomy_text(self)

    def search_folded_text(self):
        return search_text.folded_cycle_text(self)

    # wagtail-localize: see EventPageMixin; sessions point at the source events, shown
    # in the cycle's locale when translated.
    override_translatable_fields = [
        SynchronizedField("image"),
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
        from django.db.models import Max

        from wagtail_rencontres.services import capacity

        return self.sessions.model.objects.filter(
            cycle_id=capacity.owner_id(self), event__live=True
        ).aggregate(last=Max("event__end"))["last"]

    def clean(self):
        super().clean()
        errors = self.registration_errors()
        if errors:
            raise ValidationError(errors)

    @cached_property
    def localized_themes(self):
        return i18n.localized_many(self.themes.all(), self.locale_id)

    @cached_property
    def localized_audiences(self):
        return i18n.localized_many(self.audiences.all(), self.locale_id)

    @cached_property
    def localized_partners(self):
        return i18n.partner_links(self)

    def get_sessions(self):
        """Linked events, in the editor's order, that visitors may see."""
        return queries.cycle_sessions(self)

    def get_context(self, request, *args, **kwargs):
        context = add_base_template(super().get_context(request, *args, **kwargs))
        context["sessions"] = i18n.localize_event_choices(self.get_sessions())
        return context

    class Meta:
        abstract = True
