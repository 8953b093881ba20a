"""Counting long lists without reading them all: exact up to a limit, estimated past it.

Counting every matching row costs a scan of them all. On PostgreSQL, lists
(the typed API's and the HTML agenda's) count exactly up to
``WAGTAILRENCONTRES_API_EXACT_COUNT_LIMIT`` rows and take the query planner's
estimate above it, saying that it is one. Other databases count every row.
"""

import json

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

from wagtail_rencontres import conf


def count_of(queryset):
    """``(count, exact)``: the rows of ``queryset``, counted or, past the limit, estimated.

    On PostgreSQL, counting stops after ``WAGTAILRENCONTRES_API_EXACT_COUNT_LIMIT``
    rows; a larger set gets the query planner's estimate, never below the rows
    counted. Other databases count every row.
    """
    if connections[queryset.db].vendor != "postgresql":
        return queryset.count(), True
    rows = queryset.order_by().values("pk")
    limit = conf.get_setting("API_EXACT_COUNT_LIMIT")
    counted = rows[: limit + 1].count()
    if counted <= limit:
        return counted, True
    plan = json.loads(rows.explain(format="json"))
    return max(counted, int(plan[0]["Plan"]["Plan Rows"])), False


class EstimatingPaginator(Paginator):
    """A paginator whose ``count`` is :func:`count_of`'s; ``count_is_exact`` says which.

    With an estimate, the page numbers are estimated too: a number past the
    real end shows an empty page, as a list that shrank since it was counted.
    """

    @cached_property
    def _counted(self):
        return count_of(self.object_list)

    @cached_property
    def count(self):
        return self._counted[0]

    @property
    def count_is_exact(self):
        return self._counted[1]
