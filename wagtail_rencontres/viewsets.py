"""Admin viewsets for the snippets, grouped under a “Rencontres” menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wagtail_rencontres.models import (
    Audience,
    EventFormat,
    Organisation,
    Speaker,
    Theme,
    Venue,
)


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    list_display = [
        "full_name",
        "job_title",
        Column("affiliation", label=_("organisation")),
        "locale",
    ]
    list_filter = ["organisation", "locale"]
    ordering = ["last_name", "first_name"]
    list_per_page = 50

    def get_queryset(self, request):
        return Speaker.objects.select_related("organisation", "locale")


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    list_display = ["name", "city", "department", "region", "locale"]
    list_filter = ["region", "department", "locale"]
    ordering = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "acronym", "kind", "locale"]
    list_filter = ["kind", "locale"]
    ordering = ["name"]


class TaxonomyViewSet(SnippetViewSet):
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    ordering = ["name"]


class ThemeViewSet(TaxonomyViewSet):
    model = Theme
    menu_label = _("Themes")


class AudienceViewSet(TaxonomyViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Audiences")


class EventFormatViewSet(TaxonomyViewSet):
    model = EventFormat
    icon = "list-ul"
    menu_label = _("Event formats")


class RencontresViewSetGroup(SnippetViewSetGroup):
    items = (
        SpeakerViewSet,
        VenueViewSet,
        OrganisationViewSet,
        ThemeViewSet,
        AudienceViewSet,
        EventFormatViewSet,
    )
    menu_icon = "date"
    menu_label = _("Rencontres")
    menu_name = "rencontres"
