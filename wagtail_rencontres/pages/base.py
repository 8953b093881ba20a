"""What every page type of the package shares."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import InlinePanel
from wagtail.models import PageViewRestriction

from wagtail_rencontres import conf
from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.pages import speaker
from wagtail_rencontres.pages.preview import AfterEventPreviewMixin, HeadlessPreviewMixin
from wagtail_rencontres.services import i18n, programme, publication, representation, serving

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul"]


def partners_panel():
    """The partners' inline panel: headed by what they are, each added as “an organisation”
    (Wagtail writes “Add <label>”, so the label is one partner, not the heading)."""
    return InlinePanel(
        "partners",
        heading=_("Organisers, partners and co-funders"),
        label=pgettext_lazy("partner of an event", "organisation"),
    )


def survey_panel():
    """The satisfaction survey's questions, on the event's "After the event" tab."""
    return InlinePanel(
        "survey_questions", heading=_("Satisfaction survey"), label=_("Survey question")
    )


def add_base_template(context):
    """Let package templates extend the site's own base template."""
    context["rencontres_base_template"] = conf.get_setting("BASE_TEMPLATE")
    return context


class BatchedPublicationMixin(models.Model):
    """Saving a revision or publishing indexes the page, updates its references and
    moves the change stamp once, after every row is saved (:mod:`.services.publication`)."""

    def save_revision(self, *args, **kwargs):
        with publication.batch():
            return super().save_revision(*args, **kwargs)

    def publish(self, *args, **kwargs):
        with publication.batch():
            return super().publish(*args, **kwargs)

    class Meta:
        abstract = True


class LocalizedChoicesMixin(models.Model):
    """Themes, audiences and partners of an event or cycle, shown in the page's locale.

    A translation shares its source's choices (wagtail-localize synchronises
    them); each shows as its translation in the page's locale when there is one
    (see :mod:`wagtail_rencontres.services.i18n`).
    """

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

    class Meta:
        abstract = True


class EventServingMixin(AfterEventPreviewMixin, HeadlessPreviewMixin, models.Model):
    """How an event page is served: the view restrictions that its route found
    (:mod:`~wagtail_rencontres.services.serving`), its template's context, and its
    previews: after the event (:class:`.AfterEventPreviewMixin`) and in the
    site's front end (:class:`.HeadlessPreviewMixin`)."""

    def get_view_restrictions(self):
        # Routed by an agenda, the page knows whether any restriction applies.
        if serving.known_unrestricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_context(self, request, *args, **kwargs):
        context = add_base_template(super().get_context(request, *args, **kwargs))
        # The template and the JSON-LD show the same localised records: read them once.
        representation.prepare_events([self])
        context["programme_days"] = days = self.programme_days()
        # Speaker cards show photos: fetched for all the speakers at once.
        context["speakers"] = speakers = programme.speakers(days)
        representation.prepare_speakers(speakers)
        context["speaker_base_url"] = self.speaker_base_url(request)
        context["cycles"] = serving.cycles_of_event(self)
        return context

    def speaker_base_url(self, request):
        """Where the speaker pages of the agenda that routed this event start, or "".

        Read from the parent the agenda's route left on the page, so it costs no
        query; an event served another way (a preview) links no speaker page.
        """
        parent = self.__dict__.get("_cached_parent_obj")
        if not isinstance(parent, conf.page_model("AgendaPage")):
            return ""
        return f"{parent.get_url(request)}{speaker.SEGMENT}/"

    class Meta:
        abstract = True
