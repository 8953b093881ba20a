"""Concrete, ready-to-use pages: thin layers over the mixins."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from wagtail_rencontres.api.fields import AGENDA_KEYS, CYCLE_KEYS, EVENT_KEYS, api_fields
from wagtail_rencontres.models.mixins import AgendaPageMixin, CyclePageMixin, EventPageMixin


class AgendaPage(AgendaPageMixin, Page):
    content_panels = Page.content_panels + AgendaPageMixin.content_panels
    search_fields = Page.search_fields + AgendaPageMixin.search_fields
    api_fields = api_fields(AGENDA_KEYS)

    subpage_types = ["wagtail_rencontres.EventPage", "wagtail_rencontres.CyclePage"]
    template = "wagtail_rencontres/pages/agenda_page.html"

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")


class EventPage(EventPageMixin, Page):
    content_panels = Page.content_panels + EventPageMixin.content_panels
    search_fields = Page.search_fields + EventPageMixin.search_fields
    api_fields = api_fields(EVENT_KEYS)
    edit_handler = EventPageMixin.build_edit_handler(
        content_panels, Page.promote_panels, Page.settings_panels
    )

    parent_page_types = ["wagtail_rencontres.AgendaPage"]
    subpage_types = []
    template = "wagtail_rencontres/pages/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")


class CyclePage(CyclePageMixin, Page):
    content_panels = Page.content_panels + CyclePageMixin.content_panels
    search_fields = Page.search_fields + CyclePageMixin.search_fields
    api_fields = api_fields(CYCLE_KEYS)
    edit_handler = CyclePageMixin.build_edit_handler(
        content_panels, Page.promote_panels, Page.settings_panels
    )

    parent_page_types = ["wagtail_rencontres.AgendaPage"]
    subpage_types = []
    template = "wagtail_rencontres/pages/cycle_page.html"

    class Meta:
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
