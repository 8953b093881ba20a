"""The host site's own pages: one abstract base page, and the package's page types
built on it from the mixins, as docs/reference/models.md tells a site to do."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import Page

from wagtail_rencontres.api.fields import AGENDA_KEYS, CYCLE_KEYS, EVENT_KEYS, api_fields
from wagtail_rencontres.models import AgendaPageMixin, CyclePageMixin, EventPageMixin


class SitePage(Page):
    """Every page of the host site: a social image and a teaser of its own."""

    teaser = models.CharField(max_length=255, blank=True)
    social_image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = Page.promote_panels + [FieldPanel("teaser"), FieldPanel("social_image")]

    class Meta:
        abstract = True


class AgendaPage(AgendaPageMixin, SitePage):
    content_panels = SitePage.content_panels + AgendaPageMixin.content_panels
    search_fields = SitePage.search_fields + AgendaPageMixin.search_fields
    api_fields = api_fields(AGENDA_KEYS)

    subpage_types = ["hostsite.EventPage", "hostsite.CyclePage"]
    template = "hostsite/agenda_page.html"


class EventPage(EventPageMixin, SitePage):
    content_panels = SitePage.content_panels + EventPageMixin.content_panels
    search_fields = SitePage.search_fields + EventPageMixin.search_fields
    api_fields = api_fields(EVENT_KEYS)
    edit_handler = EventPageMixin.build_edit_handler(
        content_panels, SitePage.promote_panels, SitePage.settings_panels
    )

    parent_page_types = ["hostsite.AgendaPage"]
    subpage_types = []
    template = "hostsite/event_page.html"


class CyclePage(CyclePageMixin, SitePage):
    content_panels = SitePage.content_panels + CyclePageMixin.content_panels
    search_fields = SitePage.search_fields + CyclePageMixin.search_fields
    api_fields = api_fields(CYCLE_KEYS)
    edit_handler = CyclePageMixin.build_edit_handler(
        content_panels, SitePage.promote_panels, SitePage.settings_panels
    )

    parent_page_types = ["hostsite.AgendaPage"]
    subpage_types = []
    template = "hostsite/cycle_page.html"
