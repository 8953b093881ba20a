"""Facets of the matching events, counted in the database on the set the hits come from."""

from django.db.models import Count
from django.db.models.functions import ExtractYear

from wagtail_rencontres.services import dates
from wagtail_rencontres.services.search.querysets import YEAR_TIMEZONE, model, with_keys
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
    :func:`~wagtail_rencontres.services.search.engine._ranked_ids`), so that the
    numbers never count an event the hits cannot show; ``event_model`` is
    their model. The events are counted through their primary key, a fresh
    queryset of their ids: joins of the search's own filters (a theme) must
    not narrow the facets, and a subquery would have the database read the
    whole event table to join it.
    """
    events = with_keys(event_model._default_manager.all(), ids)
    regions = _counts(events.exclude(venue__region=""), "venue__region")
    years = _counts(
        events.annotate(year=ExtractYear("start", tzinfo=dates.get_zone(YEAR_TIMEZONE))), "year"
    )
    return described(_counts(events, "themes"), _counts(events, "format"), regions, years)


def described(theme_counts, format_counts, region_counts, year_counts):
    """The facets of ``{value: count}`` counts, themes and formats by primary key.

    Themes and formats are named in one query each; values counted zero are left out.
    """
    theme_counts = {pk: n for pk, n in theme_counts.items() if n > 0}
    format_counts = {pk: n for pk, n in format_counts.items() if n > 0}
    themes = model("Theme").objects.filter(pk__in=theme_counts).only("pk", "slug", "name")
    formats = model("EventFormat").objects.filter(pk__in=format_counts).only("pk", "slug", "name")
    return {
        "themes": _sorted(
            {"value": t.slug, "label": t.name, "count": theme_counts[t.pk]} for t in themes
        ),
        "formats": _sorted(
            {"value": f.slug, "label": f.name, "count": format_counts[f.pk]} for f in formats
        ),
        "regions": _sorted(
            {"value": name, "label": name, "count": count}
            for name, count in region_counts.items()
            if name and count > 0
        ),
        "years": sorted(
            (
                {"value": year, "label": str(year), "count": count}
                for year, count in year_counts.items()
                if count > 0
            ),
            key=lambda item: -item["value"],
        ),
    }
