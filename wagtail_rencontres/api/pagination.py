"""Pagination of the typed API's lists: ``{count, next, previous, results}``.

A :class:`RencontresPagination` for ``@paginate``: ``limit`` (1 to
``WAGTAILRENCONTRES_API_MAX_LIMIT``, default ``WAGTAILRENCONTRES_API_DEFAULT_LIMIT``)
and ``offset`` are declared in the schema with their limits, and the page is
serialised in one batch by the handler's :class:`Listing`.

Counting every matching row costs a scan of them all, so on PostgreSQL the
count is exact up to ``WAGTAILRENCONTRES_API_EXACT_COUNT_LIMIT`` rows and the
planner's estimate above it (:func:`~wagtail_rencontres.services.counting.count_of`),
flagged by ``count_is_exact``. ``next`` never
depends on the count: the page reads one row more than it shows.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import PaginationBase
from pydantic import create_model

from wagtail_rencontres import conf
from wagtail_rencontres.api.params import MAX_OFFSET, StrictQuery
from wagtail_rencontres.services.counting import count_of


@dataclass
class Listing:
    """What a paginated handler returns: the queryset and how to serialise one page.

    ``serialize(objects)`` gets the page's objects at once, so representations
    prefetch in bulk (no query per item); ``extra`` keys join the response.
    """

    queryset: QuerySet
    serialize: Any
    extra: dict = field(default_factory=dict)


def pagination_input(default, maximum):
    """The ``limit``/``offset`` query schema, with the limits the API enforces."""
    return create_model(
        "Pagination",
        __base__=Schema,
        limit=(
            int,
            Field(default, ge=1, le=maximum, description="Items per page."),
        ),
        offset=(int, Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")),
    )


def page_links(request, count, limit, offset, has_next=None):
    """Absolute ``next`` and ``previous`` URLs, keeping the other parameters.

    ``has_next``, when known, says whether a next page exists; otherwise ``count`` does.
    """

    def url(new_offset):
        params = request.GET.copy()
        params["limit"] = str(limit)
        params["offset"] = str(new_offset)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    if has_next is None:
        has_next = offset + limit < count
    next_url = url(offset + limit) if has_next else None
    previous_url = url(max(offset - limit, 0)) if offset > 0 else None
    return next_url, previous_url


class RencontresPagination(PaginationBase):
    """Limit/offset pages with absolute ``next``/``previous`` links.

    The limits are read from the settings when the router is built. Routes
    declare their own list schema (``EventList``…), so ``Output`` is left out.
    """

    InputSource = StrictQuery(...)
    Output = None
    items_attribute = "results"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.Input = pagination_input(
            conf.get_setting("API_DEFAULT_LIMIT"), conf.get_setting("API_MAX_LIMIT")
        )

    def paginate_queryset(self, listing, pagination, request, **params):
        limit, offset = pagination.limit, pagination.offset
        count, exact = count_of(listing.queryset)
        objects = list(listing.queryset[offset : offset + limit + 1])
        has_next = len(objects) > limit
        next_url, previous_url = page_links(request, count, limit, offset, has_next)
        return {
            "count": count,
            "count_is_exact": exact,
            "next": next_url,
            "previous": previous_url,
            "results": listing.serialize(objects[:limit]),
            **listing.extra,
        }
