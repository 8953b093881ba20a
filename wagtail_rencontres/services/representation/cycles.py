"""Cycles: series of events, each session an event summary."""

from django.db.models import Prefetch

from wagtail_rencontres.services import queries
from wagtail_rencontres.services.representation.events import event_list, prefetch_events
from wagtail_rencontres.services.representation.localization import (
    ensure_localized,
    localize,
    partners_prefetch,
)
from wagtail_rencontres.services.representation.records import partner, term
from wagtail_rencontres.services.representation.values import (
    image,
    image_queryset,
    page_url,
    rich_text,
    stream_items,
)


def cycle_core(obj, request=None):
    """What names a cycle in every output: title, URL and terms."""
    ensure_localized(obj)
    return {
        "id": obj.pk,
        "title": obj.title,
        "subtitle": obj.subtitle,
        "url": page_url(obj, request),
        "locale": obj.locale.language_code,
        "themes": [term(item) for item in obj.localized_themes],
        "audiences": [term(item) for item in obj.localized_audiences],
    }


def cycle(obj, request=None, sessions=None):
    """The representation of a cycle; ``sessions`` (from :func:`cycle_sessions`) adds them."""
    data = cycle_core(obj, request)
    data.update(
        {
            "description": rich_text(obj.description),
            "image": image(obj.image),
            "partners": [partner(link) for link in obj.localized_partners],
            "funding_statement": obj.funding_statement,
            "documents": stream_items(obj.documents),
        }
    )
    if sessions is not None:
        data["sessions"] = sessions
    return data


def prefetch_cycles(queryset):
    queryset = queryset.select_related(None).select_related("locale")
    return queryset.prefetch_related(
        Prefetch("image", queryset=image_queryset()),
        "themes",
        "audiences",
        partners_prefetch(queryset.model),
    )


def cycle_list(cycles, request=None):
    """Representations of a page of cycles (fetched with :func:`prefetch_cycles`)."""
    return [cycle(obj, request) for obj in localize(cycles)]


def cycle_sessions(obj, request=None):
    """A cycle's visible sessions, as event summaries."""
    events = list(prefetch_events(queries.cycle_sessions(obj)))
    labels = dict(obj.sessions.values_list("event_id", "label"))
    result = []
    for data in event_list(events, request=request):
        data["session_label"] = labels.get(data["id"], "")
        result.append(data)
    return result
