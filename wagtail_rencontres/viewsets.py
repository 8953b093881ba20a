"""Admin viewsets: the snippets, grouped under a “Rencontres” menu, and the events listing.

Plain classes: a site may subclass one and register its own instead (see
``docs/reference/signals-and-hooks.md``).
"""

from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters import ModelMultipleChoiceFilter
from wagtail import VERSION as WAGTAIL_VERSION
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wagtail_rencontres.api.params import MAX_ID
from wagtail_rencontres.models import (
    Audience,
    EventFormat,
    Organisation,
    Speaker,
    Theme,
    Venue,
)
from wagtail_rencontres.services import formatting, queries
from wagtail_rencontres.validators import MAX_YEAR, MIN_YEAR
from wagtail_rencontres.widgets import SnippetChooser


class ChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser modal and widget, labelled in each request's language.

    Wagtail's ``ChooserViewSet`` translates these labels with ``gettext`` when its
    module is imported (during the first request), so every later request showed
    that request's language: "Choisir" over "event format" in the English admin.
    The messages are Wagtail's own; its catalogue translates them.
    """

    base_widget_class = SnippetChooser
    choose_one_text = _("Choose")
    choose_another_text = _("Choose another")
    edit_item_text = _("Edit")
    search_tab_label = _("Search")
    create_action_label = _("Create")

    @cached_property
    def widget_class(self):
        if WAGTAIL_VERSION < (8, 0):
            # Wagtail 7.4 builds one AdminSnippetChooser instance here, labelled in the
            # language of the first request; ours formats its labels on each render.
            return SnippetChooser(model=self.model, icon=self.icon)
        return super().widget_class


class RencontresSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose chooser follows the editor's language.

    ``chooser_form_fields``: the fields of the chooser's "Create" tab, so that an
    editor adds a missing record without leaving the page (none: no such tab).
    """

    chooser_viewset_class = ChooserViewSet
    chooser_form_fields = None

    @property
    def chooser_viewset(self):
        viewset = super().chooser_viewset
        viewset.form_fields = self.chooser_form_fields
        return viewset


class SpeakerViewSet(RencontresSnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    list_display = [
        Column("full_name", label=_("Full name")),
        "job_title",
        Column("affiliation", label=_("Organisation")),
        "locale",
    ]
    list_filter = ["organisation", "locale"]
    chooser_form_fields = ["first_name", "last_name", "job_title", "organisation"]
    ordering = ["last_name", "first_name"]
    list_per_page = 50

    def get_queryset(self, request):
        return Speaker.objects.select_related("organisation", "locale")


class VenueViewSet(RencontresSnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    list_display = ["name", "city", "department", "region", "locale"]
    list_filter = ["region", "department", "locale"]
    chooser_form_fields = ["name", "street_address", "postcode", "city"]
    ordering = ["name"]


class OrganisationViewSet(RencontresSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "acronym", "kind", "locale"]
    list_filter = ["kind", "locale"]
    chooser_form_fields = ["name", "acronym", "kind", "url"]
    ordering = ["name"]


class TaxonomyViewSet(RencontresSnippetViewSet):
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


# Registration: a flat listing of events with registered / places


class RegisteredColumn(Column):
    """Seat-holding registrations / capacity, from one annotated query."""

    def get_value(self, instance):
        taken = getattr(instance, "registrations_seats_taken", 0) or 0
        if getattr(instance, "registration_mode", "none") != "internal":
            return "—"
        places = instance.registration_capacity
        return f"{taken} / {places}" if places is not None else f"{taken}"


class DatesColumn(Column):
    """When the event happens, in its own timezone; sorted by start."""

    def get_value(self, instance):
        return formatting.event_when(instance)


@cache
def _bounded(field_class):
    """``field_class``, a choice of objects by id, refusing ids beyond 64 bits.

    Such an id is an invalid choice: SQLite cannot even compare it.
    """

    def _check_values(self, value):
        for pk in value:
            if str(pk).lstrip("-").isdigit() and abs(int(pk)) > MAX_ID:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return field_class._check_values(self, value)

    return type(f"Bounded{field_class.__name__}", (field_class,), {"_check_values": _check_values})


class EventFilterForm(forms.Form):
    """The listing's filter form: a date range outside the years time zones handle is an error."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, slice) and any(
                moment is not None and not MIN_YEAR <= moment.year <= MAX_YEAR
                for moment in (value.start, value.stop)
            ):
                self.add_error(
                    name,
                    gettext("Give dates between %(low)s and %(high)s.")
                    % {"low": MIN_YEAR, "high": MAX_YEAR},
                )
        return cleaned


class EventFilterSet(PageFilterSet):
    """Wagtail's page filters, whose values cannot reach the database out of range."""

    class Meta(PageFilterSet.Meta):
        form = EventFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for item in self.filters.values():
            if isinstance(item, ModelMultipleChoiceFilter):
                item.field_class = _bounded(item.field_class)


class EventIndexView(IndexView):
    """The events listing, each row annotated with its seats taken."""

    def get_locale(self):
        # Wagtail looks the code up as given: PostgreSQL cannot compare a NUL byte.
        if "\x00" in self.request.GET.get("locale", ""):
            raise Http404
        return super().get_locale()

    def search_queryset(self, queryset):
        # The SQLite search backend hands a double quote to FTS5 as it is, which
        # fails the query ("unterminated string"); in a title search it means nothing.
        if self.is_searching and '"' in self.search_query:
            self.search_query = self.search_query.replace('"', " ").strip()
            if not self.search_query:
                return queryset
        return super().search_queryset(queryset)

    def get_base_queryset(self):
        # Cycle registrants hold a place in each session: counted too.
        return (
            super()
            .get_base_queryset()
            .annotate(registrations_seats_taken=queries.seats_expression())
        )


class EventListingViewSet(PageListingViewSet):
    """An **Events** menu item listing the site's event pages, with registered / places.

    Registered by ``wagtail_hooks``; ``model`` is the event page model the site
    uses, read when this module is imported (from the hooks, once the apps are
    ready).
    """

    model = queries.event_model()
    icon = "date"
    menu_label = _("Events")
    add_to_admin_menu = True
    name = "rencontres_events"
    index_view_class = EventIndexView
    filterset_class = EventFilterSet
    columns = [
        *IndexView.base_columns,
        DatesColumn("start", label=_("Dates"), sort_key="start", width="22%"),
        RegisteredColumn("registrations", label=_("Registered / places"), width="12%"),
    ]
