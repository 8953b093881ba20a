"""Facets of the matching events, counted by the backend."""

import datetime as dt
from collections import OrderedDict

from wagtail_rencontres.services import dates
from wagtail_rencontres.services.search.querysets import YEAR_TIMEZONE, model
from wagtail_rencontres.text import fold

FACETS = ("themes", "formats", "regions", "years")


def empty_facets():
    return {name: [] for name in FACETS}


def _raw_facet(results, field_name):
    """``{value: count}`` of a ``FilterField`` over the results, counted by the backend.

    Elasticsearch and OpenSearch get a terms aggregation without the 10-bucket
    default of ``SearchResults.facet()``.
    """
    if hasattr(results, "_backend_do_search"):
        compiler = results.query_compiler
        search_field = compiler._get_filterable_field(field_name)
        body = results._get_es_body(for_count=True)
        body["aggregations"] = {
            "facet": {
                "terms": {
                    "field": compiler.mapping.get_field_column_name(search_field),
                    "size": 500,
                }
            }
        }
        response = results._backend_do_search(
            body,
            index=results.backend.get_index_for_model(compiler.queryset.model).name,
            size=0,
        )
        return OrderedDict(
            (bucket["key"], bucket["doc_count"])
            for bucket in response["aggregations"]["facet"]["buckets"]
        )
    return results.facet(field_name)


def _as_datetime(value):
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, int | float):  # epoch milliseconds from a terms aggregation
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC)
    return dt.datetime.fromisoformat(str(value))


def _sorted(items):
    return sorted(items, key=lambda item: (-item["count"], fold(str(item["label"])).lower()))


def event_facets(results):
    """Themes, formats, regions and years of the matching events, with counts."""
    theme_counts = {k: v for k, v in _raw_facet(results, "themes").items() if k}
    themes = model("Theme").objects.filter(pk__in=theme_counts).only("pk", "slug", "name")
    format_counts = {k: v for k, v in _raw_facet(results, "format_id").items() if k}
    formats = model("EventFormat").objects.filter(pk__in=format_counts).only("pk", "slug", "name")
    venue_counts = {k: v for k, v in _raw_facet(results, "venue_id").items() if k}
    regions = {}
    for venue_id, region in (
        model("Venue").objects.filter(pk__in=venue_counts).values_list("pk", "region")
    ):
        if region:
            regions[region] = regions.get(region, 0) + venue_counts[venue_id]
    years = {}
    for start, count in _raw_facet(results, "start").items():
        if start is None:
            continue
        year = dates.to_local(_as_datetime(start), YEAR_TIMEZONE).year
        years[year] = years.get(year, 0) + count
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
