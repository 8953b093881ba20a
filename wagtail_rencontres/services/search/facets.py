"""Facets of the matching events, counted in the database on the set the hits come from."""

from django.db.models import Count
from django.db.models.functions import ExtractYear

from wagtail_rencontres.services import dates
from wagtail_rencontres.services.search.querysets import YEAR_TIMEZONE, model
from wagtail_rencontres.text import fold

FACETS = ("themes", "formats", "regions", "years")


def empty_facets():
    return {name: [] for name in FACETS}


def _counts(events, field_name):
    """``{value: number of events}`` of a field over ``events``, empty values left out."""
    return dict(
        events.exclude(**{f"{field_name}__isnull": True})
        .order_by()
        .values_list(field_name)
        .annotate(count=Count("pk", distinct=True))
    )


def _sorted(items):
    return sorted(items, key=lambda item: (-item["count"], fold(str(item["label"])).lower()))


def event_facets(ids, event_model):
    """Themes, formats, regions and years of the events ``ids``, with counts.

    ``ids`` are those of the events a search found (see
    :func:`~wagtail_rencontres.services.search.engine.matching`), so that the
    numbers never count an event the hits cannot show; ``event_model`` is
    their model. The events are counted through their primary key, a fresh
    queryset of their ids: joins of the search's own filters (a theme) must
    not narrow the facets, and a subquery would have the database read the
    whole event table to join it.
    """
    events = event_model._default_manager.filter(pk__in=ids)
    theme_counts = _counts(events, "themes")
    themes = model("Theme").objects.filter(pk__in=theme_counts).only("pk", "slug", "name")
    format_counts = _counts(events, "format")
    formats = model("EventFormat").objects.filter(pk__in=format_counts).only("pk", "slug", "name")
    regions = _counts(events.exclude(venue__region=""), "venue__region")
    years = _counts(
        events.annotate(year=ExtractYear("start", tzinfo=dates.get_zone(YEAR_TIMEZONE))), "year"
    )
    return {
        "themes": _sorted(
            {"value": t.slug, "label": t.name, "count": theme_counts[t.pk]} for t in themes
        ),
        "formats": _sorted(
            {"value": f.slug, "label": f.name, "count": format_counts[f.pk]} for f in formats
        ),
        "regions": _sorted(
            {"value": name, "label": name, "count": count} for name, count in regions.items()
        ),
        "years": sorted(
            ({"value": year, "label": str(year), "count": count} for year, count in years.items()),
            key=lambda item: -item["value"],
        ),
    }
