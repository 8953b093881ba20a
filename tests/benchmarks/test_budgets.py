"""The query budgets of the benchmark suite (benchmarks/budgets.py, benchmarks/smoke.py)."""

import json

import pytest
from django.db import connection
from django.test import override_settings

from benchmarks import race, run
from benchmarks.budgets import KNOWN_MISSED, QUERY_BUDGETS
from benchmarks.generate import Generator
from benchmarks.race import RaceResult
from benchmarks.scenarios import (
    BudgetResult,
    Sample,
    Scenario,
    Targets,
    explain_list_queries,
    query_budgets,
)
from benchmarks.smoke import race_failures, verdict
from example_site.demo.models import HomePage
from wagtail_rencontres.enums import RegistrationStatus
from wagtail_rencontres.models import Registration


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


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="benchmarks.urls")
def test_registration_floor_counts_seats_under_the_lock(client):
    """The race's reference: seats up to the capacity, then the waiting list."""
    generator = Generator(8, seed=3, speakers=20)
    generator.prepare(HomePage)
    generator.populate(bulk=True, search_index=False)
    event = Targets().event
    type(event).objects.filter(pk=event.pk).update(registration_capacity=1)
    Registration.objects.filter(page=event).delete()
    person = {"first_name": "Ana", "last_name": "Lopez", "organisation": "CRPV"}

    answers = [
        client.post(
            f"/bench/floor/events/{event.pk}/registrations",
            json.dumps({**person, "email": f"{name}@example.org"}),
            content_type="application/json",
        ).status_code
        for name in ("first", "second")
    ]

    assert answers == [201, 202]
    assert sorted(Registration.objects.filter(page=event).values_list("status", flat=True)) == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITLISTED,
    ]


def race_result(**changes):
    values = {
        "workers": 2,
        "clients": 60,
        "capacity": 20,
        "seconds": 1.0,
        "per_second": 60.0,
        "p50": 1.0,
        "p95": 2.0,
        "statuses": {"201": 20, "202": 40},
        "confirmed": 20,
        "overbooked": 0,
        "queries_per_registration": 8.0,
        "worker_peak_rss_mib": 100.0,
    }
    return RaceResult(**{**values, **changes})


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"confirmed": 21, "overbooked": 1}, ["1 overbooked", "21 seats taken of 20"]),
        ({"confirmed": 19}, ["19 seats taken of 20"]),
        (
            {"statuses": {"201": 20, "202": 39, "500": 1}},
            ["answers {'500': 1}"],
        ),
    ],
)
def test_the_smoke_race_fails_on_overbooking_and_unexpected_answers(changes, expected):
    assert race_failures(race_result(**changes)) == expected


@pytest.mark.parametrize(("cores", "workers"), [(2, 2), (8, 8), (None, 2)])
def test_the_race_runs_one_worker_per_core_by_default(monkeypatch, cores, workers):
    monkeypatch.setattr(race.os, "cpu_count", lambda: cores)
    assert race.default_workers() == workers


def test_a_feed_measured_once_is_repeated_only_while_it_is_quick(monkeypatch):
    seconds = {"quick-feed": 2.0, "slow-feed": run.REPEAT_UNDER_SECONDS + 1, "page": 0.01}
    monkeypatch.setattr(run, "client", lambda: None)
    monkeypatch.setattr(
        run, "perform", lambda scenario, http: Sample(seconds[scenario.name], 0.0, 200, 1)
    )
    all_scenarios = [
        Scenario("quick-feed", "ics", "/q", per_round=1, once=True),
        Scenario("slow-feed", "ics", "/s", per_round=1, once=True),
        Scenario("page", "detail", "/p", per_round=2),
    ]

    samples, counted = run.measure(all_scenarios, rounds=3)

    assert [len(samples[name]) for name in ("quick-feed", "slow-feed", "page")] == [3, 1, 6]
    assert set(counted) == {"quick-feed", "slow-feed"}
