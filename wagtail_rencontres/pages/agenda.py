"""Agenda pages: an index of the events below them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.url_routing import RouteResult

from wagtail_rencontres import conf
from wagtail_rencontres.pages import agenda_filters, speaker
from wagtail_rencontres.pages.base import RICH_TEXT_FEATURES, add_base_template
from wagtail_rencontres.pages.search import AgendaSearchMixin
from wagtail_rencontres.services import filters, queries, representation, serving
from wagtail_rencontres.services.counting import EstimatingPaginator


class AgendaPageMixin(AgendaSearchMixin, models.Model):
    """An index of the events below it, upcoming first, with past events on request."""

    intro = RichTextField(
        verbose_name=_("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown above the list of events."),
    )

    content_panels = [FieldPanel("intro")]

    def get_events(self):
        """Live, public events below this agenda in its locale, with what listings show."""
        return queries.events_below(self)

    def route(self, request, path_components):
        """Route to an event below in one query, with what serving it checks (see
        :mod:`~wagtail_rencontres.services.serving`), to a speaker's page
        (``intervenants/<id>/``); other pages Wagtail's way."""
        speaker_id = speaker.speaker_id_of(path_components)
        if speaker_id is not None and self.live:
            return RouteResult(self, kwargs={"speaker_id": speaker_id})
        routed = serving.route(self, request, path_components, serving.events_to_serve())
        return routed or super().route(request, path_components)

    def serve(self, request, *args, speaker_id=None, **kwargs):
        if speaker_id is not None:
            return speaker.speaker_page(self, request, speaker_id)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = add_base_template(super().get_context(request, *args, **kwargs))
        when = request.GET.get("when", "upcoming")
        if when not in ("upcoming", "past"):
            when = "upcoming"
        events = self.get_events()
        form = agenda_filters.AgendaFilterForm(
            request.GET, agenda_filters.filter_choices(self, events)
        )
        cleaned = {**agenda_filters.cleaned_filters(form), "when": when}
        # The venue's locale comes along: cards name the venue in their language.
        events = filters.apply(events, cleaned).select_related("venue__locale")
        # Exact up to a limit, estimated past it on PostgreSQL (see services.counting).
        paginator = EstimatingPaginator(events, conf.get_setting("AGENDA_PAGE_SIZE"))
        page_obj = paginator.get_page(request.GET.get("page"))
        # Each card speaks its event's language (an untranslated event keeps its own).
        events = list(page_obj.object_list)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            {
                "when": when,
                "events": events,
                "cards": representation.event_cards(events, request),
                "page_obj": page_obj,
                "filter_form": form,
                "filter_query": query.urlencode(),
            }
        )
        return context

    class Meta:
        abstract = True
