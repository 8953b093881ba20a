"""The query budgets of the benchmark suite (benchmarks/budgets.py, benchmarks/smoke.py)."""

import pytest
from django.db import connection
from django.test import override_settings

from benchmarks.budgets import KNOWN_MISSED, QUERY_BUDGETS
from benchmarks.generate import Generator
from benchmarks.scenarios import BudgetResult, Targets, explain_list_queries, query_budgets
from benchmarks.smoke import verdict
from example_site.demo.models import HomePage


def test_known_missed_budgets_are_budgets():
    assert KNOWN_MISSED - set(QUERY_BUDGETS) == set()


@pytest.mark.parametrize(
    ("name", "held", "expected"),
    [
        ("publish", False, "missed (known)"),
        ("typed-list-programme-size", False, "MISSED"),
        ("typed-list-programme-size", True, "holds"),
        ("publish", True, "holds (listed as known-missed: remove it)"),
    ],
)
def test_smoke_verdict_fails_only_budgets_not_known_missed(name, held, expected):
    assert verdict(BudgetResult(name, "", "", held)) == expected


@pytest.mark.django_db
@override_settings(WAGTAILAPI_LIMIT_MAX=100)  # as benchmarks/settings.py: v2 pages of 50
def test_every_query_budget_is_measured_on_a_generated_site():
    generator = Generator(40, seed=3, speakers=60)
    generator.prepare(HomePage)
    generator.populate(bulk=True, search_index=False)

    results = query_budgets(Targets())

    assert [result.name for result in results] == list(QUERY_BUDGETS)
    by_name = {result.name: result for result in results}
    # The HTML agenda already keeps its budget; the typed list keeps it in programme size.
    assert by_name["html-agenda-page-size"].held
    assert set(by_name["html-agenda-page-size"].details) == {1, 10, 50}
    assert by_name["typed-list-programme-size"].held


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="EXPLAIN ANALYZE and the estimated count are PostgreSQL's (CI runs it)",
)
@pytest.mark.django_db
@override_settings(WAGTAILRENCONTRES_API_EXACT_COUNT_LIMIT=5)
def test_list_plans_are_read_when_the_count_is_estimated():
    """Past the exact-count limit the list runs an EXPLAIN of its own: not explained again."""
    generator = Generator(40, seed=3, speakers=60)
    generator.prepare(HomePage)
    generator.populate(bulk=True, search_index=False)

    plans = explain_list_queries(Targets())

    assert plans
    assert all(not sql.lstrip().upper().startswith("EXPLAIN") for sql, _plan in plans)
    assert all("Execution Time" in plan for _sql, plan in plans)
