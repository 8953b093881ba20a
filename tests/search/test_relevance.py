"""The relevance benchmark (tests/search/relevance.yaml) holds its thresholds on this backend."""

from io import StringIO

import pytest
from django.core.management import call_command

from example_site.demo import relevance
from tests.search.conftest import SearchIndex, engine_name
from tests.sites import default_language

pytestmark = pytest.mark.skipif(
    default_language() != "fr",
    reason="the benchmark's queries and titles are the example site's French demo",
)


@pytest.fixture
def indexed_demo(demo):
    if engine_name() in ("elasticsearch", "opensearch"):
        # Other tests clear the server's index; the demo is indexed again.
        index = SearchIndex()
        index.rebuild()
        index.refresh()
    return demo


def test_relevance_holds_the_thresholds_of_this_backend(indexed_demo, capsys):
    benchmark = relevance.load()
    assert len(benchmark["queries"]) >= 40
    measures = relevance.measure(benchmark["queries"])
    report = relevance.report(measures, benchmark["thresholds"])
    with capsys.disabled():  # CI's log shows each backend's measures
        print(f"\nRelevance benchmark\n{report}")
    precision, recall = relevance.averages(measures)
    threshold = benchmark["thresholds"][engine_name()]
    assert precision >= threshold["precision_at_3"], report
    assert recall >= threshold["recall"], report


def test_the_command_prints_the_measures(indexed_demo):
    out = StringIO()
    call_command("search_relevance", stdout=out)
    assert f"{engine_name()}: 40 queries, precision@3 " in out.getvalue()
