"""Search on Elasticsearch or OpenSearch: one page of hits, the count and the facets in one request.

The server ranks the matches and returns the first ``window`` of them, its
exact count of every match, and the facets as aggregations (themes and
formats by primary key, regions through the nested venue, years in the
:data:`~.querysets.YEAR_TIMEZONE`). Nothing in the request reads every
match, so its cost does not grow with their number.

The hits are fetched through the database queryset, which leaves out what
the database no longer shows. So that the count and the facets never count
such an entry either, the noted objects of the :mod:`.backlog` (the only
ones whose entry may be out of date) are checked: those the server matches
and the database does not show are taken off, with their facet values.
"""

from django.db.models.lookups import Lookup
from django.db.models.sql.where import AND, WhereNode

from wagtail_rencontres.services.search import backlog
from wagtail_rencontres.services.search.facets import described
from wagtail_rencontres.services.search.querysets import YEAR_TIMEZONE

#: Most values a facet's aggregation returns (themes, formats, regions).
MAX_FACET_VALUES = 1000
#: Most hits a server gives (the default ``index.max_result_window``): pages
#: past the 10,000th hit of a type are empty.
MAX_WINDOW = 10_000
#: Most values of a ``terms`` filter (the default ``index.max_terms_count``).
MAX_TERMS = 65_536
_FIELDS = {"themes": "themes", "formats": "format"}


def _search_field(model, name, nested=False):
    """The ``name`` entry of ``model``'s search fields: a filter field, or a ``RelatedFields``."""
    return next(
        field
        for field in model.get_search_fields()
        if field.field_name == name and hasattr(field, "fields") == nested
    )


def _column(compiler, name):
    """The document field of the ``name`` filter field."""
    return compiler.mapping.get_field_column_name(_search_field(compiler.queryset.model, name))


def _related_column(compiler, relation, name):
    """``(path, column)`` of the ``name`` filter field of the nested ``relation``."""
    model = compiler.queryset.model
    related = _search_field(model, relation, nested=True)
    path = compiler.mapping.get_field_column_name(related)
    target = related.get_field(model).related_model
    sub = next(field for field in related.fields if field.field_name == name)
    return path, f"{path}.{type(compiler.mapping)(target).get_field_column_name(sub)}"


def _aggregations(compiler):
    """The facets of the event matches as aggregations."""
    aggregations = {
        name: {"terms": {"field": _column(compiler, field), "size": MAX_FACET_VALUES}}
        for name, field in _FIELDS.items()
    }
    path, region = _related_column(compiler, "venue", "region")
    aggregations["regions"] = {
        "nested": {"path": path},
        "aggs": {"names": {"terms": {"field": region, "size": MAX_FACET_VALUES}}},
    }
    aggregations["years"] = {
        "date_histogram": {
            "field": _column(compiler, "start"),
            "calendar_interval": "year",
            "time_zone": YEAR_TIMEZONE,
            "format": "yyyy",
            "min_doc_count": 1,
        }
    }
    return aggregations


def _counts(aggregations):
    """``{facet: {value: count}}`` of an answer's aggregations."""

    def terms(buckets):
        return {bucket["key"]: bucket["doc_count"] for bucket in buckets}

    return {
        "themes": terms(aggregations["themes"]["buckets"]),
        "formats": terms(aggregations["formats"]["buckets"]),
        "regions": terms(aggregations["regions"]["names"]["buckets"]),
        "years": {
            int(bucket["key_as_string"]): bucket["doc_count"]
            for bucket in aggregations["years"]["buckets"]
        },
    }


class Untranslatable(Exception):
    """The queryset's primary keys are narrowed in a way the server cannot be told,
    or the request would pass the server's limits: the database path answers."""


def _is_pointer(node):
    target = getattr(getattr(node, "lhs", None), "target", None)
    return isinstance(node, Lookup) and getattr(target, "attname", "").endswith("_ptr_id")


def _holds_pointer(node):
    if isinstance(node, WhereNode):
        return any(_holds_pointer(child) for child in node.children)
    return _is_pointer(node)


def _pointer_values(lookup):
    if lookup.lookup_name == "exact":
        return [str(lookup.rhs)]
    if lookup.lookup_name == "in" and isinstance(lookup.rhs, list | tuple | set | frozenset):
        return [str(value) for value in lookup.rhs]
    raise Untranslatable(lookup.lookup_name)


def pk_filters(queryset):
    """``(kept, left out)``: lists of primary keys the server must narrow ``queryset`` to itself.

    Wagtail's search backends leave out a page model's lookups on its primary
    key (the page pointer), such as ``filter(id__in=…)`` and
    ``exclude(id__in=…)``; they become ``pk`` terms here. Raises
    :class:`Untranslatable` for other shapes (a lookup on the key under
    ``OR``, a subquery).
    """
    kept, left_out = [], []

    def walk(node):
        if node.connector != AND and _holds_pointer(node):
            raise Untranslatable(node.connector)
        for child in node.children:
            if _is_pointer(child):
                kept.append(_pointer_values(child))
            elif not isinstance(child, WhereNode) or not _holds_pointer(child):
                continue
            elif child.negated and len(child.children) == 1 and _is_pointer(child.children[0]):
                left_out.append(_pointer_values(child.children[0]))
            elif not child.negated:
                walk(child)
            else:
                raise Untranslatable("NOT")

    if queryset.query.where.negated and _holds_pointer(queryset.query.where):
        raise Untranslatable("NOT")
    walk(queryset.query.where)
    return kept, left_out


def _body(results, filters, only=None):
    """The request's body: the backend's query, with the primary-key ``filters``
    (:func:`pk_filters`) it leaves out, narrowed to ``only`` when given."""
    body = results._get_es_body()
    kept, left_out = filters
    if only is not None:
        kept = [*kept, [str(pk) for pk in only]]
    if kept or left_out:
        body["query"] = {
            "bool": {
                "must": body["query"],
                "filter": [{"terms": {"pk": values}} for values in kept],
                "must_not": [{"terms": {"pk": values}} for values in left_out],
            }
        }
    return body


def _ask(results, filters, size, aggregations=None, only=None):
    body = _body(results, filters, only)
    body["track_total_hits"] = True
    if aggregations:
        body["aggs"] = aggregations
    return results._backend_do_search(
        body,
        index=results.backend.get_index_for_model(results.query_compiler.queryset.model).name,
        size=size,
        _source=False,
        **{results.fields_param_name: "pk"},
    )


def find(queryset, query, window, backend, operator, facets):
    """``(hits, count, facet counts)`` of ``query`` among ``queryset`` on a search server.

    ``hits`` are the first ``window`` objects by relevance (at most
    :data:`MAX_WINDOW`), each with its ``_score``; ``facet counts`` are
    ``{facet: {value: count}}`` when ``facets`` is true, else None. Raises
    :class:`Untranslatable` before asking anything when the database path
    must answer.
    """
    filters = kept, left_out = pk_filters(queryset)
    noted = backlog.pending(queryset.model)
    if len(noted) > MAX_WINDOW or any(len(values) > MAX_TERMS for values in kept + left_out):
        raise Untranslatable("too many keys")
    results = backend.search(query, queryset, operator=operator).annotate_score("_score")
    aggregations = _aggregations(results.query_compiler) if facets else None
    answer = _ask(results, filters, min(window, MAX_WINDOW), aggregations)
    hits = list(results._get_results_from_hits(answer["hits"]["hits"]))
    count = answer["hits"]["total"]["value"]
    counts = _counts(answer["aggregations"]) if facets else None
    gone = _matched_but_not_shown(queryset, results, filters, noted)
    if gone:
        answer = _ask(results, filters, 0, aggregations, only=gone)
        count -= answer["hits"]["total"]["value"]
        if facets:
            for facet, values in _counts(answer["aggregations"]).items():
                for value, number in values.items():
                    counts[facet][value] = counts[facet].get(value, 0) - number
    return hits, count, counts


def _matched_but_not_shown(queryset, results, filters, noted):
    """The ``noted`` objects the server matches among ``queryset`` that the database hides."""
    if not noted:
        return []
    answer = _ask(results, filters, len(noted), only=noted)
    to_python = queryset.model._meta.pk.to_python
    matched = {to_python(hit["fields"]["pk"][0]) for hit in answer["hits"]["hits"]}
    shown = set(queryset.filter(pk__in=matched).values_list("pk", flat=True)) if matched else set()
    return sorted(matched - shown)


def facets_of(counts):
    """The facets of the event counts of :func:`find`."""
    return described(counts["themes"], counts["formats"], counts["regions"], counts["years"])
