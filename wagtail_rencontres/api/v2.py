"""An ``events`` endpoint for Wagtail's API v2, with the typed API's filters.

Register it on the site's v2 router::

    api_router.register_endpoint("events", EventsAPIViewSet)
"""

from django.http import Http404
from django.urls import NoReverseMatch
from django.utils.functional import classproperty
from django.utils.translation import gettext as _
from ninja import Field
from rest_framework.exceptions import ValidationError
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from wagtail_rencontres import conf
from wagtail_rencontres.api import filters as typed_filters
from wagtail_rencontres.api.fields import CACHE_ATTRIBUTE, DETAIL_KEYS
from wagtail_rencontres.api.final import keep_answer
from wagtail_rencontres.api.params import MAX_ID, MAX_OFFSET
from wagtail_rencontres.services import filters, queries, serializers


class V2Query(typed_filters.EventFilters):
    """The event filters, and v2's ``limit`` and ``offset`` within what databases accept.

    Wagtail checks that they are positive integers, and ``limit`` against
    ``WAGTAILAPI_LIMIT_MAX``; an offset beyond 64 bits would reach the database.
    """

    limit: int | None = Field(None, ge=0, le=MAX_OFFSET)
    offset: int | None = Field(None, ge=0, le=MAX_OFFSET)


#: v2's own parameters, which the event filters leave to it.
V2_PARAMETERS = BaseAPIViewSet.known_query_parameters.union(["type"]).difference(
    V2Query.model_fields
)


class SharedSiteHtmlUrlField(PageHtmlUrlField):
    """``meta.html_url`` from the site root paths read once for the request.

    Wagtail's field calls ``page.full_url``, which caches those paths on each page:
    one cache read per page of a listing. The request passed here (REST framework's,
    not an ``HttpRequest``) only carries that cache, so the URL stays the same.
    """

    def to_representation(self, page):
        try:
            return page.get_full_url(self.context["request"])
        except NoReverseMatch:
            return None


class EventPageSerializer(PageSerializer):
    """v2's page serializer, whose ``html_url`` costs no read per event."""

    html_url = SharedSiteHtmlUrlField(read_only=True)


class EventsAPIViewSet(PagesAPIViewSet):
    """Visible events; the same filters, errors and representation as the typed API."""

    name = "events"
    base_serializer_class = EventPageSerializer
    filter_backends = []
    known_query_parameters = frozenset(["limit", "offset", "fields", "format", "_", "type"]).union(
        typed_filters.EventFilters.model_fields
    )

    @classproperty
    def model(cls):  # noqa: N805 - a class-level attribute, as Wagtail's router reads it
        # The site's event page (WAGTAILRENCONTRES_EVENTPAGE_MODEL), read when used.
        return conf.page_model("EventPage")

    def dispatch(self, request, *args, **kwargs):
        # A missing event stays a JSON 404, never a redirect to /<language>/….
        keep_answer(request)
        return super().dispatch(request, *args, **kwargs)

    def check_query_parameters(self, queryset):
        # get_queryset has validated the listing's query once (field-keyed 400s);
        # Wagtail's own check would call this endpoint's filters unknown.
        pass

    def detail_view(self, request, pk):
        # SQLite cannot even compare an id beyond 64 bits: it names nothing.
        if pk > MAX_ID:
            raise Http404(_("Not found."))
        return super().detail_view(request, pk)

    def get_queryset(self):
        queryset = queries.visible_events().filter(pk__in=self.get_base_queryset().values("pk"))
        if self.action == "listing_view":
            cleaned, errors = typed_filters.validate(
                self.request.GET, ignore=V2_PARAMETERS, schema=V2Query
            )
            if errors:
                raise ValidationError(errors)
            queryset = filters.apply(queryset, cleaned)
        return serializers.prefetch_events(queryset)

    def asks_for_details(self):
        """Whether ``fields`` names a key only the full representation has (or ``*``)."""
        names = {
            name.split("(")[0].strip().lstrip("-")
            for name in self.request.GET.get("fields", "").split(",")
        }
        return "*" in names or bool(names & DETAIL_KEYS)

    def paginate_queryset(self, queryset):
        page = list(super().paginate_queryset(queryset))
        # The representations of the whole page at once: full ones when detail keys are asked.
        if self.asks_for_details():
            representations = serializers.event_details(page, self.request)
            for data in representations:
                data["_complete"] = True
        else:
            representations = serializers.event_list(page, self.request, expand_programme=True)
        for event, data in zip(page, representations, strict=True):
            setattr(event, CACHE_ATTRIBUTE, data)
        return page
