"""Concrete, ready-to-use pages: thin layers over the mixins.

Each is swappable: a site that builds its own agenda, event or cycle page from
the mixins names it in ``WAGTAILRENCONTRES_<NAME>PAGE_MODEL`` and the shipped
class is then swapped out (no table, no page type in the admin), as
``AUTH_USER_MODEL`` swaps Django's user model.
"""

import swapper
from django.utils.translation import gettext_lazy as _
from wagtail.models import PAGE_MODEL_CLASSES, Page

from wagtail_rencontres import conf
from wagtail_rencontres.api.fields import AGENDA_KEYS, CYCLE_KEYS, EVENT_KEYS, api_fields
from wagtail_rencontres.pages.agenda import AgendaPageMixin
from wagtail_rencontres.pages.cycle import CyclePageMixin
from wagtail_rencontres.pages.event import EventPageMixin


def withdraw_if_swapped(model):
    """Leave a swapped-out page class out of the site's page types.

    Wagtail lists every concrete page class as a page type: its admin would offer
    it, and its checks would bind its panels to relations that now point at the
    site's own class. Wagtail 8 leaves out, the same way, page classes outside its
    configured base page model.
    """
    if model._meta.swapped and model in PAGE_MODEL_CLASSES:
        PAGE_MODEL_CLASSES.remove(model)
    return model


@withdraw_if_swapped
class AgendaPage(AgendaPageMixin, Page):
    content_panels = Page.content_panels + AgendaPageMixin.content_panels
    search_fields = Page.search_fields + AgendaPageMixin.search_fields
    api_fields = api_fields(AGENDA_KEYS)

    subpage_types = [conf.page_model_string("EventPage"), conf.page_model_string("CyclePage")]
    template = "wagtail_rencontres/pages/agenda_page.html"

    class Meta:
        swappable = swapper.swappable_setting("wagtail_rencontres", "AgendaPage")
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")


@withdraw_if_swapped
class EventPage(EventPageMixin, Page):
    content_panels = Page.content_panels + EventPageMixin.content_panels
    search_fields = Page.search_fields + EventPageMixin.search_fields
    api_fields = api_fields(EVENT_KEYS)
    edit_handler = EventPageMixin.build_edit_handler(
        content_panels, Page.promote_panels, Page.settings_panels
    )

    parent_page_types = [conf.page_model_string("AgendaPage")]
    subpage_types = []
    template = "wagtail_rencontres/pages/event_page.html"

    class Meta(EventPageMixin.Meta):
        swappable = swapper.swappable_setting("wagtail_rencontres", "EventPage")
        verbose_name = _("event")
        verbose_name_plural = _("events")


@withdraw_if_swapped
class CyclePage(CyclePageMixin, Page):
    content_panels = Page.content_panels + CyclePageMixin.content_panels
    search_fields = Page.search_fields + CyclePageMixin.search_fields
    api_fields = api_fields(CYCLE_KEYS)
    edit_handler = CyclePageMixin.build_edit_handler(
        content_panels, Page.promote_panels, Page.settings_panels
    )

    parent_page_types = [conf.page_model_string("AgendaPage")]
    subpage_types = []
    template = "wagtail_rencontres/pages/cycle_page.html"

    class Meta:
        swappable = swapper.swappable_setting("wagtail_rencontres", "CyclePage")
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
