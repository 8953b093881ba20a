"""Indexes behind every filter and sort of the event listings, on the site's own event class."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail_rencontres.services import filters, queries

LISTING_INDEXES = [
    ["start", "end"],
    ["end"],
    ["registration_mode"],
    ["status"],
    ["attendance_mode"],
    ["registration_opens_at"],
    ["registration_closes_at"],
]


def indexed_columns(model):
    """Column lists of the indexes of ``model``'s table, as the database has them."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
    return [list(each["columns"]) for each in constraints.values() if each["index"]]


@pytest.mark.django_db
def test_the_event_table_has_the_listing_indexes():
    model = queries.event_model()
    columns = indexed_columns(model)
    for fields in LISTING_INDEXES:
        assert [model._meta.get_field(name).column for name in fields] in columns


def test_the_index_names_name_the_site_event_class():
    model = queries.event_model()
    prefix = f"{model._meta.app_label[:11]}_{model._meta.model_name[:11]}_"
    assert sorted(index.name for index in model._meta.indexes) == sorted(
        prefix + suffix for suffix in ("start", "end", "reg", "status", "att", "opens", "closes")
    )


def plan(sql, *disabled):
    """PostgreSQL's plan of ``sql`` when it may not scan a whole table, nor use ``disabled``.

    On the few rows of a test a scan, a sort or a nested loop from the page table
    cost less than an index: this proves that the indexes can serve the query, as
    they do on a large table. The tables are analysed first: statistics left
    from an earlier test (the table empty, say) could make any index look as
    cheap as another, and the plan would depend on the order tests run in.
    """
    with connection.cursor() as cursor:
        for table in ("wagtailcore_page", queries.event_model()._meta.db_table):
            cursor.execute(f"ANALYZE {table}")
        for setting in ("enable_seqscan", *disabled):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def date_index_names():
    return [index.name for index in queries.event_model()._meta.indexes][:2]


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="EXPLAIN plans are PostgreSQL's (CI runs it)"
)


@postgresql_only
@pytest.mark.django_db
def test_the_upcoming_list_reads_its_page_through_a_date_index(full_event):
    for n in range(20):
        full_event(n)
    listing = filters.apply(queries.visible_events(), {"when": "upcoming"})[:50]
    with CaptureQueriesContext(connection) as queries_run:
        list(listing)
    found = plan(queries_run.captured_queries[0]["sql"], "enable_sort")
    assert any(name in found for name in date_index_names()), found


@postgresql_only
@pytest.mark.django_db
def test_the_upcoming_list_counts_through_a_date_index(full_event):
    for n in range(20):
        full_event(n)
    listing = filters.apply(queries.visible_events(), {"when": "upcoming"})
    with CaptureQueriesContext(connection) as queries_run:
        assert listing.count() == 20
    found = plan(queries_run.captured_queries[0]["sql"], "enable_nestloop")
    assert any(name in found for name in date_index_names()), found


@postgresql_only
@pytest.mark.django_db
@pytest.mark.parametrize("name", ["registration_opens_at", "registration_closes_at"])
def test_the_next_boundary_finds_the_next_opening_and_deadline_through_an_index(name):
    """The change stamp looks for them on every publication: no scan of the event table."""
    model = queries.event_model()
    first = model.objects.filter(**{f"{name}__gte": timezone.now()}).order_by(name)
    with CaptureQueriesContext(connection) as queries_run:
        list(first.values_list(name, flat=True)[:1])
    found = plan(queries_run.captured_queries[0]["sql"])
    suffix = "opens" if name == "registration_opens_at" else "closes"
    assert f"_{suffix}" in found, found
