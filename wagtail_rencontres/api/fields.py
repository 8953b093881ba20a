"""``api_fields`` for Wagtail's API v2, read from the one shared representation.

Each field returns one key of :func:`wagtail_rencontres.services.serializers.event_full`
(or :func:`~wagtail_rencontres.services.serializers.cycle`), so ``/api/v2/`` and the
typed API return the same data.
"""

from rest_framework.fields import Field
from rest_framework.serializers import ListSerializer
from wagtail.api import APIField

from wagtail_rencontres.services import queries, seats, serializers

CACHE_ATTRIBUTE = "_rencontres_api_data"

EVENT_KEYS = (
    "uuid",
    "subtitle",
    "url",
    "start",
    "end",
    "timezone",
    "all_day",
    "status",
    "status_label",
    "previous_start",
    "temporal_status",
    "attendance_mode",
    "online_url",
    "image",
    "venue",
    "format",
    "themes",
    "audiences",
    "partners",
    "registration",
    "sequence",
    "audience_text",
    "objectives",
    "body",
    "practical_info",
    "funding_statement",
    "documents",
    "resources",
    "programme_to_come",
    "programme",
    "cycles",
)
#: Keys of the full representation only, which listings leave out unless asked for.
DETAIL_KEYS = frozenset(
    [
        "audience_text",
        "objectives",
        "body",
        "practical_info",
        "funding_statement",
        "documents",
        "resources",
        "programme_to_come",
        "cycles",
    ]
)
CYCLE_KEYS = (
    "subtitle",
    "url",
    "description",
    "image",
    "themes",
    "audiences",
    "partners",
    "funding_statement",
    "documents",
    "sessions",
)
AGENDA_KEYS = ("intro",)


def representation(instance, request=None):
    """The shared representation of a page, computed once per instance."""
    data = getattr(instance, CACHE_ATTRIBUTE, None)
    if data is not None and data.get("_complete"):
        return data
    if hasattr(instance, "programme"):
        data = serializers.event_full(instance, request)
    elif hasattr(instance, "sessions"):
        data = serializers.cycle(
            instance, request, sessions=serializers.cycle_sessions(instance, request)
        )
    else:
        data = {"intro": serializers.rich_text(getattr(instance, "intro", ""))}
    data["_complete"] = True
    setattr(instance, CACHE_ATTRIBUTE, data)
    return data


def prepare_listed_events(pages, request=None):
    """Full representations of the events among ``pages`` (a listing of Wagtail's own
    endpoints), in a constant number of queries.

    The events are read again with what the representation needs (relations,
    seats taken), then each listed instance gets its representation.
    """
    model = queries.event_model()
    pending = {
        page.pk: page
        for page in pages
        if isinstance(page, model) and getattr(page, CACHE_ATTRIBUTE, None) is None
    }
    if not pending:
        return
    events = serializers.prefetch_events(
        model.objects.filter(pk__in=pending).annotate(
            registrations_seats_taken=seats.counted_seats()
        )
    )
    for event, data in zip(events, serializers.event_details(list(events), request), strict=True):
        data["_complete"] = True
        listed = pending[event.pk]
        setattr(listed, CACHE_ATTRIBUTE, data)
        # Wagtail's meta.locale of the pages still to serialise reads it otherwise.
        listed.locale = event.locale


class RepresentationField(Field):
    """A read-only DRF field returning one key of the shared representation."""

    def __init__(self, key, **kwargs):
        self.key = key
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, instance):
        cached = getattr(instance, CACHE_ATTRIBUTE, None)
        if cached is not None and self.key in cached:
            # Listings prepare summaries in bulk; only detail keys need the full representation.
            return cached[self.key]
        request = self.context.get("request")
        listing = getattr(self.parent, "parent", None)
        if isinstance(listing, ListSerializer):
            # A page of Wagtail's /pages/ endpoint: every event of it at once.
            prepare_listed_events(listing.instance, request)
        return representation(instance, request).get(self.key)


def api_fields(keys):
    return [APIField(key, serializer=RepresentationField(key)) for key in keys]
