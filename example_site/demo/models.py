from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from wagtail_rencontres import conf
from wagtail_rencontres.services import queries, representation, serving


class HomePage(Page):
    """The example site's home page: an introduction and the next events."""

    intro = RichTextField(verbose_name=_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [conf.page_model_string("AgendaPage")]
    max_count_per_parent = 1

    def route(self, request, path_components):
        # Its children are agendas: each read in one query, not Wagtail's two.
        agendas = conf.page_model("AgendaPage").objects.all()
        routed = serving.route(self, request, path_components, agendas)
        return routed or super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        upcoming = queries.filter_when(queries.visible_events(locale=self.locale_id), "upcoming")
        context["upcoming_events"] = list(upcoming.select_related("venue__locale")[:3])
        context["upcoming_cards"] = representation.event_cards(context["upcoming_events"], request)
        context["agendas"] = self.get_children().live().public().specific()
        return context

    class Meta:
        verbose_name = _("home page")
