"""An ``events`` endpoint for Wagtail's API v2, with the typed API's filters.

Register it on the site's v2 router::

    api_router.register_endpoint("events", EventsAPIViewSet)
"""

from django.utils.functional import classproperty
from rest_framework.exceptions import ValidationError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from wagtail_rencontres import conf
from wagtail_rencontres.api import filters as typed_filters
from wagtail_rencontres.api.fields import CACHE_ATTRIBUTE
from wagtail_rencontres.api.final import keep_answer
from wagtail_rencontres.services import filters, queries, serializers

#: v2's own parameters, which the event filters leave to it.
V2_PARAMETERS = BaseAPIViewSet.known_query_parameters.union(["type"])


class EventsAPIViewSet(PagesAPIViewSet):
    """Visible events; the same filters, errors and representation as the typed API."""

    name = "events"
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
        # Only this endpoint's filters: unknown parameters are field-keyed errors.
        _cleaned, errors = typed_filters.validate(self.request.GET, ignore=V2_PARAMETERS)
        if errors:
            raise ValidationError(errors)

    def get_queryset(self):
        queryset = queries.visible_events().filter(pk__in=self.get_base_queryset().values("pk"))
        if self.action == "listing_view":
            cleaned, errors = typed_filters.validate(self.request.GET, ignore=V2_PARAMETERS)
            if errors:
                raise ValidationError(errors)
            queryset = filters.apply(queryset, cleaned)
        return serializers.prefetch_events(queryset)

    def paginate_queryset(self, queryset):
        page = list(super().paginate_queryset(queryset))
        # Summaries and programmes of the whole page at once; detail keys follow per event.
        for event, data in zip(
            page,
            serializers.event_list(page, self.request, expand_programme=True),
            strict=True,
        ):
            setattr(event, CACHE_ATTRIBUTE, data)
        return page
